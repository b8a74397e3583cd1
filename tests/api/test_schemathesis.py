"""Schemathesis against the live server: every operation, valid and invalid data.

A few examples per operation keep it quick. It must find no server error, no
response that breaks the OpenAPI document, and no status code the document
does not list.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nextround.accounts.models import ApiToken

pytestmark = pytest.mark.django_db(transaction=True)


def _schemathesis() -> list[str]:
    script = Path(sys.executable).with_name("schemathesis")
    return [str(script)] if script.exists() else [shutil.which("schemathesis") or "schemathesis"]


def test_schemathesis_finds_nothing(live_server, user, tmp_path):
    _, token = ApiToken.issue(user, "schemathesis")
    result = subprocess.run(
        [
            *_schemathesis(),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--header", f"Authorization: Bearer {token}",
            "--max-examples", "3",
            "--checks", "not_a_server_error,status_code_conformance,"
            "response_schema_conformance,content_type_conformance,"
            "negative_data_rejection",
            "--phases", "examples,coverage,fuzzing",
            "--seed", "20261202",
            "--no-shrink",
            "--generation-deterministic",
            "--suppress-health-check", "all",
            "--request-timeout", "30",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]

"""The ``nextround`` console script, run as a person would run it.

Each test gets its own data directory (a copy of one migrated once), so the
commands honour ``NEXTROUND_DATA_DIR`` and never touch the test database.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PASSWORD = "a-long-cli-password-42"
DATABASE = "nextround.sqlite3"


def nextround_command() -> list[str]:
    script = Path(sys.executable).with_name("nextround")
    return [str(script)] if script.exists() else [sys.executable, "-m", "nextround"]


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        and not key.startswith("NEXTROUND_")
    }
    return {**env, "NEXTROUND_DATA_DIR": str(data_dir), **extra}


def nextround(data_dir: Path, *args: str, stdin: str = "", **env: str):
    return subprocess.run(
        [*nextround_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment(data_dir, **env),
        timeout=120,
    )


def usernames(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / DATABASE) as db:
        return [row[0] for row in db.execute("SELECT username FROM accounts_user ORDER BY id")]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """A data directory migrated once for the whole module."""
    data_dir = tmp_path_factory.mktemp("migrated")
    result = nextround(data_dir, "migrate", "--no-input")
    assert result.returncode == 0, result.stderr
    return data_dir


@pytest.fixture
def data_dir(migrated, tmp_path) -> Path:
    """A fresh copy of the migrated data directory, secret key and all."""
    copy = tmp_path / "data"
    shutil.copytree(migrated, copy)
    return copy


def test_migrate_creates_the_database_in_the_data_directory(migrated):
    assert (migrated / DATABASE).exists()
    assert (migrated / "secret_key").exists()
    again = nextround(migrated, "migrate", "--no-input")
    assert again.returncode == 0
    assert "No migrations to apply" in again.stdout


def test_migrate_honours_database_url(tmp_path):
    elsewhere = tmp_path / "elsewhere.sqlite3"
    data_dir = tmp_path / "data"
    result = nextround(data_dir, "migrate", "--no-input", DATABASE_URL=f"sqlite:///{elsewhere}")
    assert result.returncode == 0, result.stderr
    assert elsewhere.exists()
    assert not (data_dir / DATABASE).exists()


def test_createuser_reads_the_password_from_stdin(data_dir):
    result = nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert usernames(data_dir) == ["robin"]


def test_createuser_refuses_a_name_already_taken(data_dir):
    nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD)
    again = nextround(data_dir, "createuser", "Robin", "--password-stdin", stdin=PASSWORD)
    assert again.returncode != 0
    assert "already exists" in again.stderr
    assert usernames(data_dir) == ["robin"]


def test_createuser_refuses_a_weak_password(data_dir):
    result = nextround(data_dir, "createuser", "robin", "--password-stdin", stdin="12345")
    assert result.returncode != 0
    assert "password" in result.stderr.lower()
    assert "Traceback" not in result.stderr
    assert usernames(data_dir) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, token: str = ""):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def served(data_dir):
    """``nextround serve`` on a free port; yields its base URL and stops it afterwards."""
    port = free_port()
    server = subprocess.Popen(
        [*nextround_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stdout.read()) from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()


def test_serve_answers_with_the_login_page_and_stops(data_dir, served):
    nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD)
    status, html = get(f"{served}/accounts/login/")
    assert status == 200
    assert "password" in html.lower()


def test_token_prints_a_working_token_on_its_last_line(data_dir, served):
    nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD)
    result = nextround(data_dir, "token", "robin")
    assert result.returncode == 0, result.stderr
    token = result.stdout.strip().splitlines()[-1]
    status, body = get(f"{served}/api/v1/me", token)
    assert status == 200, body
    assert json.loads(body)["username"] == "robin"
    assert get(f"{served}/api/v1/me", token + "x")[0] == 401


def test_token_for_an_unknown_account_fails_politely(data_dir):
    result = nextround(data_dir, "token", "nobody")
    assert result.returncode != 0
    assert "No account named" in result.stderr


def test_naming_an_unknown_account_with_user_is_one_line_on_stderr(data_dir):
    result = nextround(data_dir, "export", "--user", "nobody")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == ["CommandError: No account named 'nobody'."]


def test_demo_builds_the_demo_account(data_dir):
    result = nextround(data_dir, "demo")
    assert result.returncode == 0, result.stderr
    assert "next-round-demo" in result.stdout
    assert usernames(data_dir) == ["demo"]


def test_help_lists_next_rounds_commands_grouped_with_a_line_each(data_dir):
    result = nextround(data_dir, "--help")
    assert result.returncode == 0
    text = result.stdout
    for group in ("Running it:", "Accounts:", "Every day:", "Your data:"):
        assert group in text
    for command in ("serve", "createuser", "token", "demo", "migrate", "check", "unlock"):
        assert f"\n  {command} " in text
    assert "Serve the app with a production server" in text
    for developer_only in ("flush", "sqlflush", "startproject", "createsuperuser"):
        assert f"  {developer_only} " not in text
    assert nextround(data_dir, "help").stdout == text


def test_djangos_own_commands_are_under_django(data_dir):
    refused = nextround(data_dir, "flush", "--no-input")
    assert refused.returncode == 2
    assert "nextround django flush" in refused.stderr
    assert usernames(data_dir) == []
    listed = nextround(data_dir, "django", "help")
    assert listed.returncode == 0
    assert "flush" in listed.stdout


def test_an_unknown_command_is_one_line(data_dir):
    result = nextround(data_dir, "frobnicate")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "no command 'frobnicate'" in result.stderr


def test_help_for_one_command_shows_its_options(data_dir):
    result = nextround(data_dir, "help", "serve")
    assert result.returncode == 0
    assert "--port" in result.stdout


def test_a_command_against_an_unmigrated_data_dir_says_so_in_one_line(tmp_path):
    result = nextround(tmp_path, "token", "robin")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "nextround migrate" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_createuser_without_a_terminal_asks_for_password_stdin(data_dir):
    result = nextround(data_dir, "createuser", "robin")
    assert result.returncode != 0
    assert "--password-stdin" in result.stderr
    assert "Traceback" not in result.stderr
    assert usernames(data_dir) == []


def test_import_csv_asks_about_not_selected_in_one_line_then_takes_the_choice(data_dir, tmp_path):
    nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD)
    export = tmp_path / "teal.csv"
    export.write_bytes(
        "Company;Job Position;Status\nCafé Rouge;Chef £;Not Selected\n".encode("cp1252")
    )
    refused = nextround(data_dir, "import-csv", "--user", "robin", str(export))
    assert refused.returncode != 0
    assert "Traceback" not in refused.stderr
    assert refused.stderr.strip().count("\n") == 0
    assert '--status "Not Selected=not_invited"' in refused.stderr
    chosen = nextround(
        data_dir, "import-csv", "--user", "robin", str(export), "--status", "Not Selected=rejected"
    )
    assert chosen.returncode == 0, chosen.stderr
    assert "Imported 1 application." in chosen.stdout


def test_createuser_keeps_the_signing_name_and_the_place(data_dir):
    result = nextround(
        data_dir,
        "createuser",
        "robin",
        "--password-stdin",
        "--signing-name",
        "Robin Ashdown",
        "--country",
        "DE",
        "--region",
        "BY",
        stdin=PASSWORD,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(data_dir / DATABASE) as db:
        row = db.execute(
            "SELECT signing_name, country, holiday_region FROM accounts_user"
        ).fetchone()
    assert row == ("Robin Ashdown", "DE", "BY")


def test_createuser_refuses_an_unknown_country_in_one_line(data_dir):
    result = nextround(
        data_dir, "createuser", "robin", "--password-stdin", "--country", "XX", stdin=PASSWORD
    )
    assert result.returncode != 0
    assert "--country: Next Round does not know" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert usernames(data_dir) == []


def test_heard_back_records_a_no_and_shows_the_plan(data_dir):
    nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD)
    result = nextround(
        data_dir,
        "heard-back",
        "--org",
        "Harbour Gallery",
        "--role",
        "Curator",
        "--outcome",
        "rejected",
    )
    assert result.returncode == 0, result.stderr
    assert "Recorded: Rejected after interview, Curator at Harbour Gallery" in result.stdout
    assert "Ask for feedback" in result.stdout


def test_heard_back_refuses_a_missing_role_in_one_line(data_dir):
    nextround(data_dir, "createuser", "robin", "--password-stdin", stdin=PASSWORD)
    result = nextround(data_dir, "heard-back", "--org", "Harbour Gallery", "--outcome", "rejected")
    assert result.returncode != 0
    assert result.stderr.strip().endswith("--role: Name the role.")
    assert len(result.stderr.strip().splitlines()) == 1

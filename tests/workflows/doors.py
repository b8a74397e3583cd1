"""Ways into the same workflow: each door returns what it stored, or the fields it refused.

A door returns ``("stored", value)`` or ``("refused", {field, ...})``, with
fields in the model's names, so one parametrised test can ask every door
the same question and expect the same answer.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

# What the API calls a field, where it differs from the model.
API_NAMES = {
    "panel_ids": "panel",
    "application_id": "application",
    "interview_ids": "interviews",
}


def web_refusal(response, form_name: str = "form"):
    """A form page that did not redirect: the fields its form complained about."""
    assert response.status_code in (200, 422), response.status_code
    return "refused", set(response.context[form_name].errors)


def api_refusal(response):
    """A 4xx API answer: the fields it names, in the model's names."""
    assert response.status_code in (400, 422), (response.status_code, response.content)
    detail = response.json()["detail"]
    return "refused", {API_NAMES.get(item["loc"][-1], item["loc"][-1]) for item in detail}


def outcome_csv(*, role: str, applied_on: str, outcome: str, decided_on: str) -> str:
    """A tracker's CSV export holding one application with its outcome."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["Company", "Job Position", "Date Applied", "Status", "Decision date"])
    writer.writerow(["Harbour Gallery", role, applied_on, outcome, decided_on])
    return text.getvalue()


def csv_through_the_cli(user, text: str):
    """``nextround import-csv``: problems are lines on stderr, "Line 2, field: …"."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_text(text, encoding="utf-8")
        stderr = io.StringIO()
        try:
            call_command(
                "import-csv", user.username, str(path), stdout=io.StringIO(), stderr=stderr
            )
        except CommandError:
            lines = stderr.getvalue().splitlines()
            return "refused", {line.split(",", 1)[1].split(":", 1)[0].strip() for line in lines}
    return "stored", None


def csv_through_the_web(user_client, text: str):
    """The import page: upload shows the problems; a clean file is confirmed and saved."""
    upload = SimpleUploadedFile("export.csv", text.encode(), content_type="text/csv")
    preview = user_client.post(reverse("jobs:csv_import"), {"file": upload})
    result = preview.context["result"]
    if result.problems:
        return "refused", {problem.field for problem in result.problems}
    saved = user_client.post(reverse("jobs:csv_import"), {"text": text, "confirm": "1"})
    assert saved.status_code == 302, saved.status_code
    return "stored", None


def json_import(api, document: dict):
    """Send an export document back through the API's import."""
    response = api.post("/api/v1/import", document)
    if response.status_code == 201:
        return "stored", None
    assert response.status_code in (400, 422), (response.status_code, response.content)
    # Import errors name the record and field: "jobs.application[0].decided_on".
    fields = set()
    for item in response.json()["detail"]:
        fields.add(str(item["loc"][-1]).rsplit(".", 1)[-1])
    return "refused", fields


def outcome_url(application) -> str:
    """The web page's address for recording an outcome."""
    return reverse("jobs:application_outcome", args=[application.pk])

"""Ways into the same workflow: each door returns what it stored, or the fields it refused.

A door returns ``("stored", value)`` or ``("refused", {field, ...})``, with
fields in the model's names, so one parametrised test can ask every door
the same question and expect the same answer.
"""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from nextround.jobs.csv_import import read_csv, save_import

# What the API calls a field, where it differs from the model.
API_NAMES = {"panel_ids": "panel", "application_id": "application"}


def web_refusal(response, form_name: str = "form"):
    """A form page that did not redirect: the fields its form complained about."""
    assert response.status_code in (200, 422), response.status_code
    return "refused", set(response.context[form_name].errors)


def api_refusal(response):
    """A 4xx API answer: the fields it names, in the model's names."""
    assert response.status_code in (400, 422), (response.status_code, response.content)
    detail = response.json()["detail"]
    return "refused", {API_NAMES.get(item["loc"][-1], item["loc"][-1]) for item in detail}


def csv_outcome(user, *, role: str, applied_on: str, outcome: str, decided_on: str):
    """Import one application with its outcome from a CSV file, as ``import-csv`` does."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["Company", "Job Position", "Date Applied", "Status", "Decision date"])
    writer.writerow(["Harbour Gallery", role, applied_on, outcome, decided_on])
    result = read_csv(user, text.getvalue())
    if result.problems:
        return "refused", {problem.field for problem in result.problems}
    save_import(result)
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

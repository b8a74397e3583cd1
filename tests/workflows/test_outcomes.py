"""Recording an outcome: the same input gives the same result through every door."""

from __future__ import annotations

import datetime
import json

import pytest

from nextround.accounts.models import ApiToken
from nextround.jobs.models import Application
from tests.factories import ApplicationFactory, UserFactory
from tests.workflows.doors import (
    csv_through_the_cli,
    csv_through_the_web,
    json_import,
    outcome_csv,
    outcome_url,
    web_refusal,
)

pytestmark = pytest.mark.django_db


APPLIED = datetime.date(2026, 1, 5)
ROLE = "Learning Officer"


def through_the_web(user, user_client, api, outcome, decided_on):
    application = ApplicationFactory(owner=user, role=ROLE, applied_on=APPLIED)
    response = user_client.post(
        outcome_url(application), {"outcome": outcome, "decided_on": decided_on}
    )
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response, "outcome_form")


def through_the_api(user, user_client, api, outcome, decided_on):
    application = ApplicationFactory(owner=user, role=ROLE, applied_on=APPLIED)
    response = api.post(
        f"/api/v1/applications/{application.pk}/outcome",
        {"outcome": outcome, "decided_on": decided_on},
    )
    if response.status_code == 200:
        return "stored", None
    assert response.status_code == 422, response.content
    return "refused", {item["loc"][-1] for item in response.json()["detail"]}


def through_an_api_status(user, user_client, api, outcome, decided_on):
    application = ApplicationFactory(owner=user, role=ROLE, applied_on=APPLIED)
    response = api.patch(
        f"/api/v1/applications/{application.pk}", {"status": outcome, "decided_on": decided_on}
    )
    if response.status_code == 200:
        return "stored", None
    assert response.status_code == 422, response.content
    # Sent as a status, an unknown outcome is an unknown status.
    names = {"status": "outcome"}
    return "refused", {names.get(i["loc"][-1], i["loc"][-1]) for i in response.json()["detail"]}


def _csv_refusal(result):
    # In a CSV file the outcome is the status column.
    verdict, fields = result
    return verdict, fields if fields is None else {
        "outcome" if f == "status" else f for f in fields
    }


def through_the_cli_csv_import(user, user_client, api, outcome, decided_on):
    text = outcome_csv(
        role=ROLE, applied_on=APPLIED.isoformat(), outcome=outcome, decided_on=decided_on
    )
    return _csv_refusal(csv_through_the_cli(user, text))


def through_the_web_csv_import(user, user_client, api, outcome, decided_on):
    text = outcome_csv(
        role=ROLE, applied_on=APPLIED.isoformat(), outcome=outcome, decided_on=decided_on
    )
    return _csv_refusal(csv_through_the_web(user_client, text))


def through_the_json_import(user, user_client, api, outcome, decided_on):
    donor = UserFactory()
    ApplicationFactory(owner=donor, role=ROLE, applied_on=APPLIED)
    exported = api.client.get("/api/v1/export", headers=_headers_for(donor))
    document = json.loads(b"".join(exported.streaming_content))
    record = document["data"]["jobs.application"][0]
    record.update(outcome=outcome, status=outcome, decided_on=decided_on)
    return json_import(api, document)


def _headers_for(person) -> dict:
    _, raw = ApiToken.issue(person, "tests")
    return {"Authorization": f"Bearer {raw}"}


CSV_DOORS = (through_the_cli_csv_import, through_the_web_csv_import)

DOORS = [
    through_the_web,
    through_the_api,
    through_an_api_status,
    through_the_cli_csv_import,
    through_the_web_csv_import,
    through_the_json_import,
]


@pytest.mark.parametrize("door", DOORS)
def test_an_outcome_is_stored_the_same_way_through_every_door(door, user, user_client, api):
    assert door(user, user_client, api, "rejected", "2026-02-01") == ("stored", None)
    stored = Application.objects.get(owner=user, role=ROLE)
    assert (stored.outcome, stored.status, stored.decided_on) == (
        "rejected",
        "rejected",
        datetime.date(2026, 2, 1),
    )


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("outcome", "decided_on", "field"),
    [
        pytest.param("rejected", "2026-03-10", "decided_on", id="decision-in-the-future"),
        pytest.param("rejected", "2026-01-01", "decided_on", id="decision-before-applying"),
        pytest.param("rejected", "1899-12-31", "decided_on", id="year-1899"),
        pytest.param("rejected", "3000-01-01", "decided_on", id="year-3000"),
        pytest.param("vanished", "2026-02-01", "outcome", id="unknown-outcome"),
    ],
)
def test_a_bad_outcome_is_refused_the_same_way_through_every_door(
    door, outcome, decided_on, field, user, user_client, api
):
    verdict, fields = door(user, user_client, api, outcome, decided_on)
    if outcome == "vanished" and door in CSV_DOORS:
        # A spreadsheet's unknown status word never refuses the file: the row
        # is read as the closest status, with a warning, and records no outcome.
        assert verdict == "stored"
    else:
        assert verdict == "refused"
        assert field in fields
    assert not Application.objects.filter(owner=user, role=ROLE).exclude(outcome="").exists()


def test_a_decision_today_by_the_persons_calendar_is_accepted(user, api):
    # The server's today is 2 March; someone ahead of it may already be on the 3rd.
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    response = api.post(
        f"/api/v1/applications/{application.pk}/outcome",
        {"outcome": "offered", "decided_on": "2026-03-03"},
    )
    assert response.status_code == 200, response.content

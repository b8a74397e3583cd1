import datetime

import pytest
import time_machine

from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_it_records_an_outcome_and_returns_the_application(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    response = api.post(
        f"/api/v1/applications/{application.pk}/outcome",
        {"outcome": "rejected", "decided_on": "2026-02-01"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["id"] == application.pk
    assert response.json()["outcome"] == "rejected"
    assert response.json()["status"] == "rejected"
    assert response.json()["decided_on"] == "2026-02-01"


def test_repeating_the_same_outcome_changes_nothing(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    path = f"/api/v1/applications/{application.pk}/outcome"
    payload = {"outcome": "offered", "decided_on": "2026-02-01"}
    first = api.post(path, payload).json()
    second = api.post(path, payload).json()
    assert second == first
    assert second["updated_at"] == first["updated_at"]


def test_changing_the_outcome_replaces_it(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    path = f"/api/v1/applications/{application.pk}/outcome"
    api.post(path, {"outcome": "offered", "decided_on": "2026-02-01"})
    changed = api.post(path, {"outcome": "accepted", "decided_on": "2026-02-03"}).json()
    assert (changed["outcome"], changed["decided_on"]) == ("accepted", "2026-02-03")


@time_machine.travel(datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC), tick=False)
def test_the_decision_date_defaults_to_today(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    response = api.post(f"/api/v1/applications/{application.pk}/outcome", {"outcome": "no_reply"})
    assert response.json()["decided_on"] == "2026-03-02"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"outcome": "ghosted", "decided_on": "2026-02-01"}, "outcome"),
        ({"decided_on": "2026-02-01"}, "outcome"),
        ({"outcome": "rejected", "decided_on": "2026-13-01"}, "decided_on"),
        ({"outcome": "rejected", "decided_on": "2025-12-01"}, "decided_on"),
    ],
)
def test_a_bad_outcome_is_refused_naming_the_field(api, user, payload, field):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    response = api.post(f"/api/v1/applications/{application.pk}/outcome", payload)
    assert response.status_code == 422
    assert field in response.content.decode()
    application.refresh_from_db()
    assert application.outcome == ""


def test_an_outcome_sent_as_a_status_is_recorded_with_its_date(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    response = api.patch(
        f"/api/v1/applications/{application.pk}",
        {"status": "rejected", "decided_on": "2026-02-10"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["outcome"] == "rejected"
    assert response.json()["decided_on"] == "2026-02-10"


def test_setting_an_open_status_again_reopens_the_application(api, user):
    application = ApplicationFactory(
        owner=user,
        applied_on=datetime.date(2026, 1, 5),
        status="rejected",
        outcome="rejected",
        decided_on=datetime.date(2026, 2, 1),
    )
    response = api.patch(f"/api/v1/applications/{application.pk}", {"status": "interviewing"})
    assert response.json()["status"] == "interviewing"
    assert response.json()["outcome"] == ""
    assert response.json()["decided_on"] is None


def test_an_outcome_makes_the_plan_once_however_often_it_is_sent(api, user):
    from nextround.playbook.models import Action

    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 5))
    path = f"/api/v1/applications/{application.pk}/outcome"
    api.post(path, {"outcome": "rejected", "decided_on": "2026-02-01"})
    planned = sorted(Action.objects.filter(application=application).values_list("kind", "due_on"))
    api.post(path, {"outcome": "rejected", "decided_on": "2026-02-01"})
    again = sorted(Action.objects.filter(application=application).values_list("kind", "due_on"))
    assert planned
    assert again == planned

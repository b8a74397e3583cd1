"""The plan over the API: the agenda, moving a step, and the outcome endpoint."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.playbook.models import Action, ActionKind, ActionStatus
from tests.factories import ApplicationFactory, InterviewFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

NOW = "2026-03-04 10:00Z"
TODAY = datetime.date(2026, 3, 4)


@time_machine.travel(NOW, tick=False)
def test_the_outcome_endpoint_runs_the_playbook_and_the_agenda_lists_it(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 2, 1))
    InterviewFactory(owner=user, application=application, format="in_person")
    path = f"/api/v1/applications/{application.pk}/outcome"
    response = api.post(path, {"outcome": "rejected", "decided_on": "2026-03-04"})
    assert response.status_code == 200
    agenda = api.get("/api/v1/actions", status="open").json()
    kinds = {item["kind"] for item in agenda}
    assert {"ask_feedback", "be_kind", "find_winner", "reapply_watch", "claim_expenses"} <= kinds
    ask = next(item for item in agenda if item["kind"] == "ask_feedback")
    assert ask["application_id"] == application.pk
    assert ask["due_on"] == "2026-03-05"
    assert ask["status"] == "open"
    # The same call again changes nothing.
    api.post(path, {"outcome": "rejected", "decided_on": "2026-03-04"})
    assert api.get("/api/v1/actions", status="open").json() == agenda


@time_machine.travel(NOW, tick=False)
def test_changing_the_outcome_over_the_api_retires_the_old_plan(api, user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 2, 1))
    path = f"/api/v1/applications/{application.pk}/outcome"
    api.post(path, {"outcome": "not_invited", "decided_on": "2026-03-04"})
    api.post(path, {"outcome": "offered", "decided_on": "2026-03-04"})
    open_kinds = {item["kind"] for item in api.get("/api/v1/actions", status="open").json()}
    assert open_kinds == {"follow_up"}
    skipped = api.get("/api/v1/actions", status="skipped").json()
    assert {item["kind"] for item in skipped} == {"ask_feedback", "be_kind", "reapply_watch"}
    assert all("outcome changed" in item["note"] for item in skipped)


@time_machine.travel(NOW, tick=False)
def test_a_step_is_marked_done_skipped_snoozed_and_moved(api, user):
    action = ActionFactory(owner=user, kind=ActionKind.ASK_FEEDBACK, due_on=TODAY)
    url = f"/api/v1/actions/{action.pk}"
    done = api.patch(url, {"status": "done"}).json()
    assert done["status"] == "done" and done["done_at"]
    # Asking for feedback starts the chase.
    assert Action.objects.filter(kind=ActionKind.CHASE_FEEDBACK).exists()
    assert api.patch(url, {"status": "open"}).json()["status"] == "open"
    snoozed = api.patch(url, {"status": "snoozed", "due_on": "2026-03-20"}).json()
    assert (snoozed["status"], snoozed["due_on"]) == ("snoozed", "2026-03-20")
    assert api.patch(url, {"due_on": "2026-03-25"}).json()["due_on"] == "2026-03-25"
    assert api.patch(url, {"status": "skipped"}).json()["status"] == "skipped"
    assert api.get(url).json()["status"] == "skipped"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "finished"}, "status"),
        ({"due_on": "next week"}, "due_on"),
        ({"status": "snoozed"}, "due_on"),
        ({"status": "snoozed", "due_on": "2020-01-01"}, "due_on"),
        ({"status": None}, "status"),
    ],
)
def test_bad_changes_are_refused_naming_the_field(api, user, body, field):
    action = ActionFactory(owner=user)
    response = api.patch(f"/api/v1/actions/{action.pk}", body)
    assert response.status_code in (400, 422)
    assert field in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_the_agenda_is_filtered_by_status_and_sorted_by_day(api, user):
    later = ActionFactory(owner=user, due_on=TODAY + datetime.timedelta(days=5))
    sooner = ActionFactory(owner=user, due_on=TODAY)
    ActionFactory(owner=user, status=ActionStatus.DONE)
    ids = [item["id"] for item in api.get("/api/v1/actions", status="open").json()]
    assert ids == [sooner.pk, later.pk]
    assert len(api.get("/api/v1/actions").json()) == 3


def test_another_users_steps_are_not_found(api, user, other_user):
    theirs = ActionFactory(owner=other_user)
    ActionFactory(owner=user)
    assert theirs.pk not in {item["id"] for item in api.get("/api/v1/actions").json()}
    assert api.get(f"/api/v1/actions/{theirs.pk}").status_code == 404
    assert api.patch(f"/api/v1/actions/{theirs.pk}", {"status": "done"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN


def test_the_agenda_needs_a_token(client):
    assert client.get("/api/v1/actions").status_code == 401

"""Changing an application's status: an open status reopens it, through every door alike."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nextround.jobs.models import Application
from nextround.playbook.actions import ensure_action
from nextround.playbook.models import LIVE_STATUSES, Action, ActionKind, ActionStatus
from nextround.playbook.outcomes import REOPENED, reopen_application, set_status
from nextround.playbook.plan import INTERVIEW_KINDS, record_outcome
from tests.factories import ApplicationFactory, InterviewFactory
from tests.workflows.doors import api_refusal, web_refusal

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)
APPLIED = datetime.date(2026, 1, 5)


def _rejected(user) -> Application:
    application = ApplicationFactory(owner=user, applied_on=APPLIED, role="Learning Officer")
    InterviewFactory(
        owner=user,
        application=application,
        starts_at=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
        decision_promised_by=datetime.date(2026, 2, 10),
    )
    record_outcome(application, "rejected", datetime.date(2026, 2, 20))
    return application


def _edit_form(application, status: str) -> dict:
    return {
        "organisation": application.organisation_id,
        "role": application.role,
        "contract": application.contract,
        "status": status,
        "applied_on": application.applied_on.isoformat(),
        "link": "",
        "closing_on": "",
        "applicants": "",
        "reapplies_to": "",
        "notes": "",
        "new_organisation": "",
        "new_organisation_kind": "",
    }


def web_edit(user_client, api, application, status):
    response = user_client.post(
        reverse("jobs:application_edit", args=[application.pk]), _edit_form(application, status)
    )
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response)


def api_patch(user_client, api, application, status):
    response = api.patch(f"/api/v1/applications/{application.pk}", {"status": status})
    if response.status_code == 200:
        return "stored", None
    return api_refusal(response)


DOORS = [web_edit, api_patch]


@pytest.mark.parametrize("door", DOORS)
def test_an_open_status_reopens_the_application_and_retires_its_plan(door, user, user_client, api):
    application = _rejected(user)
    own_step = ensure_action(user, ActionKind.FOLLOW_UP, TODAY, application=application)
    planned = list(
        Action.objects.filter(application=application, status__in=LIVE_STATUSES)
        .exclude(rule="")
        .exclude(kind__in=INTERVIEW_KINDS)
    )
    assert planned

    assert door(user_client, api, application, "interviewing") == ("stored", None)

    application.refresh_from_db()
    assert (application.status, application.outcome, application.decided_on) == (
        "interviewing",
        "",
        None,
    )
    for action in Action.objects.filter(id__in=[a.id for a in planned]):
        assert (action.status, action.retired, action.note) == (
            ActionStatus.SKIPPED,
            True,
            REOPENED,
        )
    # A step the person made themselves is theirs to keep.
    own_step.refresh_from_db()
    assert own_step.status == ActionStatus.OPEN
    # The decision is awaited again, so its chase is back.
    assert Action.objects.filter(
        application=application, kind=ActionKind.CHASE_DECISION, status=ActionStatus.OPEN
    ).exists()


@pytest.mark.parametrize("door", DOORS)
def test_keeping_the_outcome_status_changes_nothing(door, user, user_client, api):
    application = _rejected(user)
    before = sorted(
        Action.objects.filter(application=application).values_list("id", "status", "retired")
    )
    assert door(user_client, api, application, "rejected") == ("stored", None)
    application.refresh_from_db()
    assert (application.status, application.outcome) == ("rejected", "rejected")
    after = sorted(
        Action.objects.filter(application=application).values_list("id", "status", "retired")
    )
    assert after == before


def test_the_web_form_cannot_set_an_outcome_it_was_not_given(user, user_client):
    # Outcomes come with their day, through the outcome form; the edit form
    # offers only the open statuses (and the outcome already recorded).
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    assert web_edit(user_client, None, application, "offered") == ("refused", {"status"})
    application.refresh_from_db()
    assert (application.status, application.outcome) == ("applied", "")


def test_an_outcome_sent_to_the_api_as_a_status_is_recorded_with_its_plan(user, api):
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    assert api_patch(None, api, application, "rejected") == ("stored", None)
    application.refresh_from_db()
    assert (application.outcome, application.decided_on) == ("rejected", TODAY)
    assert Action.objects.filter(application=application, kind=ActionKind.ASK_FEEDBACK).exists()


def test_the_web_edit_never_leaves_an_open_status_beside_an_outcome(user, user_client):
    application = _rejected(user)
    for status in ("preparing", "applied", "interviewing"):
        web_edit(user_client, None, application, status)
        application.refresh_from_db()
        assert application.status == status
        assert application.outcome == ""
        record_outcome(application, "rejected", datetime.date(2026, 2, 20))


def test_reopening_without_a_status_goes_back_to_where_it_stood(user):
    application = _rejected(user)
    assert reopen_application(application) is True
    assert application.status == "interviewing"
    assert reopen_application(application) is False


def test_an_unknown_status_is_refused_naming_the_field(user):
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    with pytest.raises(ValidationError) as refusal:
        set_status(application, "vanished")
    assert "status" in refusal.value.message_dict

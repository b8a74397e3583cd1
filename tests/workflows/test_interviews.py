"""Adding or changing an interview: the same input gives the same result through every door."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nextround.jobs.models import Interview
from nextround.playbook.models import Action, ActionKind
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory
from tests.workflows.doors import api_refusal, web_refusal

pytestmark = pytest.mark.django_db


APPLIED = datetime.date(2026, 1, 5)
GOOD = {
    "stage": "Second interview",
    "starts_at": "2026-03-10T10:00",
    "format": "video",
    "location": "Online",
    "decision_promised_by": "2026-03-20",
    "notes": "They asked about loans.",
    "self_assessment": "Went well.",
}


def _web_data(application, values: dict, panel: list) -> dict:
    return {**values, "application": application.pk, "panel": [c.pk for c in panel]}


def _api_data(application, values: dict, panel: list) -> dict:
    data = {**values, "application_id": application.pk, "panel_ids": [c.pk for c in panel]}
    # The API takes a date-time with its offset; 10:00 in London in March is 10:00 UTC.
    data["starts_at"] = f"{values['starts_at']}:00+00:00"
    return data


def web_create(user, user_client, api, application, values, panel):
    response = user_client.post(
        reverse("jobs:interview_create"), _web_data(application, values, panel)
    )
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response)


def web_edit(user, user_client, api, application, values, panel):
    interview = InterviewFactory(owner=user, application=application, stage="Draft")
    response = user_client.post(
        reverse("jobs:interview_edit", args=[interview.pk]),
        _web_data(application, values, panel),
    )
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response)


def api_create(user, user_client, api, application, values, panel):
    response = api.post("/api/v1/interviews", _api_data(application, values, panel))
    if response.status_code == 201:
        return "stored", None
    return api_refusal(response)


def api_edit(user, user_client, api, application, values, panel):
    interview = InterviewFactory(owner=user, application=application, stage="Draft")
    response = api.patch(
        f"/api/v1/interviews/{interview.pk}", _api_data(application, values, panel)
    )
    if response.status_code == 200:
        return "stored", None
    return api_refusal(response)


DOORS = [web_create, web_edit, api_create, api_edit]


@pytest.mark.parametrize("door", DOORS)
def test_an_interview_is_stored_the_same_way_through_every_door(door, user, user_client, api):
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    panel = [ContactFactory(owner=user), ContactFactory(owner=user)]
    assert door(user, user_client, api, application, GOOD, panel) == ("stored", None)
    interview = Interview.objects.get(owner=user)
    assert (
        interview.stage,
        interview.starts_at,
        interview.format,
        interview.location,
        interview.decision_promised_by,
        interview.notes,
        interview.self_assessment,
    ) == (
        "Second interview",
        datetime.datetime(2026, 3, 10, 10, 0, tzinfo=datetime.UTC),
        "video",
        "Online",
        datetime.date(2026, 3, 20),
        "They asked about loans.",
        "Went well.",
    )
    assert set(interview.panel.all()) == set(panel)
    if door in (web_create, api_create):
        # A new interview moves the application on.
        application.refresh_from_db()
        assert application.status == "interviewing"
    # The promise is chased through the plan, whichever door took it.
    chase = Action.objects.get(interview=interview, kind=ActionKind.CHASE_DECISION)
    assert chase.due_on > datetime.date(2026, 3, 20)


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"starts_at": "1899-12-31T10:00"}, "starts_at", id="year-1899"),
        pytest.param({"starts_at": "3000-01-01T10:00"}, "starts_at", id="year-3000"),
        pytest.param(
            {"decision_promised_by": "3000-01-01"}, "decision_promised_by", id="promise-year-3000"
        ),
        pytest.param(
            {"decision_promised_by": "2026-03-01"},
            "decision_promised_by",
            id="promise-before-the-interview",
        ),
        pytest.param({"starts_at": "2026-01-01T10:00"}, "starts_at", id="before-applying"),
    ],
)
def test_a_bad_interview_is_refused_the_same_way_through_every_door(
    door, changes, field, user, user_client, api
):
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    verdict, fields = door(user, user_client, api, application, {**GOOD, **changes}, [])
    assert verdict == "refused"
    assert field in fields
    assert not Interview.objects.filter(owner=user, stage="Second interview").exists()


@pytest.mark.parametrize("door", DOORS)
def test_a_panel_member_from_another_account_is_refused_through_every_door(
    door, user, other_user, user_client, api
):
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    stranger = ContactFactory(owner=other_user)
    verdict, fields = door(user, user_client, api, application, GOOD, [stranger])
    assert verdict == "refused"
    assert "panel" in fields
    assert not Interview.objects.filter(owner=user, stage="Second interview").exists()
    assert not stranger.interviews.exists()


def test_new_panel_members_typed_on_the_web_become_contacts_on_the_panel(user, user_client):
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    data = {**_web_data(application, GOOD, []), "new_panel": "Sam Reed, Curator\n\n"}
    response = user_client.post(reverse("jobs:interview_create"), data)
    assert response.status_code == 302
    (member,) = Interview.objects.get(owner=user).panel.all()
    assert (member.name, member.role, member.organisation) == (
        "Sam Reed",
        "Curator",
        application.organisation,
    )


def test_every_problem_is_named_at_once(user):
    # A far promise does not hide that the interview comes before the application.
    application = ApplicationFactory(owner=user, applied_on=APPLIED)
    interview = Interview(
        owner=user,
        application=application,
        starts_at=datetime.datetime(2026, 1, 1, 10, tzinfo=datetime.UTC),
        decision_promised_by=datetime.date(3000, 1, 1),
    )
    with pytest.raises(ValidationError) as refusal:
        interview.full_clean()
    assert {"starts_at", "decision_promised_by"} <= set(refusal.value.message_dict)

"""Recording feedback finishes the plan's asking and chasing steps for that application."""

import datetime

from django.urls import reverse
from django.utils import timezone

from nextround.playbook.models import Action, ActionKind, ActionStatus
from tests.factories import ApplicationFactory


def open_step(user, application, kind):
    return Action.objects.create(
        owner=user, kind=kind, application=application, due_on=timezone.localdate()
    )


def test_feedback_received_completes_ask_and_chase(user, user_client):
    application = ApplicationFactory(owner=user)
    other = ApplicationFactory(owner=user)
    ask = open_step(user, application, ActionKind.ASK_FEEDBACK)
    chase = open_step(user, application, ActionKind.CHASE_FEEDBACK)
    elsewhere = open_step(user, other, ActionKind.ASK_FEEDBACK)
    user_client.post(
        reverse("feedback:feedback_create", args=[application.pk]),
        {"received_on": timezone.localdate().isoformat(), "text": "More Spectrum, please."},
    )
    for step in (ask, chase, elsewhere):
        step.refresh_from_db()
    assert ask.status == chase.status == ActionStatus.DONE
    assert elsewhere.status == ActionStatus.OPEN


def test_a_request_alone_completes_only_the_asking(user, api):
    application = ApplicationFactory(owner=user)
    ask = open_step(user, application, ActionKind.ASK_FEEDBACK)
    chase = open_step(user, application, ActionKind.CHASE_FEEDBACK)
    asked_on = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    response = api.post(
        "/api/v1/feedback", {"application_id": application.pk, "asked_on": asked_on}
    )
    assert response.status_code == 201
    assert response.json()["received_on"] is None
    ask.refresh_from_db()
    chase.refresh_from_db()
    assert (ask.status, chase.status) == (ActionStatus.DONE, ActionStatus.OPEN)


def test_noting_who_got_the_job_completes_the_find_winner_step(user, user_client):
    application = ApplicationFactory(owner=user)
    find = open_step(user, application, ActionKind.FIND_WINNER)
    user_client.post(
        reverse("feedback:winner_create", args=[application.pk]),
        {"found_on": timezone.localdate().isoformat(), "notes": "Five years at a county museum."},
    )
    find.refresh_from_db()
    assert find.status == ActionStatus.DONE


def test_a_request_starts_the_fourteen_day_clock_for_a_chase(user, api):
    application = ApplicationFactory(owner=user)
    open_step(user, application, ActionKind.ASK_FEEDBACK)
    asked_on = timezone.localdate() - datetime.timedelta(days=2)
    api.post(
        "/api/v1/feedback", {"application_id": application.pk, "asked_on": asked_on.isoformat()}
    )
    chase = Action.objects.get(
        application=application, kind=ActionKind.CHASE_FEEDBACK, status=ActionStatus.OPEN
    )
    assert chase.due_on == asked_on + datetime.timedelta(days=14)

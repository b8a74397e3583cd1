"""The plan's pages: Today's part, the whole plan, each step, and one-click moves."""

from __future__ import annotations

import datetime
from urllib.parse import unquote

import pytest
import time_machine
from django.urls import reverse

from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind, ActionStatus, PlaybookSettings
from nextround.playbook.plan import record_outcome
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

NOW = "2026-03-04 10:00Z"  # a Wednesday
TODAY = datetime.date(2026, 3, 4)
HTMX = {"HX-Request": "true"}


def rejected_after_interview(user, **application):
    application = ApplicationFactory(
        owner=user, applied_on=TODAY - datetime.timedelta(days=30), **application
    )
    interview = InterviewFactory(
        owner=user,
        application=application,
        format=InterviewFormat.IN_PERSON,
        starts_at=datetime.datetime(2026, 2, 25, 10, tzinfo=datetime.UTC),
    )
    panel = ContactFactory(owner=user, name="Robin Examplefield", email="robin@example.org")
    interview.panel.add(panel)
    record_outcome(application, "rejected", TODAY)
    return application


@time_machine.travel(NOW, tick=False)
def test_today_shows_overdue_first_then_today_then_the_next_two_weeks(user, user_client):
    ActionFactory(owner=user, kind=ActionKind.FIND_WINNER, due_on=TODAY + datetime.timedelta(3))
    ActionFactory(owner=user, kind=ActionKind.BE_KIND, due_on=TODAY)
    ActionFactory(owner=user, kind=ActionKind.FOLLOW_UP, due_on=TODAY - datetime.timedelta(2))
    ActionFactory(owner=user, kind=ActionKind.REAPPLY_WATCH, due_on=TODAY + datetime.timedelta(30))
    page = user_client.get(reverse("today")).content.decode()
    overdue, due_today, soon = (
        page.index("Follow up"),
        page.index("Be kind to yourself"),
        page.index("Find out who got the job"),
    )
    assert overdue < due_today < soon
    assert page.index("<h3>Overdue</h3>") < overdue
    assert "Watch for their next vacancy" not in page  # a month away: on the plan page
    assert (
        "Watch for their next vacancy" in user_client.get(reverse("playbook:plan")).content.decode()
    )


@time_machine.travel(NOW, tick=False)
def test_today_shows_the_calm_panel_for_three_days_after_a_no(user, client_for):
    earlier = ApplicationFactory(owner=user, applied_on=datetime.date(2025, 1, 1))
    record_outcome(earlier, "rejected", datetime.date(2025, 2, 1))
    later = ApplicationFactory(owner=user, applied_on=datetime.date(2025, 3, 1))
    record_outcome(later, "offered", datetime.date(2025, 4, 1))
    rejected_after_interview(user, applicants=64)
    client = client_for(user)
    page = client.get(reverse("today")).content.decode()
    assert "t take it personally" in page
    assert "64 people applied for this post" in page
    assert "Of your 1 earlier no, 1 was followed by a yes" in page
    assert "thinking trap" in page
    for forbidden in ("streak", "fault", "failed"):
        assert forbidden not in page.lower()
    with time_machine.travel("2026-03-06 10:00Z", tick=False):
        assert "take it personally" in client.get(reverse("today")).content.decode()
    with time_machine.travel("2026-03-07 10:00Z", tick=False):
        assert "take it personally" not in client.get(reverse("today")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_marking_a_step_done_without_javascript_comes_back_with_an_undo(user, user_client):
    action = ActionFactory(owner=user, kind=ActionKind.BE_KIND, due_on=TODAY)
    response = user_client.post(reverse("playbook:done", args=[action.pk]), {"next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    page = user_client.get("/").content.decode()
    assert "Marked done: Be kind to yourself" in page
    assert reverse("playbook:undo", args=[action.pk]) in page
    # Offered once, then gone.
    assert "Marked done" not in user_client.get("/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_htmx_gets_the_changed_row_and_undo_puts_it_back(user, user_client):
    action = ActionFactory(owner=user, kind=ActionKind.BE_KIND, due_on=TODAY)
    response = user_client.post(reverse("playbook:skip", args=[action.pk]), headers=HTMX)
    assert response.status_code == 200
    row = response.content.decode()
    assert f'id="action-{action.pk}"' in row
    assert "Skipped: Be kind to yourself" in row
    assert "<html" not in row
    undo = user_client.post(
        reverse("playbook:undo", args=[action.pk]),
        {"status": "open", "due_on": TODAY.isoformat()},
        headers=HTMX,
    )
    assert "Snooze a week" in undo.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


@time_machine.travel(NOW, tick=False)
def test_snoozing_moves_the_step_and_undo_brings_back_its_day(user, user_client):
    action = ActionFactory(owner=user, due_on=TODAY)
    user_client.post(reverse("playbook:snooze", args=[action.pk]), {"days": "7"})
    action.refresh_from_db()
    assert (action.status, action.due_on) == (ActionStatus.SNOOZED, TODAY + datetime.timedelta(7))
    user_client.post(reverse("playbook:snooze", args=[action.pk]), {"until": "2026-04-01"})
    action.refresh_from_db()
    assert action.due_on == datetime.date(2026, 4, 1)
    user_client.post(
        reverse("playbook:undo", args=[action.pk]),
        {"status": "snoozed", "due_on": "2026-03-11"},
    )
    action.refresh_from_db()
    assert (action.status, action.due_on) == (ActionStatus.SNOOZED, datetime.date(2026, 3, 11))


@time_machine.travel(NOW, tick=False)
def test_snoozing_to_the_past_is_refused_beside_the_field(user, user_client):
    action = ActionFactory(owner=user, due_on=TODAY)
    response = user_client.post(
        reverse("playbook:snooze", args=[action.pk]), {"until": "2026-03-01"}
    )
    assert response.status_code == 422
    assert "Choose a day after today." in response.content.decode()
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


@time_machine.travel(NOW, tick=False)
def test_htmx_gets_the_row_with_the_snooze_refusal_not_the_page(user, user_client):
    action = ActionFactory(owner=user, due_on=TODAY)
    response = user_client.post(
        reverse("playbook:snooze", args=[action.pk]), {"until": "2026-03-01"}, headers=HTMX
    )
    assert response.status_code == 422
    row = response.content.decode()
    assert f'id="action-{action.pk}"' in row
    assert "Choose a day after today." in row
    assert "<html" not in row
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


@time_machine.travel(NOW, tick=False)
def test_the_feedback_request_is_drafted_from_the_application(user, user_client):
    application = rejected_after_interview(user, role="Assistant Curator")
    ask = Action.objects.get(application=application, kind=ActionKind.ASK_FEEDBACK)
    page = user_client.get(ask.get_absolute_url()).content.decode()
    assert "Dear Robin," in page
    assert "Assistant Curator" in page
    assert "25 February" in page
    assert "mailto:robin@example.org?subject=Feedback%20on%20my%20interview" in page


@time_machine.travel(NOW, tick=False)
def test_edits_to_a_draft_go_into_the_mail_link(user, user_client):
    application = rejected_after_interview(user)
    ask = Action.objects.get(application=application, kind=ActionKind.ASK_FEEDBACK)
    response = user_client.post(
        reverse("playbook:draft", args=[ask.pk]),
        {"draft_subject": "Feedback, please & thanks", "draft_body": "Hello Robin,\nThank you."},
    )
    assert response.status_code == 302
    page = user_client.get(ask.get_absolute_url()).content.decode()
    link = next(part for part in page.split('"') if part.startswith("mailto:"))
    assert "Feedback, please & thanks" in unquote(link.replace("&amp;", "&"))
    assert "Hello Robin,\nThank you." in unquote(link.replace("&amp;", "&"))
    user_client.post(reverse("playbook:draft", args=[ask.pk]), {"reset": "1"})
    ask.refresh_from_db()
    assert ask.draft_subject == ask.draft_body == ""


@time_machine.travel(NOW, tick=False)
def test_marking_the_request_sent_starts_the_chase_and_undo_takes_it_back(user, user_client):
    application = rejected_after_interview(user)
    ask = Action.objects.get(application=application, kind=ActionKind.ASK_FEEDBACK)
    user_client.post(reverse("playbook:done", args=[ask.pk]))
    chase = Action.objects.get(application=application, kind=ActionKind.CHASE_FEEDBACK)
    assert chase.due_on == TODAY + datetime.timedelta(days=14)
    user_client.post(
        reverse("playbook:undo", args=[ask.pk]),
        {"status": "open", "due_on": ask.due_on.isoformat()},
    )
    assert not Action.objects.filter(kind=ActionKind.CHASE_FEEDBACK).exists()


@time_machine.travel(NOW, tick=False)
def test_connecting_with_the_panel_shows_links_and_a_note_and_records_the_connection(
    user, user_client
):
    application = rejected_after_interview(user)
    person = application.interviews.get().panel.get()
    person.links = {"linkedin": "https://linkedin.example.org/in/robin"}
    person.save()
    step = Action.objects.get(application=application, kind=ActionKind.CONNECT_PANEL)
    page = user_client.get(step.get_absolute_url()).content.decode()
    assert "https://linkedin.example.org/in/robin" in page
    assert "Hello Robin, thank you for your time on the panel" in page
    # The panel part comes from the contacts area's tag; its form must still post with a token.
    form_action = reverse("playbook:panel_connection", args=[step.pk, person.pk])
    assert f'action="{form_action}"' in page
    assert page.count('name="csrfmiddlewaretoken"') >= 2
    user_client.post(
        reverse("playbook:panel_connection", args=[step.pk, person.pk]),
        {"network": "linkedin", "state": "requested"},
    )
    person.refresh_from_db()
    assert person.connections == {"linkedin": "requested"}


@time_machine.travel(NOW, tick=False)
def test_finding_the_winner_offers_searches_and_a_place_for_what_they_had(user, user_client):
    application = rejected_after_interview(user, role="Registrar")
    step = Action.objects.get(application=application, kind=ActionKind.FIND_WINNER)
    page = user_client.get(step.get_absolute_url()).content.decode()
    assert "https://www.linkedin.com/search/results/people/?keywords=Registrar" in page
    assert "duckduckgo.com" in page
    assert reverse("feedback:winner_create", args=[application.pk]) in page


@time_machine.travel(NOW, tick=False)
def test_being_kind_and_watching_for_vacancies_have_what_they_need(user, user_client):
    application = rejected_after_interview(user)
    kind = Action.objects.get(application=application, kind=ActionKind.BE_KIND)
    page = user_client.get(kind.get_absolute_url()).content.decode()
    assert "Today, perhaps:" in page
    watch = Action.objects.get(application=application, kind=ActionKind.REAPPLY_WATCH)
    page = user_client.get(watch.get_absolute_url()).content.decode()
    assert application.role in page
    assert "Rejected after interview" in page
    assert "next tranche" in page


@time_machine.travel(NOW, tick=False)
def test_the_application_timeline_shows_its_steps_done_and_open(user, user_client):
    application = rejected_after_interview(user)
    be_kind = Action.objects.get(application=application, kind=ActionKind.BE_KIND)
    user_client.post(reverse("playbook:done", args=[be_kind.pk]))
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert "Be kind to yourself" in page
    assert "timeline-action-done" in page
    assert "Ask for feedback" in page
    assert "timeline-action-open" in page


@time_machine.travel(NOW, tick=False)
def test_plan_timings_are_edited_in_settings(user, user_client):
    page = user_client.get(reverse("accounts:settings")).content.decode()
    assert "Plan timings" in page
    data = {f"offset_{key}": value for key, value in _defaults().items()}
    data["offset_rejected.ask_feedback"] = "3"
    response = user_client.post(reverse("playbook:settings"), data)
    assert response.status_code == 302
    assert PlaybookSettings.objects.get(user=user).offsets == {"rejected.ask_feedback": 3}
    data["offset_rejected.ask_feedback"] = "-1"
    response = user_client.post(reverse("playbook:settings"), data)
    assert response.status_code == 422
    assert PlaybookSettings.objects.get(user=user).offsets == {"rejected.ask_feedback": 3}


def _defaults() -> dict:
    from nextround.playbook.rules import RULES

    return {rule.key: rule.offset for rule in RULES}


def test_another_users_step_is_not_found_anywhere(user, other_user, user_client):
    theirs = ActionFactory(owner=other_user)
    for name in ("action", "done", "skip", "snooze", "undo", "draft", "result"):
        url = reverse(f"playbook:{name}", args=[theirs.pk])
        answers = {user_client.get(url).status_code, user_client.post(url, {}).status_code}
        assert 404 in answers and answers <= {404, 405}, name
    contact = ContactFactory(owner=other_user)
    url = reverse("playbook:panel_connection", args=[theirs.pk, contact.pk])
    assert user_client.post(url, {"network": "linkedin", "state": "connected"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN


def test_the_plan_pages_need_a_login(client):
    assert client.get(reverse("playbook:plan")).status_code == 302


def test_settings_name_the_usual_timing_only_where_it_was_changed(user, user_client):
    page = user_client.get(reverse("accounts:settings")).content.decode()
    assert "usually" not in page
    assert "default" not in page
    PlaybookSettings.objects.create(user=user, offsets={"rejected.ask_feedback": 3})
    page = user_client.get(reverse("accounts:settings")).content.decode()
    usual = _defaults()["rejected.ask_feedback"]
    assert page.count("usually") == 1
    assert f"usually {usual}." in page

"""The calls other areas make: ensure_action and complete_actions."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.network.drafts import CONNECTION_NOTE_LIMIT, connection_note
from nextround.playbook.actions import complete_actions, ensure_action
from nextround.playbook.models import Action, ActionKind, ActionStatus
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
)
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 3, 2)


def test_it_makes_an_action_once_however_often_it_is_asked_for(user):
    contact = ContactFactory(owner=user)
    first = ensure_action(user, ActionKind.FOLLOW_UP, DAY, contact=contact, note="Keep in touch")
    again = ensure_action(user, ActionKind.FOLLOW_UP, DAY, contact=contact)
    assert first == again
    assert Action.objects.count() == 1
    assert again.note == "Keep in touch"


def test_it_moves_an_open_action_to_the_new_day(user):
    contact = ContactFactory(owner=user)
    ensure_action(user, ActionKind.FOLLOW_UP, DAY, contact=contact)
    moved = ensure_action(
        user, ActionKind.FOLLOW_UP, DAY + datetime.timedelta(days=7), contact=contact
    )
    assert moved.due_on == DAY + datetime.timedelta(days=7)
    assert Action.objects.count() == 1


def test_it_keeps_subjects_apart(user):
    application = ApplicationFactory(owner=user)
    ensure_action(user, ActionKind.FOLLOW_UP, DAY, application=application)
    ensure_action(user, ActionKind.FOLLOW_UP, DAY, contact=ContactFactory(owner=user))
    ensure_action(user, ActionKind.REAPPLY_WATCH, DAY, organisation=OrganisationFactory(owner=user))
    assert Action.objects.count() == 3


def test_it_makes_a_new_action_once_the_old_one_is_done(user):
    contact = ContactFactory(owner=user)
    done = ensure_action(user, ActionKind.FOLLOW_UP, DAY, contact=contact)
    complete_actions(user, [ActionKind.FOLLOW_UP], contact=contact)
    fresh = ensure_action(user, ActionKind.FOLLOW_UP, DAY, contact=contact)
    assert fresh != done


def test_it_refuses_an_unknown_kind(user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        ensure_action(user, "send_flowers", DAY)


@time_machine.travel("2026-03-02 10:00Z", tick=False)
def test_it_completes_only_the_matching_live_actions(user):
    application = ApplicationFactory(owner=user)
    ask = ActionFactory(owner=user, application=application, kind=ActionKind.ASK_FEEDBACK)
    chase = ActionFactory(owner=user, application=application, kind=ActionKind.CHASE_FEEDBACK)
    other = ActionFactory(owner=user, kind=ActionKind.ASK_FEEDBACK)
    skipped = ActionFactory(
        owner=user,
        application=application,
        kind=ActionKind.ASK_FEEDBACK,
        status=ActionStatus.SKIPPED,
    )
    count = complete_actions(
        user, [ActionKind.ASK_FEEDBACK, ActionKind.CHASE_FEEDBACK], application=application
    )
    assert count == 2
    for action in (ask, chase, other, skipped):
        action.refresh_from_db()
    assert ask.status == chase.status == ActionStatus.DONE
    assert ask.done_at is not None
    assert other.status == ActionStatus.OPEN
    assert skipped.status == ActionStatus.SKIPPED


def test_it_never_completes_another_users_actions(user, other_user):
    theirs = ActionFactory(owner=other_user)
    assert complete_actions(user, [ActionKind.ASK_FEEDBACK]) == 0
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN


def test_it_completes_connecting_with_the_panel_from_a_panel_members_page(user):
    interview = InterviewFactory(owner=user)
    person = ContactFactory(owner=user)
    interview.panel.add(person)
    action = ActionFactory(
        owner=user, application=interview.application, kind=ActionKind.CONNECT_PANEL
    )
    assert complete_actions(user, [ActionKind.CONNECT_PANEL], contact=person) == 1
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE


def test_it_deletes_actions_with_their_application(user):
    action = ActionFactory(owner=user)
    action.application.delete()
    assert not Action.objects.exists()


def test_it_drafts_a_short_warm_connection_note(user):
    interview = InterviewFactory(owner=user)
    person = ContactFactory(owner=user, name="Priya Examplewood")
    note = connection_note(person, interview=interview)
    assert note.startswith("Hello Priya,")
    assert interview.application.role in note
    assert len(note) <= CONNECTION_NOTE_LIMIT


def test_it_keeps_a_connection_note_short_even_with_long_names(user):
    # As long as a role can be (200 characters): PostgreSQL enforces the limit.
    interview = InterviewFactory(owner=user, application__role=("Curator " * 25).strip())
    note = connection_note(ContactFactory(owner=user), interview=interview)
    assert len(note) <= CONNECTION_NOTE_LIMIT
    assert "panel" in note


def test_a_panel_already_reached_before_the_no_needs_no_connect_step(user):
    import datetime as dt

    from django.utils import timezone

    from nextround.playbook.models import Action, ActionKind, ActionStatus
    from nextround.playbook.plan import record_outcome
    from tests.factories import ContactFactory, InterviewFactory

    interview = InterviewFactory(owner=user)
    interview.panel.add(ContactFactory(owner=user, connections={"linkedin": "connected"}))
    record_outcome(interview.application, "rejected", timezone.localdate() - dt.timedelta(days=1))
    step = Action.objects.get(application=interview.application, kind=ActionKind.CONNECT_PANEL)
    assert step.status == ActionStatus.DONE


def test_a_panel_not_yet_reached_keeps_its_connect_step_open(user):
    import datetime as dt

    from django.utils import timezone

    from nextround.playbook.models import Action, ActionKind, ActionStatus
    from nextround.playbook.plan import record_outcome
    from tests.factories import ContactFactory, InterviewFactory

    interview = InterviewFactory(owner=user)
    interview.panel.add(ContactFactory(owner=user))
    record_outcome(interview.application, "rejected", timezone.localdate() - dt.timedelta(days=1))
    step = Action.objects.get(application=interview.application, kind=ActionKind.CONNECT_PANEL)
    assert step.status == ActionStatus.OPEN

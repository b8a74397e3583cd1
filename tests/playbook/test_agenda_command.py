"""``nextround agenda``: the plan in the terminal."""

from __future__ import annotations

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from nextround.playbook.models import ActionKind, ActionStatus
from tests.factories import ApplicationFactory, UserFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 4)


def agenda(*args) -> str:
    out = io.StringIO()
    call_command("agenda", *args, "--width", "160", stdout=out)
    return out.getvalue()


@time_machine.travel("2026-03-04 10:00Z", tick=False)
def test_it_prints_overdue_then_today_then_the_next_two_weeks(user):
    application = ApplicationFactory(owner=user, role="Archive Assistant")
    ActionFactory(
        owner=user,
        application=application,
        kind=ActionKind.FIND_WINNER,
        due_on=TODAY + datetime.timedelta(5),
    )
    ActionFactory(owner=user, application=application, kind=ActionKind.BE_KIND, due_on=TODAY)
    ActionFactory(
        owner=user,
        application=application,
        kind=ActionKind.FOLLOW_UP,
        due_on=TODAY - datetime.timedelta(1),
    )
    ActionFactory(owner=user, kind=ActionKind.REAPPLY_WATCH, due_on=TODAY + datetime.timedelta(40))
    ActionFactory(owner=user, kind=ActionKind.CHASE_DECISION, status=ActionStatus.DONE)
    output = agenda(user.username)
    assert output.index("Overdue") < output.index("Follow up")
    assert output.index("Follow up") < output.index("Today") < output.index("Be kind to yourself")
    assert output.index("The next two weeks") < output.index("Find out who got the job")
    assert "Archive Assistant" in output
    assert "Watch for their next vacancy" not in output
    assert "Chase the decision" not in output
    assert "Watch for their next vacancy" in agenda(user.username, "--all")


def test_it_says_so_kindly_when_there_is_nothing_to_do(user):
    assert "Nothing on your plan" in agenda(user.username)


def test_it_needs_a_name_when_there_are_several_accounts(user):
    UserFactory()
    with pytest.raises(CommandError):
        agenda()
    with pytest.raises(CommandError):
        agenda("nobody-by-this-name")


def test_it_shows_only_the_named_persons_plan(user, other_user):
    ActionFactory(owner=other_user, kind=ActionKind.BE_KIND)
    assert "Be kind" not in agenda(user.username)

"""The demo story's network chapter: people kept in touch with, follow-ups on the agenda."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.home import demo
from nextround.network.followups import next_follow_up
from nextround.playbook.models import Action, ActionKind, ActionStatus

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_the_story_keeps_in_touch_with_people():
    story = demo.build()
    coordinator = story.contacts["coordinator"]
    assert coordinator.interactions.count() == 3
    assert next_follow_up(coordinator).due_on == story.day(-30 + 90)
    mentor = story.contacts["mentor"]
    assert next_follow_up(mentor).due_on == story.day(-56 + 60)
    assert next_follow_up(story.contacts["librarian"]).due_on == story.day(-1)
    assert story.contacts["registrar"].connection_notes["linkedin"].startswith("Hello Tom")
    # Yesterday's panel is still to reach: its step waits on the agenda.
    assert (
        Action.objects.get(
            application=story.applications["visitor_experience"], kind=ActionKind.CONNECT_PANEL
        ).status
        == ActionStatus.OPEN
    )

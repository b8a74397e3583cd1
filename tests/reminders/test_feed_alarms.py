"""Alarms in the calendar feed, read back with icalendar as a calendar app would."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from nextround.reminders.models import ReminderSettings
from tests.factories import InterviewFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 6, 1, 8, tzinfo=datetime.UTC)


def events(client, user) -> dict:
    response = client.get(reverse("calendar_feed", args=[user.calendar_secret]))
    assert response.status_code == 200
    return {
        str(event["UID"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")
    }


def triggers(event) -> list:
    return [alarm["TRIGGER"].dt for alarm in event.walk("VALARM")]


@time_machine.travel(NOW, tick=False)
def test_a_step_rings_at_nine_on_its_day_in_the_sites_time_zone(client, user):
    step = ActionFactory(owner=user, due_on=datetime.date(2026, 6, 3))

    event = events(client, user)[f"action-{step.pk}@nextround"]

    # 09:00 in London in June is 08:00 UTC.
    assert triggers(event) == [datetime.datetime(2026, 6, 3, 8, 0, tzinfo=datetime.UTC)]
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"


@time_machine.travel(NOW, tick=False)
def test_a_step_rings_at_the_persons_chosen_time(client, user):
    ReminderSettings.objects.create(user=user, alarm_time=datetime.time(7, 30))
    step = ActionFactory(owner=user, due_on=datetime.date(2026, 12, 3))

    event = events(client, user)[f"action-{step.pk}@nextround"]

    # In winter London is on UTC.
    assert triggers(event) == [datetime.datetime(2026, 12, 3, 7, 30, tzinfo=datetime.UTC)]


@time_machine.travel(NOW, tick=False)
def test_an_interview_rings_a_day_and_an_hour_before(client, user):
    interview = InterviewFactory(
        owner=user, starts_at=datetime.datetime(2026, 6, 10, 13, tzinfo=datetime.UTC)
    )

    event = events(client, user)[f"interview-{interview.pk}@nextround"]

    assert sorted(triggers(event)) == [-datetime.timedelta(days=1), -datetime.timedelta(hours=1)]

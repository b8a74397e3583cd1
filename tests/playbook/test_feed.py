"""The calendar feed, read back with icalendar as a calendar app would."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from icalendar import Calendar

from nextround.playbook.models import ActionKind, ActionStatus
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 4, 10, tzinfo=datetime.UTC)


def feed_of(client, user) -> Calendar:
    response = client.get(reverse("calendar_feed", args=[user.calendar_secret]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def events_by_uid(calendar: Calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@time_machine.travel(NOW, tick=False)
def test_open_steps_are_all_day_events_and_interviews_are_timed(client, user):
    organisation = OrganisationFactory(owner=user, name="Museum of Lanes, Commas; and Slashes\\")
    application = ApplicationFactory(owner=user, organisation=organisation, role="Keeper")
    interview = InterviewFactory(
        owner=user,
        application=application,
        starts_at=datetime.datetime(2026, 3, 10, 14, 30, tzinfo=datetime.UTC),
        location="Room 2, East Wing; ask at desk",
    )
    step = ActionFactory(
        owner=user,
        application=application,
        kind=ActionKind.ASK_FEEDBACK,
        due_on=datetime.date(2026, 3, 5),
        note="Line one\nLine two, with a comma; and a semicolon",
    )
    snoozed = ActionFactory(
        owner=user,
        application=application,
        status=ActionStatus.SNOOZED,
        due_on=datetime.date(2026, 3, 20),
    )
    done = ActionFactory(owner=user, application=application, status=ActionStatus.DONE)
    skipped = ActionFactory(owner=user, application=application, status=ActionStatus.SKIPPED)

    events = events_by_uid(feed_of(client, user))

    assert set(events) == {
        f"interview-{interview.pk}@nextround",
        f"action-{step.pk}@nextround",
        f"action-{snoozed.pk}@nextround",
    }
    assert f"action-{done.pk}@nextround" not in events
    assert f"action-{skipped.pk}@nextround" not in events

    meeting = events[f"interview-{interview.pk}@nextround"]
    assert meeting.decoded("DTSTART") == interview.starts_at
    assert meeting.decoded("DTEND") == interview.starts_at + datetime.timedelta(hours=1)
    assert str(meeting["SUMMARY"]) == "Interview: Keeper, Museum of Lanes, Commas; and Slashes\\"
    assert str(meeting["LOCATION"]) == "Room 2, East Wing; ask at desk"

    event = events[f"action-{step.pk}@nextround"]
    assert event.decoded("DTSTART") == datetime.date(2026, 3, 5)
    assert event.decoded("DTEND") == datetime.date(2026, 3, 6)
    assert (
        str(event["SUMMARY"]) == "Ask for feedback: Keeper, Museum of Lanes, Commas; and Slashes\\"
    )
    assert str(event["DESCRIPTION"]).startswith("Line one\nLine two, with a comma; and a semicolon")
    assert str(event["URL"]).endswith(step.get_absolute_url())
    for each in events.values():
        assert each.decoded("DTSTAMP") == NOW


@time_machine.travel(NOW, tick=False)
def test_user_text_is_escaped_in_the_raw_feed(client, user):
    ActionFactory(owner=user, note="Commas, semicolons; backslashes\\ and\nnew lines")
    raw = client.get(reverse("calendar_feed", args=[user.calendar_secret])).content.decode()
    unfolded = raw.replace("\r\n ", "")
    assert "Commas\\, semicolons\\; backslashes\\\\ and\\nnew lines" in unfolded
    assert "\r\n" in raw and all(len(line.encode()) <= 75 for line in raw.split("\r\n"))


def test_uids_stay_the_same_from_one_fetch_to_the_next(client, user):
    ActionFactory(owner=user)
    InterviewFactory(owner=user)
    first = set(events_by_uid(feed_of(client, user)))
    second = set(events_by_uid(feed_of(client, user)))
    assert first == second and len(first) == 2


def test_the_feed_holds_only_its_owners_plan(client, user, other_user):
    mine = ActionFactory(owner=user)
    ActionFactory(owner=other_user)
    InterviewFactory(owner=other_user)
    assert set(events_by_uid(feed_of(client, user))) == {f"action-{mine.pk}@nextround"}


def test_a_wrong_secret_is_not_found(client, user):
    ActionFactory(owner=user)
    assert client.get(reverse("calendar_feed", args=["not-the-secret"])).status_code == 404


def test_a_regenerated_secret_retires_the_old_address(user_client, client, user):
    old = user.calendar_secret
    user_client.post(reverse("accounts:regenerate_calendar"))
    user.refresh_from_db()
    assert user.calendar_secret != old
    assert client.get(reverse("calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("calendar_feed", args=[user.calendar_secret])).status_code == 200


def test_a_row_no_calendar_can_hold_is_left_out_not_the_whole_feed(client, user):
    kept = InterviewFactory(owner=user, starts_at=NOW)
    # Saved before dates were checked: an hour later is past the last date there is.
    edge = InterviewFactory(owner=user, starts_at=NOW)
    type(edge).objects.filter(pk=edge.pk).update(
        starts_at=datetime.datetime(9999, 12, 31, 23, 30, tzinfo=datetime.UTC)
    )
    step = ActionFactory(owner=user, status=ActionStatus.OPEN)
    type(step).objects.filter(pk=step.pk).update(due_on=datetime.date.max)
    events = events_by_uid(feed_of(client, user))
    assert f"interview-{kept.pk}@nextround" in events
    assert f"interview-{edge.pk}@nextround" not in events
    assert f"action-{step.pk}@nextround" not in events

"""The calendar feed: interviews as timed events and the plan's open steps as
all-day events, addressed by a secret URL."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.utils import timezone
from icalendar import Alarm, Calendar, Event

from nextround.core.access import owned
from nextround.jobs.models import Interview
from nextround.playbook.agenda import live_actions

logger = logging.getLogger(__name__)

# When a step's alarm rings on its due day unless the person chose a time.
DEFAULT_ALARM_TIME = datetime.time(9, 0)
# Interviews ring twice: the day before, to prepare, and an hour before, to leave.
INTERVIEW_ALARMS = (datetime.timedelta(days=1), datetime.timedelta(hours=1))


def build_calendar(
    user,
    now: datetime.datetime | None = None,
    base_url: str = "",
    alarm_time: datetime.time = DEFAULT_ALARM_TIME,
) -> Calendar:
    """The user's interviews and open steps as an RFC 5545 calendar.

    UIDs are derived from the record's id, so a calendar app updates an
    event in place when it changes instead of adding a copy. Each step
    rings at ``alarm_time`` (in the site's time zone) on its due day; each
    interview a day and an hour before it starts.
    """
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", "-//Next Round//nextround//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Next Round")
    interviews = owned(Interview, user).select_related("application__organisation")
    for interview in interviews:
        try:
            calendar.add_component(_interview_event(interview, now))
        except (OverflowError, ValueError):
            # One row a calendar cannot hold (a date at the edge of time,
            # saved before dates were checked) must not empty the whole feed.
            logger.warning("Calendar feed: left out interview %s", interview.pk, exc_info=True)
    for action in live_actions(user):
        try:
            calendar.add_component(_action_event(action, now, base_url, alarm_time))
        except (OverflowError, ValueError):
            logger.warning("Calendar feed: left out step %s", action.pk, exc_info=True)
    return calendar


def _alarm(summary: str, trigger) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary)
    # An absolute date-time rings at that moment; a duration is before the start.
    if isinstance(trigger, datetime.datetime):
        alarm.add("trigger", trigger, parameters={"VALUE": "DATE-TIME"})
    else:
        alarm.add("trigger", trigger)
    return alarm


def _action_event(
    action, now: datetime.datetime, base_url: str, alarm_time: datetime.time
) -> Event:
    event = Event()
    event.add("uid", f"action-{action.pk}@nextround")
    event.add("dtstamp", now)
    # All-day: a date start and the next day as the (exclusive) end.
    event.add("dtstart", action.due_on)
    event.add("dtend", action.due_on + datetime.timedelta(days=1))
    event.add("summary", str(action))
    description = action.note
    if base_url:
        url = base_url + action.get_absolute_url()
        event.add("url", url)
        description = f"{description}\n\n{url}" if description else url
    if description:
        event.add("description", description)
    event.add("transp", "TRANSPARENT")
    # Written in UTC: an all-day event has no time zone of its own, and the
    # morning meant is the morning where the site is.
    rings_at = timezone.make_aware(datetime.datetime.combine(action.due_on, alarm_time))
    event.add_component(_alarm(str(action), rings_at.astimezone(datetime.UTC)))
    return event


def _interview_event(interview: Interview, now: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", f"interview-{interview.pk}@nextround")
    event.add("dtstamp", now)
    event.add("dtstart", interview.starts_at)
    event.add("dtend", interview.starts_at + datetime.timedelta(hours=1))
    event.add(
        "summary",
        f"Interview: {interview.application.role}, {interview.application.organisation.name}",
    )
    if interview.location:
        event.add("location", interview.location)
    for before in INTERVIEW_ALARMS:
        event.add_component(_alarm(str(event["summary"]), -before))
    return event


def calendar_owner(secret: str):
    """The active account whose calendar ``secret`` this is, or 404."""
    user = get_user_model().objects.filter(calendar_secret=secret, is_active=True).first()
    if user is None:
        raise Http404("No such calendar")
    return user


def calendar_response(
    request, user, alarm_time: datetime.time = DEFAULT_ALARM_TIME
) -> HttpResponse:
    """The feed of ``user`` as an HTTP response, links made absolute."""
    base_url = settings.BASE_URL or request.build_absolute_uri("/").rstrip("/")
    body = build_calendar(user, base_url=base_url, alarm_time=alarm_time).to_ical()
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")

"""The calendar feed: interviews as timed events and the plan's open steps as
all-day events, addressed by a secret URL."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from nextround.core.access import owned
from nextround.jobs.models import Interview
from nextround.playbook.agenda import live_actions

logger = logging.getLogger(__name__)


def build_calendar(user, now: datetime.datetime | None = None, base_url: str = "") -> Calendar:
    """The user's interviews and open steps as an RFC 5545 calendar.

    UIDs are derived from the record's id, so a calendar app updates an
    event in place when it changes instead of adding a copy.
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
            calendar.add_component(_action_event(action, now, base_url))
        except (OverflowError, ValueError):
            logger.warning("Calendar feed: left out step %s", action.pk, exc_info=True)
    return calendar


def _action_event(action, now: datetime.datetime, base_url: str) -> Event:
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
    return event


def calendar_feed(request, secret: str) -> HttpResponse:
    """Serve the feed; a wrong or regenerated secret is simply not found."""
    user = get_user_model().objects.filter(calendar_secret=secret, is_active=True).first()
    if user is None:
        raise Http404("No such calendar")
    base_url = settings.BASE_URL or request.build_absolute_uri("/").rstrip("/")
    body = build_calendar(user, base_url=base_url).to_ical()
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")

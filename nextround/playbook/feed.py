"""The calendar feed: interviews as timed events, addressed by a secret URL."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from nextround.core.access import owned
from nextround.jobs.models import Interview


def build_calendar(user, now: datetime.datetime | None = None) -> Calendar:
    """The user's interviews as an RFC 5545 calendar.

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
        calendar.add_component(event)
    return calendar


def calendar_feed(request, secret: str) -> HttpResponse:
    """Serve the feed; a wrong or regenerated secret is simply not found."""
    user = get_user_model().objects.filter(calendar_secret=secret, is_active=True).first()
    if user is None:
        raise Http404("No such calendar")
    body = build_calendar(user).to_ical()
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")

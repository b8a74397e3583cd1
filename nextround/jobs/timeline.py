"""The moments of an application's story that the application itself records.

``TimelineEntry`` is the shape every area uses for its own ``timeline_entries``;
``nextround.home.timeline`` puts them together in date order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from nextround.jobs.models import Application


@dataclass(frozen=True)
class TimelineEntry:
    """One moment in an application's story."""

    on: datetime.date
    kind: str  # a short word for styling and tests: applied, interview, outcome, note…
    title: str
    detail: str = ""
    url: str = ""
    at: datetime.datetime | None = None
    extra: dict = field(default_factory=dict, compare=False)


def timeline_entries(application: Application) -> list[TimelineEntry]:
    """Applied, closing date, interviews, promised decisions and the outcome, unordered."""
    entries: list[TimelineEntry] = []
    if application.applied_on:
        entries.append(
            TimelineEntry(
                on=application.applied_on,
                kind="applied",
                title=f"Applied for {application.role}",
                detail=application.get_contract_display(),
            )
        )
    if application.closing_on:
        entries.append(
            TimelineEntry(on=application.closing_on, kind="closing", title="Applications closed")
        )
    for interview in application.interviews.all():
        panel = ", ".join(person.name for person in interview.panel.all())
        entries.append(
            TimelineEntry(
                on=timezone.localdate(interview.starts_at),
                at=interview.starts_at,
                kind="interview",
                title=interview.stage or "Interview",
                detail=f"{interview.get_format_display()}" + (f" with {panel}" if panel else ""),
                url=interview.get_absolute_url(),
            )
        )
        if interview.decision_promised_by:
            entries.append(
                TimelineEntry(
                    on=interview.decision_promised_by,
                    kind="promise",
                    title="Decision promised by this date",
                )
            )
    if application.outcome and application.decided_on:
        entries.append(
            TimelineEntry(
                on=application.decided_on,
                kind="outcome",
                title=application.get_outcome_display(),
            )
        )
    return entries

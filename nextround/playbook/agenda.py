"""The agenda: what is overdue, what is due today, and what comes in the next two weeks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from nextround.jobs.timeline import TimelineEntry
from nextround.playbook.models import Action

# How far ahead Today and the terminal agenda look.
LOOKAHEAD_DAYS = 14


@dataclass
class Agenda:
    """A person's live actions, sorted into the groups Today shows."""

    today: datetime.date
    overdue: list[Action] = field(default_factory=list)
    due_today: list[Action] = field(default_factory=list)
    soon: list[Action] = field(default_factory=list)
    later: list[Action] = field(default_factory=list)
    # How many each group holds in all, where only the first few are listed.
    totals: dict[str, int] = field(default_factory=dict)

    def _more(self, group: str) -> int:
        return self.totals.get(group, 0) - len(getattr(self, group))

    @property
    def overdue_more(self) -> int:
        return self._more("overdue")

    @property
    def due_today_more(self) -> int:
        return self._more("due_today")

    @property
    def soon_more(self) -> int:
        return self._more("soon")

    @property
    def upcoming(self) -> list[Action]:
        """Overdue first, then today, then the next two weeks."""
        return [*self.overdue, *self.due_today, *self.soon]

    def __bool__(self) -> bool:
        return bool(self.overdue or self.due_today or self.soon or self.later)


def live_actions(user):
    """A person's open and snoozed actions, with what their titles need, soonest first."""
    return (
        Action.objects.for_user(user)
        .live()
        .select_related("application__organisation", "organisation", "contact", "interview")
        .order_by("due_on", "id")
    )


def agenda_for(user, today: datetime.date | None = None, *, include_later: bool = False) -> Agenda:
    """Sort the live actions into overdue, today, the next 14 days (and later, if asked)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS)
    actions = live_actions(user)
    if not include_later:
        actions = actions.filter(due_on__lte=horizon)
    return sort_into_agenda(actions, today)


def sort_into_agenda(actions, today: datetime.date) -> Agenda:
    """Sort ``actions`` (soonest first) into overdue, today, the next 14 days and later."""
    horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS)
    agenda = Agenda(today=today)
    for action in actions:
        if action.due_on < today:
            agenda.overdue.append(action)
        elif action.due_on == today:
            agenda.due_today.append(action)
        elif action.due_on <= horizon:
            agenda.soon.append(action)
        else:
            agenda.later.append(action)
    return agenda


def today_agenda(user, today: datetime.date | None = None, *, shown: int) -> Agenda:
    """Today's agenda with at most ``shown`` steps in each group, and each group's total.

    However long the plan has grown, the page lists a few steps per group
    and says how many more there are; the totals are counted in the database.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=LOOKAHEAD_DAYS)
    groups = {
        "overdue": Q(due_on__lt=today),
        "due_today": Q(due_on=today),
        "soon": Q(due_on__gt=today, due_on__lte=horizon),
    }
    actions = live_actions(user)
    totals = actions.aggregate(
        **{group: Count("id", filter=condition) for group, condition in groups.items()}
    )
    agenda = Agenda(today=today, totals=totals)
    for group, condition in groups.items():
        setattr(agenda, group, list(actions.filter(condition)[:shown]))
    return agenda


def timeline_entries(application) -> list[TimelineEntry]:
    """The application's steps for its timeline: done ones on the day, the rest on their due day."""
    entries = []
    for action in application.actions.order_by("due_on", "id"):
        if action.status == "done" and action.done_at:
            on = timezone.localdate(action.done_at)
            detail = "Done"
        elif action.status == "skipped":
            on = action.due_on
            detail = f"Skipped. {action.note}" if action.note else "Skipped"
        else:
            on = action.due_on
            detail = ("Snoozed to " if action.status == "snoozed" else "Due ") + (
                f"{action.due_on:%-d %b %Y}"
            )
        entries.append(
            TimelineEntry(
                on=on,
                kind=f"action-{action.status}",
                title=action.get_kind_display(),
                detail=detail,
                url=action.get_absolute_url(),
            )
        )
    return entries

"""What the user's applications say: the funnel, how they ended, waits for a decision, second tries.

The Insights page (``nextround.home``) shows these beside the feedback
figures in ``nextround.feedback.insights``. Every figure is counted from the
user's records in a handful of queries, whatever their number, and each
reason an application ended is kept apart:
a "no reply" is not a rejection, and "not invited" is not "rejected after
interview".
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import ngettext

from nextround.core.access import owned
from nextround.jobs.models import (
    Application,
    Contract,
    Interview,
    OrganisationKind,
    Outcome,
    Status,
)

# An outcome that could only follow an interview.
AFTER_INTERVIEW = {Outcome.REJECTED, Outcome.OFFERED, Outcome.ACCEPTED}
OFFERED = {Outcome.OFFERED, Outcome.ACCEPTED}
FUNNEL_STAGES = ("applied", "invited", "interviewed", "offered")


@dataclass
class FunnelMonth:
    month: datetime.date  # the first of the month
    applied: int = 0
    invited: int = 0
    interviewed: int = 0
    offered: int = 0

    def stage(self, name: str) -> int:
        return getattr(self, name)


@dataclass
class ReapplicationSide:
    tries: int = 0
    invited: int = 0
    offered: int = 0

    def rate(self, count: int) -> int | None:
        """A whole percentage of tries, or None when there were none."""
        return round(100 * count / self.tries) if self.tries else None


@dataclass
class OrganisationWait:
    """How long an organisation took to decide after interview, and what it promised."""

    organisation_id: int
    name: str
    kind: str
    actual_days: list[int] = field(default_factory=list)
    promised_days: list[int] = field(default_factory=list)

    @property
    def usual_days(self) -> int:
        return round(statistics.median(self.actual_days))

    @property
    def promised_usual_days(self) -> int | None:
        return round(statistics.median(self.promised_days)) if self.promised_days else None

    @property
    def decisions(self) -> int:
        return len(self.actual_days)

    @property
    def sentence(self) -> str:
        """ "this museum usually answers in 9 days", or, after one decision, "last time…"."""
        place = (
            f"this {OrganisationKind(self.kind).label.lower()}"
            if self.kind != OrganisationKind.OTHER
            else "this organisation"
        )
        days = self.usual_days
        span = ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
        if self.decisions == 1:
            return f"last time {place} answered in {span}"
        return f"{place} usually answers in {span}"


class DecisionTimes:
    """Each organisation's decision times after interview, learned from the user's history."""

    def __init__(self, waits: dict[int, OrganisationWait]):
        self.waits = waits

    def for_organisation(self, organisation_id: int | None) -> OrganisationWait | None:
        return self.waits.get(organisation_id) if organisation_id else None

    def ordered(self) -> list[OrganisationWait]:
        return sorted(self.waits.values(), key=lambda wait: (-wait.decisions, wait.name.casefold()))

    def __bool__(self) -> bool:
        return bool(self.waits)


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _months_back(today: datetime.date, count: int) -> list[datetime.date]:
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def _applications(user):
    now = timezone.now()
    interviews = Interview.objects.filter(application=OuterRef("pk"))
    return (
        owned(Application, user)
        .annotate(
            has_interview=Exists(interviews),
            has_been_interviewed=Exists(interviews.filter(starts_at__lt=now)),
        )
        .values(
            "id",
            "applied_on",
            "contract",
            "outcome",
            "status",
            "reapplies_to_id",
            "has_interview",
            "has_been_interviewed",
        )
    )


def _was_invited(row: dict) -> bool:
    return (
        row["has_interview"]
        or row["status"] == Status.INTERVIEWING
        or row["outcome"] in AFTER_INTERVIEW
    )


def _was_interviewed(row: dict) -> bool:
    return row["has_been_interviewed"] or row["outcome"] in AFTER_INTERVIEW


def funnel_by_month(
    user, months: int = 12, today: datetime.date | None = None
) -> list[FunnelMonth]:
    """Applications by the month they were made, and how far each one got."""
    today = today or timezone.localdate()
    funnel = {month: FunnelMonth(month) for month in _months_back(today, months)}
    for row in _applications(user).filter(applied_on__gte=min(funnel)):
        entry = funnel.get(_month(row["applied_on"]))
        if entry is None:
            continue
        entry.applied += 1
        entry.invited += _was_invited(row)
        entry.interviewed += _was_interviewed(row)
        entry.offered += row["outcome"] in OFFERED
    return list(funnel.values())


def outcomes_by_reason(user) -> list[tuple[str, int]]:
    """How applications ended, one line per reason, every reason kept apart."""
    counts = dict(
        owned(Application, user)
        .exclude(outcome="")
        .order_by()
        .values_list("outcome")
        .annotate(count=Count("id"))
    )
    counts = Counter(counts)
    return [(outcome.label, counts[outcome.value]) for outcome in Outcome if counts[outcome.value]]


def outcomes_by_contract(user) -> list[tuple[str, list[tuple[str, int]]]]:
    """For each kind of contract, how its applications ended."""
    counts: dict[str, Counter] = defaultdict(Counter)
    rows = (
        owned(Application, user)
        .exclude(outcome="")
        .order_by()
        .values_list("contract", "outcome")
        .annotate(count=Count("id"))
    )
    for contract, outcome, count in rows:
        counts[contract][outcome] += count
    return [
        (
            contract.label,
            [
                (o.label, counts[contract.value][o.value])
                for o in Outcome
                if counts[contract.value][o.value]
            ],
        )
        for contract in Contract
        if counts[contract.value]
    ]


def decision_times(user, organisation_ids=None) -> DecisionTimes:
    """Each organisation's promised and actual days from interview to decision, in one query.

    The decision is measured from the application's last interview; a "no
    reply" or a withdrawal is not a decision and is left out. Given
    ``organisation_ids``, only those organisations are looked at.
    """
    interviews = owned(Interview, user)
    if organisation_ids is not None:
        interviews = interviews.filter(application__organisation_id__in=organisation_ids)
    rows = (
        interviews.filter(application__decided_on__isnull=False)
        .exclude(application__outcome__in=[Outcome.NO_REPLY, Outcome.WITHDRAWN, ""])
        .values(
            "application_id",
            "starts_at",
            "decision_promised_by",
            "application__decided_on",
            "application__organisation_id",
            "application__organisation__name",
            "application__organisation__kind",
        )
        .order_by("application_id", "starts_at")
    )
    last_by_application: dict[int, dict] = {}
    for row in rows:
        last_by_application[row["application_id"]] = row
    waits: dict[int, OrganisationWait] = {}
    for row in last_by_application.values():
        interviewed_on = timezone.localdate(row["starts_at"])
        actual = (row["application__decided_on"] - interviewed_on).days
        if actual < 0:
            continue
        organisation_id = row["application__organisation_id"]
        wait = waits.setdefault(
            organisation_id,
            OrganisationWait(
                organisation_id,
                row["application__organisation__name"],
                row["application__organisation__kind"],
            ),
        )
        wait.actual_days.append(actual)
        if row["decision_promised_by"]:
            wait.promised_days.append(max(0, (row["decision_promised_by"] - interviewed_on).days))
    return DecisionTimes(waits)


def reapplication_success(user) -> dict[str, ReapplicationSide]:
    """First tries against second and later tries, by how many were invited and offered."""
    invited = Q(has_interview=True) | Q(status=Status.INTERVIEWING) | Q(outcome__in=AFTER_INTERVIEW)
    sides = {}
    for name, condition in (
        ("first", Q(reapplies_to__isnull=True)),
        ("later", Q(reapplies_to__isnull=False)),
    ):
        # Counted by the database: one row per side, whatever the history's length.
        counts = (
            _applications(user)
            .exclude(status=Status.PREPARING)
            .filter(condition)
            .aggregate(
                tries=Count("id"),
                invited=Count("id", filter=invited),
                offered=Count("id", filter=Q(outcome__in=OFFERED)),
            )
        )
        sides[name] = ReapplicationSide(**counts)
    return sides

"""What the stats page shows: reviews by day, what is coming, and how much is remembered."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from nextround.questions.models import Question, Rating, Review

HEATMAP_WEEKS = 26
FORECAST_DAYS = 30


@dataclass(frozen=True)
class Day:
    day: datetime.date
    count: int
    level: int  # 0 to 4, for shading; the count is always shown as text too


def _level(count: int, busiest: int) -> int:
    if count == 0 or busiest == 0:
        return 0
    return min(4, 1 + (count * 4 - 1) // busiest)


def reviews_by_day(
    user, today: datetime.date | None = None, weeks: int = HEATMAP_WEEKS
) -> list[list[Day]]:
    """Weeks (Monday first) of review counts ending with the current week, oldest first."""
    today = today or timezone.localdate()
    start = today - datetime.timedelta(days=today.weekday() + 7 * (weeks - 1))
    counts = dict(
        Review.objects.filter(owner=user, reviewed_at__date__gte=start)
        .annotate(day=TruncDate("reviewed_at"))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    busiest = max(counts.values(), default=0)
    return [
        [
            Day(day, counts.get(day, 0), _level(counts.get(day, 0), busiest))
            for offset in range(7)
            if (day := start + datetime.timedelta(days=7 * week + offset)) <= today
        ]
        for week in range(weeks)
    ]


def heatmap_rows(weeks: list[list[Day]]) -> list[tuple[str, list[Day | None]]]:
    """The weeks turned sideways for a table: one row per weekday, one column per week."""
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    return [
        (name, [week[index] if index < len(week) else None for week in weeks])
        for index, name in enumerate(names)
    ]


def forecast(user, today: datetime.date | None = None, days: int = FORECAST_DAYS) -> list[Day]:
    """How many already-seen questions fall due on each of the next ``days`` days (today includes overdue)."""
    today = today or timezone.localdate()
    end = today + datetime.timedelta(days=days)
    end_moment = timezone.make_aware(datetime.datetime.combine(end, datetime.time.min))
    counts: dict[datetime.date, int] = {}
    for due in (
        Question.objects.for_user(user)
        .seen()
        .filter(due__lt=end_moment)
        .values_list("due", flat=True)
    ):
        day = max(today, timezone.localdate(due))
        counts[day] = counts.get(day, 0) + 1
    busiest = max(counts.values(), default=0)
    return [
        Day(day, counts.get(day, 0), _level(counts.get(day, 0), busiest))
        for day in (today + datetime.timedelta(days=n) for n in range(days))
    ]


def calendar_rows(days: list[Day]) -> list[list[Day | None]]:
    """Consecutive days laid out as calendar weeks, Monday first, blanks around the edges."""
    if not days:
        return []
    cells: list[Day | None] = [None] * days[0].day.weekday() + list(days)
    cells += [None] * (-len(cells) % 7)
    return [cells[start : start + 7] for start in range(0, len(cells), 7)]


@dataclass(frozen=True)
class Retention:
    passed: int
    total: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.passed / self.total) if self.total else None


def true_retention(user, since: datetime.datetime | None = None) -> Retention:
    """Of reviews of questions already learned (not new, not still in learning steps), how many were recalled."""
    reviews = Review.objects.filter(owner=user, was_mature=True)
    if since is not None:
        reviews = reviews.filter(reviewed_at__gte=since)
    total = reviews.count()
    passed = reviews.exclude(rating=Rating.AGAIN).count()
    return Retention(passed=passed, total=total)


def streak(user, today: datetime.date | None = None) -> int:
    """Days in a row, ending today or yesterday, with at least one review. Shown only on request."""
    today = today or timezone.localdate()
    days = set(
        Review.objects.filter(
            owner=user, reviewed_at__date__gte=today - datetime.timedelta(days=366)
        )
        .annotate(day=TruncDate("reviewed_at"))
        .values_list("day", flat=True)
    )
    day = today if today in days else today - datetime.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= datetime.timedelta(days=1)
    return count

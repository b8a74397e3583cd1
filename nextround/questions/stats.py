"""What the stats page shows: reviews by day, what is coming, and how much is remembered."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
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


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the current time zone.

    Comparing the stored time with it lets the database use its index on
    ``reviewed_at``; comparing each row's date would read every review.
    """
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


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
        Review.objects.filter(owner=user, reviewed_at__gte=_start_of(start))
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
        .order_by()
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
    counts = reviews.aggregate(
        total=Count("id"), passed=Count("id", filter=~Q(rating=Rating.AGAIN))
    )
    return Retention(passed=counts["passed"], total=counts["total"])


def streak(user, today: datetime.date | None = None) -> int:
    """Days in a row, ending today or yesterday, with at least one review. Shown only on request."""
    today = today or timezone.localdate()
    # Newest first, stopping at the first day without a review: only the
    # streak's own reviews are read, however long the log.
    times = (
        Review.objects.filter(
            owner=user, reviewed_at__gte=_start_of(today - datetime.timedelta(days=366))
        )
        .order_by("-reviewed_at")
        .values_list("reviewed_at", flat=True)
    )
    expected = today
    count = 0
    for reviewed_at in times.iterator(chunk_size=200):
        day = timezone.localdate(reviewed_at)
        if day > today:
            continue
        if day == expected:
            count += 1
            expected -= datetime.timedelta(days=1)
        elif day < expected:
            if count == 0 and expected == today and day == today - datetime.timedelta(days=1):
                # No review yet today: the streak may still end yesterday.
                count = 1
                expected = day - datetime.timedelta(days=1)
            else:
                break
    return count

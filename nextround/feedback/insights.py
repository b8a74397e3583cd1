"""What the user's feedback says over time: gaps by quarter, and possible inside appointments.

The Insights page (``nextround.home``) shows these beside the application
figures in ``nextround.jobs.insights``; each is counted in a fixed number of
queries, whatever the number of records.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.db.models import Count, Q
from django.utils import timezone

from nextround.core.access import owned
from nextround.feedback.models import GapMention, SkillCategory, SuccessfulCandidate


def _quarter(day: datetime.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def gaps_over_time(
    user, quarters: int = 8, today: datetime.date | None = None
) -> list[tuple[str, list[tuple[str, int]]]]:
    """Counted gap mentions per quarter, by category, oldest quarter first."""
    today = today or timezone.localdate()
    wanted: list[tuple[int, int]] = []
    year, quarter = _quarter(today)
    for _ in range(quarters):
        wanted.append((year, quarter))
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
    wanted.reverse()
    counts: dict[tuple[int, int], Counter] = {key: Counter() for key in wanted}
    # Plain values, and only mentions whose records were made or dated in the window.
    start = datetime.date(wanted[0][0], (wanted[0][1] - 1) * 3 + 1, 1)
    start_time = timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))
    mentions = (
        owned(GapMention, user)
        .exclude(successful_candidate__inside_appointment=True)
        .filter(
            Q(feedback__received_on__gte=start)
            | Q(feedback__asked_on__gte=start)
            | Q(feedback__created_at__gte=start_time)
            | Q(successful_candidate__found_on__gte=start)
            | Q(successful_candidate__created_at__gte=start_time)
        )
        .values_list(
            "skill__category",
            "feedback_id",
            "feedback__received_on",
            "feedback__asked_on",
            "feedback__created_at",
            "successful_candidate__found_on",
            "successful_candidate__created_at",
        )
    )
    for category, feedback_id, received, asked, made, found, noted in mentions:
        if feedback_id:
            on = received or asked or timezone.localdate(made)
        else:
            on = found or timezone.localdate(noted)
        key = _quarter(on)
        if key in counts:
            counts[key][category] += 1
    return [
        (
            f"{year} Q{quarter}",
            [
                (category.label, counts[(year, quarter)][category.value])
                for category in SkillCategory
            ],
        )
        for year, quarter in wanted
    ]


def inside_appointments(user) -> tuple[int, int]:
    """How many comparisons the user noted, and how many of them as a possible inside appointment."""
    counts = owned(SuccessfulCandidate, user).aggregate(
        noted=Count("id"), inside=Count("id", filter=Q(inside_appointment=True))
    )
    return counts["noted"], counts["inside"]

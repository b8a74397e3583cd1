"""What the user's feedback says over time: gaps by quarter, and possible inside appointments.

The Insights page (``nextround.home``) shows these beside the application
figures in ``nextround.jobs.insights``; each is counted in a fixed number of
queries, whatever the number of records.
"""

from __future__ import annotations

import datetime
from collections import Counter

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
    mentions = owned(GapMention, user).select_related("skill", "feedback", "successful_candidate")
    for mention in mentions:
        source = mention.source
        if isinstance(source, SuccessfulCandidate) and source.inside_appointment:
            continue
        key = _quarter(source.mentioned_on)
        if key in counts:
            counts[key][mention.skill.category] += 1
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
    candidates = owned(SuccessfulCandidate, user).values_list("inside_appointment", flat=True)
    flags = list(candidates)
    return len(flags), sum(flags)

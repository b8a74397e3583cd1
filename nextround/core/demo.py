"""The demo story's notebook: what each area's demo chapter reads and adds to.

The story itself is told by ``nextround.home.demo``, one chapter per area.
Dates are always relative to ``story.today`` (``story.day(-30)`` is a month
ago, ``story.at(-10, 14)`` ten days ago at 14:00), so the demo looks current
whenever it is built.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone


@dataclass
class Story:
    """What the chapters share: the demo user, today's date and the records made so far."""

    user: object
    today: datetime.date
    # Named records, typed loosely: the base app knows no area's models.
    organisations: dict[str, object] = field(default_factory=dict)
    applications: dict[str, object] = field(default_factory=dict)
    interviews: dict[str, object] = field(default_factory=dict)
    contacts: dict[str, object] = field(default_factory=dict)
    # Anything a later chapter may want from an earlier one, keyed by area.
    extra: dict[str, object] = field(default_factory=dict)

    def day(self, offset: int) -> datetime.date:
        """The date ``offset`` days from today (negative: in the past)."""
        return self.today + datetime.timedelta(days=offset)

    def at(self, offset: int, hour: int, minute: int = 0) -> datetime.datetime:
        """An aware date-time ``offset`` days from today, in the site's time zone."""
        naive = datetime.datetime.combine(self.day(offset), datetime.time(hour, minute))
        return timezone.make_aware(naive)

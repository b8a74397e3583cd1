"""Opening the box: one good thing at random, and when to offer it."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from nextround.core.access import owned
from nextround.happybox.models import HappyItem
from nextround.jobs.models import Application, Outcome

# How long after a "no" the Today page offers the box.
BAD_NEWS_DAYS = 7
BAD_NEWS = (Outcome.REJECTED, Outcome.NOT_INVITED)


def draw_item(user, *, not_this: int | None = None) -> HappyItem | None:
    """One of the user's items at random; a different one from ``not_this`` when there is a choice.

    Two small queries (a count, then one row by position) rather than
    ``ORDER BY RANDOM()``, which sorts the whole table.
    """
    items = owned(HappyItem, user)
    if not_this is not None and items.exclude(pk=not_this).exists():
        items = items.exclude(pk=not_this)
    count = items.count()
    if not count:
        return None
    # Not for security: which happy memory comes up next.
    return items.order_by("pk")[random.randrange(count)]  # noqa: S311


def recent_bad_news(user, today: datetime.date | None = None) -> Application | None:
    """The latest application turned down in the last few days, if any."""
    today = today or timezone.localdate()
    return (
        owned(Application, user)
        .filter(
            outcome__in=BAD_NEWS, decided_on__gte=today - datetime.timedelta(days=BAD_NEWS_DAYS)
        )
        .select_related("organisation")
        .order_by("-decided_on", "-id")
        .first()
    )

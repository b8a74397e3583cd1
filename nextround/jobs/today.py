"""What the Today page shows from applications: interviews coming up and decisions awaited."""

from __future__ import annotations

from django.utils import timezone

from nextround.core.access import owned
from nextround.jobs.models import Interview

UPCOMING_INTERVIEWS = 10


def today_context(user, now=None) -> dict:
    """The next interviews and the ones still waiting on a decision, soonest promise first."""
    now = now or timezone.now()
    interviews = owned(Interview, user).select_related("application__organisation")
    return {
        "upcoming": interviews.upcoming(now)[:UPCOMING_INTERVIEWS],
        "awaiting": interviews.awaiting_decision().order_by("decision_promised_by", "starts_at"),
    }

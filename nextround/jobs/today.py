"""What the Today page shows from applications: interviews coming up and decisions awaited."""

from __future__ import annotations

import datetime

from django.utils import timezone

from nextround.core.access import owned
from nextround.jobs.insights import decision_times
from nextround.jobs.models import Interview

UPCOMING_INTERVIEWS = 10
# Decisions listed on Today; the applications list has the rest.
AWAITING_SHOWN = 10
# Today asks how an interview went for a few weeks after it, a few at a time.
LOOK_BACK_DAYS = 28
LOOK_BACK_AT_MOST = 5


def today_context(user, now=None) -> dict:
    """The next interviews, the ones waiting on a decision (soonest promise first), and
    the recent ones with no word yet on how they went.

    ``decision_times`` is learned for the organisations listed, so each row
    can say "this museum usually answers in 9 days" without a query per row.
    """
    now = now or timezone.now()
    interviews = owned(Interview, user).select_related("application__organisation")
    awaiting = interviews.awaiting_decision().order_by("decision_promised_by", "starts_at", "id")
    shown = list(awaiting[:AWAITING_SHOWN])
    return {
        "upcoming": interviews.upcoming(now)[:UPCOMING_INTERVIEWS],
        "awaiting": shown,
        "awaiting_more": awaiting.count() - len(shown),
        "decision_times": decision_times(
            user, {interview.application.organisation_id for interview in shown}
        ),
        "how_did_it_go": interviews.to_look_back_on(
            now, now - datetime.timedelta(days=LOOK_BACK_DAYS)
        )[:LOOK_BACK_AT_MOST],
    }

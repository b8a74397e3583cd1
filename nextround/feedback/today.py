"""What the Today page shows from feedback: the top gaps, and how long places usually take."""

from __future__ import annotations

from nextround.feedback.progress import attach_improvements
from nextround.feedback.ranking import rank_gaps
from nextround.jobs.insights import decision_times

TOP_GAPS = 3


def today_context(user) -> dict:
    """The Today page's feedback part, in a fixed number of queries.

    ``decision_times`` is learned once for all organisations, so the
    awaiting-decision list can say "this museum usually answers in 9 days"
    on every row without a query per row.
    """
    return {
        "top_gaps": attach_improvements(user, rank_gaps(user)[:TOP_GAPS]),
        "decision_times": decision_times(user),
    }

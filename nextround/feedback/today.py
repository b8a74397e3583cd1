"""What the Today page shows from feedback: the top gaps."""

from __future__ import annotations

from django.utils import timezone

from nextround.core.account_cache import kept_for_account
from nextround.feedback.progress import attach_improvements
from nextround.feedback.ranking import top_gaps

TOP_GAPS = 3


def today_context(user) -> dict:
    """The Today page's feedback part: the top gaps, kept until the account changes."""
    today = timezone.localdate()
    return {
        "top_gaps": kept_for_account(
            user,
            f"today-top-gaps:{today}",
            lambda: attach_improvements(user, top_gaps(user, TOP_GAPS, today)),
        ),
    }

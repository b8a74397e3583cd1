"""What the Today page shows from the happy box: an offer to open it after bad news."""

from __future__ import annotations

from nextround.core.access import owned
from nextround.happybox.box import recent_bad_news
from nextround.happybox.models import HappyItem


def today_context(user) -> dict:
    """What the Today page needs to offer the box after bad news."""
    bad_news = recent_bad_news(user)
    if bad_news is None:
        return {"happy_box_offer": None}
    return {
        "happy_box_offer": {
            "application": bad_news,
            "has_items": owned(HappyItem, user).exists(),
        }
    }

"""What the question bank adds to other pages: Today's review count, the Settings form."""

from __future__ import annotations

from nextround.questions.forms import ReviewPreferencesForm
from nextround.questions.models import ReviewPreferences
from nextround.questions.scheduling import DailyAllowance, daily_allowance


def review_summary(user, now=None) -> DailyAllowance:
    """How many questions are waiting for review today, within the user's limits."""
    return daily_allowance(user, now)


def today_context(user, now=None) -> dict:
    """The Today page's question-bank part: how many reviews are waiting."""
    return {"review_summary": review_summary(user, now)}


def review_preferences_form(user) -> ReviewPreferencesForm:
    """The daily-limits form for the Settings page."""
    return ReviewPreferencesForm(instance=ReviewPreferences.for_user(user))


def settings_context(user) -> dict:
    """The Settings page's question-bank part: the daily review limits."""
    return {"review_preferences_form": review_preferences_form(user)}

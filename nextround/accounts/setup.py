"""Who may create an account, and when."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from nextround.accounts.demo import DEMO_EMAIL, DEMO_USERNAME


def demo_account_exists() -> bool:
    """Whether ``nextround demo`` has made its account here."""
    return get_user_model().objects.filter(username=DEMO_USERNAME, email=DEMO_EMAIL).exists()


def needs_first_account() -> bool:
    """True until the first real account exists.

    The demo account does not count: someone who tries the demo before
    anything else must still be able to create their own account.
    """
    return not get_user_model().objects.exclude(username=DEMO_USERNAME, email=DEMO_EMAIL).exists()


def signup_is_open() -> bool:
    """The first visitor may always sign up; after that only if the host allows it."""
    return settings.OPEN_SIGNUP or needs_first_account()

"""Who may create an account, and when."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model


def needs_first_account() -> bool:
    """True until the first account exists."""
    return not get_user_model().objects.exists()


def signup_is_open() -> bool:
    """The first visitor may always sign up; after that only if the host allows it."""
    return settings.OPEN_SIGNUP or needs_first_account()

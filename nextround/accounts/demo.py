"""The demo account: its name, its published password, and making it afresh."""

from __future__ import annotations

from django.contrib.auth import get_user_model

DEMO_USERNAME = "demo"
# Shown by the command and written in the README: the demo holds nothing private.
DEMO_PASSWORD = "next-round-demo"
DEMO_EMAIL = "demo@example.org"


class NotADemoAccount(Exception):
    """An account called ``demo`` exists that the demo did not make; it is left alone."""


def reset_demo_user():
    """Delete the demo account and everything it owns, then make it afresh."""
    User = get_user_model()
    existing = User.objects.filter(username=DEMO_USERNAME).first()
    if existing is not None:
        if existing.email != DEMO_EMAIL:
            raise NotADemoAccount(
                f"An account named {DEMO_USERNAME!r} exists and was not made by the demo."
            )
        existing.delete()
    user = User(username=DEMO_USERNAME, email=DEMO_EMAIL, signing_name="Sam Rivers")
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user

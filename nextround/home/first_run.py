"""Today for someone who has recorded nothing yet: ways in instead of empty sections."""

from __future__ import annotations

from nextround.accounts.demo import DEMO_PASSWORD, DEMO_USERNAME
from nextround.accounts.setup import demo_account_exists
from nextround.core.access import owned
from nextround.jobs.models import Application


def first_run_context(user) -> dict:
    """Whether the person is new here (no applications yet), and how the demo can be seen."""
    if owned(Application, user).exists():
        return {"first_run": False}
    is_demo = user.username == DEMO_USERNAME
    return {
        "first_run": True,
        "demo_exists": not is_demo and demo_account_exists(),
        "demo_username": DEMO_USERNAME,
        "demo_password": DEMO_PASSWORD,
    }

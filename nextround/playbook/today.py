"""What the Today page shows from the plan: today's steps, the calm panel, and the last move to undo."""

from __future__ import annotations

from nextround.playbook.agenda import today_agenda
from nextround.playbook.calm import calm_panel
from nextround.playbook.views import pop_undo

# Steps listed per group on Today: a few to start on, not the whole load at
# once (on a bad day especially); the plan page has every one.
TODAY_STEPS = 5


def today_context(request) -> dict:
    """Today's part of the plan.

    Takes the request rather than the user because the undo offer lives in
    the session and is shown once, on whichever page comes next.
    """
    return {
        "plan": today_agenda(request.user, shown=TODAY_STEPS),
        "calm": calm_panel(request.user),
        "playbook_undo": pop_undo(request),
    }

"""Engaging with the panel: once everyone on a panel has been reached, the step is done."""

from __future__ import annotations

from django.db.models import Prefetch

from nextround.core.access import owned
from nextround.jobs.models import Interview
from nextround.network.models import Contact
from nextround.playbook.actions import complete_actions
from nextround.playbook.models import ActionKind


def panel_reached(interview: Interview) -> bool:
    """True when every panel member has been followed, asked or connected on some network."""
    panel = list(interview.panel.all())
    return bool(panel) and all(member.has_reached_out for member in panel)


def complete_connect_panel(contact: Contact) -> int:
    """Finish ``connect_panel`` for each application where ``contact`` sat on a fully reached panel.

    Called whenever a connection state changes; returns how many steps were finished.
    """
    if not contact.has_reached_out:
        return 0
    interviews = (
        owned(Interview, contact.owner)
        .filter(panel=contact)
        .select_related("application")
        .prefetch_related(Prefetch("panel", queryset=Contact.objects.only("id", "connections")))
    )
    finished = 0
    for interview in interviews:
        if panel_reached(interview):
            finished += complete_actions(
                contact.owner, [ActionKind.CONNECT_PANEL], application=interview.application
            )
    return finished

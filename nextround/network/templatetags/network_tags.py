"""Contacts shown on other areas' pages."""

from django import template

from nextround.network.models import ConnectionState, Network
from nextround.network.panel import panel_members

register = template.Library()


@register.inclusion_tag("network/_connect_panel.html")
def connect_panel(action) -> dict:
    """A connect_panel step's panel: each member with links, connections and a drafted note.

    A tag rather than view context because the contacts area builds on the
    plan: the plan's step page cannot ask this area for anything.
    """
    return {
        "action": action,
        "panel": panel_members(action.application) if action.application else [],
        "networks": Network.choices,
        "connection_states": ConnectionState.choices,
        # The note forms keep the edits, then come back to this step.
        "request_path": action.get_absolute_url(),
    }

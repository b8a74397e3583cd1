"""What follows from saving a contact, wherever it was edited (web form, API, import)."""

from __future__ import annotations

from collections.abc import Iterable

from nextround.network.followups import schedule_from_interval
from nextround.network.models import Contact
from nextround.network.panel import complete_connect_panel


def contact_saved(contact: Contact, changed: Iterable[str]) -> None:
    """Reschedule the keep-in-touch follow-up and check the panels, as the change requires."""
    changed = set(changed)
    if "keep_in_touch_days" in changed:
        schedule_from_interval(contact)
    if "connections" in changed or any(name.startswith("connection_") for name in changed):
        complete_connect_panel(contact)

"""Connection states and connection notes, one per network, kept on the contact."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from nextround.network.drafts import NOTE_NETWORK
from nextround.network.models import (
    CONNECTION_NOTE_LIMIT,
    ConnectionState,
    Contact,
    Network,
)
from nextround.network.panel import complete_connect_panel


def set_connection(contact: Contact, network: str, state: str) -> Contact:
    """Record where the user stands with ``contact`` on ``network``, and save.

    ``none`` removes the network from the mapping, so the stored JSON only
    holds what the user has done. Reaching the last of a panel finishes
    the application's ``connect_panel`` step.
    """
    if network not in Network.values:
        raise ValidationError({"network": f"Unknown network {network!r}."})
    if state not in ConnectionState.values:
        raise ValidationError({"state": f"Unknown connection state {state!r}."})
    connections = dict(contact.connections or {})
    if state == ConnectionState.NONE:
        connections.pop(network, None)
    else:
        connections[network] = state
    contact.connections = connections
    contact.save(update_fields=["connections", "updated_at"])
    complete_connect_panel(contact)
    return contact


def set_connection_note(contact: Contact, note: str) -> Contact:
    """Keep the user's own wording of the contact's one note; blank goes back to the draft."""
    note = note.strip()
    if len(note) > CONNECTION_NOTE_LIMIT:
        raise ValidationError(
            {"note": f"Keep the note to {CONNECTION_NOTE_LIMIT} characters (it has {len(note)})."}
        )
    # The page shows one note, so what it saves is the whole of it.
    contact.connection_notes = {NOTE_NETWORK: note} if note else {}
    contact.save(update_fields=["connection_notes", "updated_at"])
    return contact

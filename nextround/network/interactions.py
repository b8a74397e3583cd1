"""The interactions log: each time the user and a contact were in touch."""

from __future__ import annotations

import datetime

from django.db import transaction

from nextround.network.models import Channel, Contact, Interaction


@transaction.atomic
def log_interaction(
    contact: Contact, *, happened_on: datetime.date, channel: str = Channel.EMAIL, note: str = ""
) -> Interaction:
    """Add one interaction to the contact's log."""
    interaction = Interaction(
        owner=contact.owner, contact=contact, happened_on=happened_on, channel=channel, note=note
    )
    interaction.full_clean()
    interaction.save()
    return interaction


@transaction.atomic
def delete_interaction(interaction: Interaction) -> None:
    """Take one interaction out of the log."""
    interaction.delete()

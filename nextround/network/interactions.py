"""The interactions log: each time the user and a contact were in touch."""

from __future__ import annotations

import datetime

from django.db import transaction

from nextround.network.followups import after_interaction, schedule_from_interval
from nextround.network.models import Channel, Contact, Interaction


@transaction.atomic
def log_interaction(
    contact: Contact, *, happened_on: datetime.date, channel: str = Channel.EMAIL, note: str = ""
) -> Interaction:
    """Add one interaction to the contact's log; the follow-up it answers is done."""
    interaction = Interaction(
        owner=contact.owner, contact=contact, happened_on=happened_on, channel=channel, note=note
    )
    interaction.full_clean()
    interaction.save()
    after_interaction(contact, happened_on)
    return interaction


@transaction.atomic
def delete_interaction(interaction: Interaction) -> None:
    """Take one interaction out of the log; the interval counts from the one before."""
    contact = interaction.contact
    interaction.delete()
    if contact.keep_in_touch_days:
        schedule_from_interval(contact)


@transaction.atomic
def interaction_edited(interaction: Interaction) -> None:
    """An interaction's date changed: the interval counts from the latest one again."""
    if interaction.contact.keep_in_touch_days:
        schedule_from_interval(interaction.contact)

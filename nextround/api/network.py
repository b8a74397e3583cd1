"""Contacts over JSON: panel members and anyone met along the way, with their
interactions log and next follow-up."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from ninja import Field, Query, Router, Schema, Status

from nextround.api.errors import owned_or_invalid, validate_and_save
from nextround.api.fields import Date, Payload, RecordId, apply_changes
from nextround.api.lists import bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.jobs.models import Interview, Organisation
from nextround.network.contacts import contact_saved
from nextround.network.followups import set_follow_up, with_next_follow_up
from nextround.network.interactions import (
    delete_interaction,
    interaction_edited,
    log_interaction,
)
from nextround.network.models import Channel, Contact, Interaction

router = Router(tags=["contacts"])

PAYLOAD_NAMES = {"organisation": "organisation_id"}


class ContactIn(Payload):
    name: str = Field(..., min_length=1, max_length=200)
    role: str = Field("", max_length=200)
    organisation_id: RecordId | None = None
    email: str = Field("", max_length=254)
    links: dict[str, str] = Field(default_factory=dict, description='{"linkedin": url, …}')
    connections: dict[str, str] = Field(
        default_factory=dict, description='{"linkedin": "requested", …}'
    )
    connection_notes: dict[str, str] = Field(
        default_factory=dict,
        description="The note to send with a request, per network, at most 300 characters: "
        '{"linkedin": "Thank you for…"}',
    )
    notes: str = Field("", max_length=20000)
    keep_in_touch_days: int | None = Field(
        None, ge=1, le=3650, description="Each interaction sets the next follow-up this far on."
    )
    next_follow_up_on: Date | None = Field(
        None, description="Put a follow-up on the agenda for this day."
    )


class ContactPatch(Payload):
    name: str | None = Field(None, min_length=1, max_length=200)
    role: str | None = Field(None, max_length=200)
    organisation_id: RecordId | None = None
    email: str | None = Field(None, max_length=254)
    links: dict[str, str] | None = None
    connections: dict[str, str] | None = None
    connection_notes: dict[str, str] | None = None
    notes: str | None = Field(None, max_length=20000)
    keep_in_touch_days: int | None = Field(None, ge=1, le=3650)
    next_follow_up_on: Date | None = Field(None, description="null takes the follow-up off.")


class ContactOut(Schema):
    id: int
    name: str
    role: str
    organisation_id: RecordId | None
    email: str
    links: dict[str, str]
    connections: dict[str, str]
    connection_notes: dict[str, str]
    notes: str
    keep_in_touch_days: int | None
    last_contact_on: datetime.date | None = Field(
        None, description="The latest interaction logged."
    )
    next_follow_up_on: datetime.date | None = Field(
        None, description="The follow-up still to do, if any."
    )
    interview_ids: list[RecordId] = Field(description="Where you met: the interviews they sat on.")
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_interview_ids(contact: Contact) -> list[int]:
        return [interview.pk for interview in contact.interviews.all()]


class InteractionIn(Payload):
    happened_on: Date
    channel: Channel = Channel.EMAIL
    note: str = Field("", max_length=2000)


class InteractionPatch(Payload):
    happened_on: Date | None = None
    channel: Channel | None = None
    note: str | None = Field(None, max_length=2000)


class InteractionOut(Schema):
    id: int
    contact_id: RecordId
    happened_on: datetime.date
    channel: str
    note: str
    created_at: datetime.datetime


def _contacts(user):
    """The user's contacts with everything ContactOut derives, in a fixed number of queries."""
    return with_next_follow_up(owned(Contact, user).with_last_contact()).prefetch_related(
        Prefetch("interviews", queryset=Interview.objects.only("id").order_by("starts_at", "id"))
    )


def _read(user, contact_id: int) -> Contact:
    return get_owned_or_404(_contacts(user), user, pk=contact_id)


@router.get("/contacts", response=list[ContactOut])
@bounded_list
def list_contacts(
    request,
    organisation_id: RecordId | None = None,
    interview_id: RecordId | None = None,
    q: str | None = Query(None, max_length=200),
):
    contacts = _contacts(request.auth)
    if organisation_id is not None:
        contacts = contacts.filter(organisation_id=organisation_id)
    if interview_id is not None:
        contacts = contacts.filter(interviews=interview_id)
    if q:
        if "\x00" in q:
            raise ValidationError({"q": "Text cannot contain NUL characters."})
        contacts = contacts.filter(Q(name__icontains=q) | Q(role__icontains=q))
    return contacts


@router.post("/contacts", response={201: ContactOut})
def create_contact(request, payload: ContactIn):
    user = request.auth
    data = payload.dict()
    organisation = owned_or_invalid(
        Organisation, user, data.pop("organisation_id"), "organisation_id"
    )
    follow_up_on = data.pop("next_follow_up_on")
    contact = Contact(owner=user, organisation=organisation, **data)
    validate_and_save(contact, names=PAYLOAD_NAMES)
    contact_saved(contact, [name for name, value in data.items() if value])
    if follow_up_on:
        set_follow_up(contact, follow_up_on)
    return Status(201, _read(user, contact.pk))


@router.get("/contacts/{contact_id}", response=ContactOut)
def get_contact(request, contact_id: int):
    return _read(request.auth, contact_id)


@router.patch("/contacts/{contact_id}", response=ContactOut)
def update_contact(request, contact_id: int, payload: ContactPatch):
    user = request.auth
    contact = get_owned_or_404(Contact, user, pk=contact_id)
    changes = payload.dict(exclude_unset=True)
    if "organisation_id" in changes:
        contact.organisation = owned_or_invalid(
            Organisation, user, changes.pop("organisation_id"), "organisation_id"
        )
    follow_up = changes.pop("next_follow_up_on", ...)
    apply_changes(contact, changes, required=("name",))
    validate_and_save(contact, names=PAYLOAD_NAMES)
    contact_saved(contact, changes)
    if follow_up is not ...:
        set_follow_up(contact, follow_up)
    return _read(user, contact.pk)


@router.delete("/contacts/{contact_id}", response={204: None})
def delete_contact(request, contact_id: int):
    get_owned_or_404(Contact, request.auth, pk=contact_id).delete()
    return Status(204, None)


@router.get("/contacts/{contact_id}/interactions", response=list[InteractionOut])
@bounded_list
def list_interactions(request, contact_id: int):
    """The contact's interactions log, newest first."""
    return get_owned_or_404(Contact, request.auth, pk=contact_id).interactions.all()


@router.post("/contacts/{contact_id}/interactions", response={201: InteractionOut})
def create_interaction(request, contact_id: int, payload: InteractionIn):
    """Log an interaction; the follow-up it answers is done and the interval sets the next."""
    contact = get_owned_or_404(Contact, request.auth, pk=contact_id)
    return Status(201, log_interaction(contact, **payload.dict()))


def _interaction(request, contact_id: int, interaction_id: int) -> Interaction:
    contact = get_owned_or_404(Contact, request.auth, pk=contact_id)
    return get_owned_or_404(
        Interaction.objects.filter(contact=contact), request.auth, pk=interaction_id
    )


@router.get("/contacts/{contact_id}/interactions/{interaction_id}", response=InteractionOut)
def get_interaction(request, contact_id: int, interaction_id: int):
    return _interaction(request, contact_id, interaction_id)


@router.patch("/contacts/{contact_id}/interactions/{interaction_id}", response=InteractionOut)
def update_interaction(request, contact_id: int, interaction_id: int, payload: InteractionPatch):
    interaction = _interaction(request, contact_id, interaction_id)
    apply_changes(
        interaction, payload.dict(exclude_unset=True), required=("happened_on", "channel")
    )
    validate_and_save(interaction)
    interaction_edited(interaction)
    return interaction


@router.delete("/contacts/{contact_id}/interactions/{interaction_id}", response={204: None})
def delete_interaction_endpoint(request, contact_id: int, interaction_id: int):
    delete_interaction(_interaction(request, contact_id, interaction_id))
    return Status(204, None)

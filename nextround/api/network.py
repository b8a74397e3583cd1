"""Contacts over JSON: panel members and anyone met along the way."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from ninja import Field, Query, Router, Schema, Status

from nextround.api.errors import owned_or_invalid, validate_and_save
from nextround.api.fields import Payload, apply_changes
from nextround.core.access import get_owned_or_404, owned
from nextround.jobs.models import Organisation
from nextround.network.models import Contact

router = Router(tags=["contacts"])

PAYLOAD_NAMES = {"organisation": "organisation_id"}


class ContactIn(Payload):
    name: str = Field(..., min_length=1, max_length=200)
    role: str = Field("", max_length=200)
    organisation_id: int | None = None
    email: str = Field("", max_length=254)
    links: dict[str, str] = Field(default_factory=dict, description='{"linkedin": url, …}')
    connections: dict[str, str] = Field(
        default_factory=dict, description='{"linkedin": "requested", …}'
    )
    notes: str = Field("", max_length=20000)


class ContactPatch(Payload):
    name: str | None = Field(None, min_length=1, max_length=200)
    role: str | None = Field(None, max_length=200)
    organisation_id: int | None = None
    email: str | None = Field(None, max_length=254)
    links: dict[str, str] | None = None
    connections: dict[str, str] | None = None
    notes: str | None = Field(None, max_length=20000)


class ContactOut(Schema):
    id: int
    name: str
    role: str
    organisation_id: int | None
    email: str
    links: dict[str, str]
    connections: dict[str, str]
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


@router.get("/contacts", response=list[ContactOut])
def list_contacts(
    request,
    organisation_id: int | None = None,
    interview_id: int | None = None,
    q: str | None = Query(None, max_length=200),
):
    contacts = owned(Contact, request.auth)
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
    contact = Contact(owner=user, organisation=organisation, **data)
    return Status(201, validate_and_save(contact, names=PAYLOAD_NAMES))


@router.get("/contacts/{contact_id}", response=ContactOut)
def get_contact(request, contact_id: int):
    return get_owned_or_404(Contact, request.auth, pk=contact_id)


@router.patch("/contacts/{contact_id}", response=ContactOut)
def update_contact(request, contact_id: int, payload: ContactPatch):
    user = request.auth
    contact = get_owned_or_404(Contact, user, pk=contact_id)
    changes = payload.dict(exclude_unset=True)
    if "organisation_id" in changes:
        contact.organisation = owned_or_invalid(
            Organisation, user, changes.pop("organisation_id"), "organisation_id"
        )
    apply_changes(contact, changes, required=("name",))
    return validate_and_save(contact, names=PAYLOAD_NAMES)


@router.delete("/contacts/{contact_id}", response={204: None})
def delete_contact(request, contact_id: int):
    get_owned_or_404(Contact, request.auth, pk=contact_id).delete()
    return Status(204, None)

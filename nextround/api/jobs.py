"""Organisations, applications, interviews and outcomes over JSON."""

from __future__ import annotations

import datetime

from ninja import Field, Router, Schema, Status

from nextround.api.errors import validate_and_save
from nextround.core.access import get_owned_or_404, owned
from nextround.jobs.models import Organisation, OrganisationKind

router = Router(tags=["jobs"])


class OrganisationIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: OrganisationKind = OrganisationKind.OTHER
    website: str = Field("", max_length=500)
    notes: str = Field("", max_length=20000)


class OrganisationPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: OrganisationKind | None = None
    website: str | None = Field(None, max_length=500)
    notes: str | None = Field(None, max_length=20000)


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    website: str
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


@router.get("/organisations", response=list[OrganisationOut])
def list_organisations(request):
    return owned(Organisation, request.auth)


@router.post("/organisations", response={201: OrganisationOut})
def create_organisation(request, payload: OrganisationIn):
    organisation = Organisation(owner=request.auth, **payload.dict())
    return Status(201, validate_and_save(organisation))


@router.get("/organisations/{organisation_id}", response=OrganisationOut)
def get_organisation(request, organisation_id: int):
    return get_owned_or_404(Organisation, request.auth, pk=organisation_id)


@router.patch("/organisations/{organisation_id}", response=OrganisationOut)
def update_organisation(request, organisation_id: int, payload: OrganisationPatch):
    organisation = get_owned_or_404(Organisation, request.auth, pk=organisation_id)
    for field, value in payload.dict(exclude_unset=True).items():
        if value is not None:
            setattr(organisation, field, value)
    return validate_and_save(organisation)


@router.delete("/organisations/{organisation_id}", response={204: None})
def delete_organisation(request, organisation_id: int):
    get_owned_or_404(Organisation, request.auth, pk=organisation_id).delete()
    return Status(204, None)

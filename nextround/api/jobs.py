"""Organisations, applications, interviews and outcomes over JSON."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.schema import DjangoGetter
from pydantic import model_validator

from nextround.api.errors import named_as_sent, owned_or_invalid, validate_and_save
from nextround.api.fields import Date, DateTime, Payload, RecordId, apply_changes
from nextround.api.lists import bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.jobs.models import (
    Application,
    Contract,
    Interview,
    InterviewFormat,
    Organisation,
    OrganisationKind,
    Outcome,
)
from nextround.jobs.models import Status as ApplicationStatus
from nextround.network.interviews import save_interview
from nextround.playbook.outcomes import record_outcome, set_status

router = Router(tags=["jobs"])

# The model's names for foreign keys, and the names a client sends.
PAYLOAD_NAMES = {
    "organisation": "organisation_id",
    "reapplies_to": "reapplies_to_id",
    "application": "application_id",
    "panel": "panel_ids",
}


class Body(Payload):
    """A request body of this router: a JSON object, or a 422 naming the body.

    Without this, a list or a number sent as a PATCH body was read as an
    object with no fields, and answered 200.
    """

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, value):
        # ninja hands the parsed JSON over wrapped in its attribute getter.
        raw = value._obj if isinstance(value, DjangoGetter) else value
        if not isinstance(raw, dict):
            raise ValueError("The body must be a JSON object.")
        return value


# --- organisations --------------------------------------------------------


class OrganisationIn(Body):
    name: str = Field(..., min_length=1, max_length=200)
    kind: OrganisationKind = OrganisationKind.OTHER
    website: str = Field("", max_length=500)
    vacancies_url: str = Field("", max_length=500)
    notes: str = Field("", max_length=20000)


class OrganisationPatch(Body):
    name: str | None = Field(None, min_length=1, max_length=200)
    kind: OrganisationKind | None = None
    website: str | None = Field(None, max_length=500)
    vacancies_url: str | None = Field(None, max_length=500)
    notes: str | None = Field(None, max_length=20000)


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    website: str
    vacancies_url: str
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


@router.get("/organisations", response=list[OrganisationOut])
@bounded_list
def list_organisations(request, kind: OrganisationKind | None = None):
    organisations = owned(Organisation, request.auth)
    if kind:
        organisations = organisations.filter(kind=kind)
    return organisations


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
    apply_changes(organisation, payload.dict(exclude_unset=True), required=("name",))
    return validate_and_save(organisation)


@router.delete("/organisations/{organisation_id}", response={204: None})
def delete_organisation(request, organisation_id: int):
    get_owned_or_404(Organisation, request.auth, pk=organisation_id).delete()
    return Status(204, None)


# --- applications ---------------------------------------------------------


class ApplicationIn(Body):
    organisation_id: RecordId
    role: str = Field(..., min_length=1, max_length=200)
    contract: Contract = Contract.PAID
    link: str = Field("", max_length=500)
    closing_on: Date | None = None
    applied_on: Date | None = None
    applicants: int | None = Field(None, ge=1, le=1_000_000)
    status: ApplicationStatus = ApplicationStatus.APPLIED
    outcome: Outcome | None = None
    decided_on: Date | None = None
    reapplies_to_id: RecordId | None = None
    notes: str = Field("", max_length=20000)


class ApplicationPatch(Body):
    organisation_id: RecordId | None = None
    role: str | None = Field(None, min_length=1, max_length=200)
    contract: Contract | None = None
    link: str | None = Field(None, max_length=500)
    closing_on: Date | None = None
    applied_on: Date | None = None
    applicants: int | None = Field(None, ge=1, le=1_000_000)
    status: ApplicationStatus | None = None
    outcome: Outcome | None = None
    decided_on: Date | None = None
    reapplies_to_id: RecordId | None = None
    notes: str | None = Field(None, max_length=20000)


class ApplicationOut(Schema):
    id: int
    organisation_id: RecordId
    role: str
    contract: str
    link: str
    closing_on: datetime.date | None
    applied_on: datetime.date | None
    applicants: int | None
    status: str
    outcome: str
    decided_on: datetime.date | None
    reapplies_to_id: RecordId | None
    notes: str
    created_at: datetime.datetime
    updated_at: datetime.datetime


class OutcomeIn(Body):
    outcome: Outcome
    decided_on: Date = Field(default_factory=timezone.localdate)


def _settle(application: Application, changes: dict) -> None:
    """Apply ``status``, ``outcome`` and ``decided_on`` from a payload.

    They go through the outcome workflows the web uses too: an outcome
    (sent as ``outcome``, or as a ``status`` that is one) is recorded with
    its plan; an open status on an application with an outcome reopens
    it and retires the outcome's plan; a new ``decided_on`` alone moves
    the day of the outcome already recorded.
    """
    status = changes.get("status")
    outcome = changes.get("outcome")
    decided_on = changes.get("decided_on")
    with named_as_sent(PAYLOAD_NAMES):
        if outcome:
            when = decided_on or application.decided_on or timezone.localdate()
            record_outcome(application, outcome, when)
        elif status:
            set_status(application, status, decided_on)
        elif decided_on and application.outcome:
            record_outcome(application, application.outcome, decided_on)


def _applications(user):
    return owned(Application, user)


@router.get("/applications", response=list[ApplicationOut])
@bounded_list
def list_applications(
    request,
    status: ApplicationStatus | None = None,
    organisation_id: RecordId | None = None,
    contract: Contract | None = None,
    reapplies_to_id: RecordId | None = None,
):
    applications = _applications(request.auth)
    if status:
        applications = applications.filter(status=status)
    if organisation_id is not None:
        applications = applications.filter(organisation_id=organisation_id)
    if contract:
        applications = applications.filter(contract=contract)
    if reapplies_to_id is not None:
        applications = applications.filter(reapplies_to_id=reapplies_to_id)
    return applications


@router.post("/applications", response={201: ApplicationOut})
def create_application(request, payload: ApplicationIn):
    user = request.auth
    data = payload.dict()
    settling = {key: data.pop(key) for key in ("status", "outcome", "decided_on")}
    organisation = owned_or_invalid(
        Organisation, user, data.pop("organisation_id"), "organisation_id"
    )
    earlier = owned_or_invalid(Application, user, data.pop("reapplies_to_id"), "reapplies_to_id")
    application = Application(owner=user, organisation=organisation, reapplies_to=earlier, **data)
    with transaction.atomic():
        validate_and_save(application, names=PAYLOAD_NAMES)
        _settle(application, settling)
    return Status(201, application)


@router.get("/applications/{application_id}", response=ApplicationOut)
def get_application(request, application_id: int):
    return get_owned_or_404(Application, request.auth, pk=application_id)


@router.patch("/applications/{application_id}", response=ApplicationOut)
def update_application(request, application_id: int, payload: ApplicationPatch):
    user = request.auth
    application = get_owned_or_404(Application, user, pk=application_id)
    changes = payload.dict(exclude_unset=True)
    settling = {
        key: changes.pop(key) for key in ("status", "outcome", "decided_on") if key in changes
    }
    if "status" in settling and settling["status"] is None:
        settling.pop("status")
    if "organisation_id" in changes:
        organisation_id = changes.pop("organisation_id")
        if organisation_id is None:
            raise _cannot_be_empty("organisation_id")
        application.organisation = owned_or_invalid(
            Organisation, user, organisation_id, "organisation_id"
        )
    if "reapplies_to_id" in changes:
        application.reapplies_to = owned_or_invalid(
            Application, user, changes.pop("reapplies_to_id"), "reapplies_to_id"
        )
    apply_changes(application, changes, required=("role",))
    with transaction.atomic():
        validate_and_save(application, names=PAYLOAD_NAMES)
        _settle(application, settling)
    return application


@router.delete("/applications/{application_id}", response={204: None})
def delete_application(request, application_id: int):
    get_owned_or_404(Application, request.auth, pk=application_id).delete()
    return Status(204, None)


@router.post("/applications/{application_id}/outcome", response=ApplicationOut)
def set_outcome(request, application_id: int, payload: OutcomeIn):
    """Record how the application ended and make the plan that follows.

    Sending the same outcome again changes nothing.
    """
    application = get_owned_or_404(Application, request.auth, pk=application_id)
    record_outcome(application, payload.outcome, payload.decided_on)
    return application


# --- interviews -----------------------------------------------------------


class InterviewIn(Body):
    application_id: RecordId
    stage: str = Field("", max_length=100)
    starts_at: DateTime
    format: InterviewFormat = InterviewFormat.IN_PERSON
    location: str = Field("", max_length=300)
    panel_ids: list[RecordId] = Field(default_factory=list, max_length=100)
    decision_promised_by: Date | None = None
    notes: str = Field("", max_length=50000)
    self_assessment: str = Field("", max_length=20000)
    feeling: int | None = Field(None, ge=1, le=5)


class InterviewPatch(Body):
    application_id: RecordId | None = None
    stage: str | None = Field(None, max_length=100)
    starts_at: DateTime | None = None
    format: InterviewFormat | None = None
    location: str | None = Field(None, max_length=300)
    panel_ids: list[RecordId] | None = Field(None, max_length=100)
    decision_promised_by: Date | None = None
    notes: str | None = Field(None, max_length=50000)
    self_assessment: str | None = Field(None, max_length=20000)
    # How it felt, 1 (hard going) to 5 (very well); null clears it.
    feeling: int | None = Field(None, ge=1, le=5)


class InterviewOut(Schema):
    id: int
    application_id: RecordId
    stage: str
    starts_at: datetime.datetime
    format: str
    location: str
    panel_ids: list[RecordId]
    decision_promised_by: datetime.date | None
    notes: str
    self_assessment: str
    feeling: int | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_panel_ids(interview: Interview) -> list[int]:
        # Reads the prefetched panel, so a list costs one query for all panels.
        return [person.pk for person in interview.panel.all()]


def _interviews(user):
    return owned(Interview, user).prefetch_related("panel")


@router.get("/interviews", response=list[InterviewOut])
@bounded_list
def list_interviews(
    request,
    application_id: RecordId | None = None,
    upcoming: bool | None = None,
    awaiting_decision: bool | None = None,
):
    interviews = _interviews(request.auth)
    if application_id is not None:
        interviews = interviews.filter(application_id=application_id)
    if upcoming is not None:
        now = timezone.now()
        interviews = (
            interviews.filter(starts_at__gte=now)
            if upcoming
            else interviews.filter(starts_at__lt=now)
        )
    if awaiting_decision:
        interviews = interviews.awaiting_decision()
    return interviews


@router.post("/interviews", response={201: InterviewOut})
def create_interview(request, payload: InterviewIn):
    user = request.auth
    values = payload.dict()
    values["application"] = owned_or_invalid(
        Application, user, values.pop("application_id"), "application_id"
    )
    values["panel"] = values.pop("panel_ids")
    with named_as_sent(PAYLOAD_NAMES):
        interview = save_interview(user, None, values)
    return Status(201, _interviews(user).get(pk=interview.pk))


@router.get("/interviews/{interview_id}", response=InterviewOut)
def get_interview(request, interview_id: int):
    return get_owned_or_404(_interviews(request.auth), request.auth, pk=interview_id)


@router.patch("/interviews/{interview_id}", response=InterviewOut)
def update_interview(request, interview_id: int, payload: InterviewPatch):
    user = request.auth
    interview = get_owned_or_404(Interview, user, pk=interview_id)
    changes = payload.dict(exclude_unset=True)
    if "application_id" in changes:
        application_id = changes.pop("application_id")
        if application_id is None:
            raise _cannot_be_empty("application_id")
        changes["application"] = owned_or_invalid(
            Application, user, application_id, "application_id"
        )
    # null for the panel empties it, as an empty list does.
    panel = (changes.pop("panel_ids") or []) if "panel_ids" in changes else None
    # null clears a field to its default; then the workflow checks and saves.
    apply_changes(interview, changes, required=("starts_at",))
    values = {name: getattr(interview, name) for name in changes}
    if panel is not None:
        values["panel"] = panel
    with named_as_sent(PAYLOAD_NAMES):
        save_interview(user, interview, values)
    return _interviews(user).get(pk=interview.pk)


@router.delete("/interviews/{interview_id}", response={204: None})
def delete_interview(request, interview_id: int):
    get_owned_or_404(Interview, request.auth, pk=interview_id).delete()
    return Status(204, None)


def _invalid(field: str, message: str) -> ValidationError:
    return ValidationError({field: message})


def _cannot_be_empty(field: str) -> ValidationError:
    return _invalid(field, "This field cannot be empty.")

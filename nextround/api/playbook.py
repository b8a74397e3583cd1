"""The plan over JSON: the agenda, and moving a step along."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from nextround.api.fields import Date, Payload, RecordId
from nextround.api.lists import bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.jobs.models import Outcome
from nextround.playbook import plan
from nextround.playbook.drafts import draft_for
from nextround.playbook.heard_back import heard_back
from nextround.playbook.models import LIVE_STATUSES, Action, ActionKind, ActionStatus

router = Router(tags=["plan"])


class ActionOut(Schema):
    id: int
    kind: ActionKind
    status: ActionStatus
    due_on: datetime.date
    application_id: RecordId | None
    organisation_id: RecordId | None
    contact_id: RecordId | None
    interview_id: RecordId | None
    note: str
    result: str
    done_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime


class DraftOut(Schema):
    to: list[str]
    subject: str
    body: str
    mailto: str


class ActionPatch(Payload):
    status: ActionStatus | None = None
    due_on: Date | None = None
    result: str | None = Field(None, max_length=5000)


@router.get("/actions", response=list[ActionOut])
@bounded_list
def list_actions(
    request,
    status: ActionStatus | None = None,
    kind: ActionKind | None = None,
    application_id: RecordId | None = None,
):
    """The agenda, soonest first; ``?status=open`` for what is still to do."""
    actions = owned(Action, request.auth).order_by("due_on", "id")
    if status is not None:
        actions = actions.filter(status=status)
    if kind is not None:
        actions = actions.filter(kind=kind)
    if application_id is not None:
        actions = actions.filter(application_id=application_id)
    return actions


@router.get("/actions/{action_id}", response=ActionOut)
def get_action(request, action_id: int):
    return get_owned_or_404(Action, request.auth, pk=action_id)


@router.get("/actions/{action_id}/draft", response=DraftOut)
def get_action_draft(request, action_id: int):
    """The drafted message of a step that is one (a feedback request, a chase, a follow-up).

    With the person's saved edits, signed with their real name; 404 for a
    step that is not a message.
    """
    action = get_owned_or_404(
        Action.objects.select_related("application__organisation"), request.auth, pk=action_id
    )
    draft = draft_for(action)
    if draft is None:
        raise Http404("This step is not a message.")
    return {
        "to": list(draft.to),
        "subject": draft.subject,
        "body": draft.body,
        "mailto": draft.mailto,
    }


@router.patch("/actions/{action_id}", response=ActionOut)
def update_action(request, action_id: int, payload: ActionPatch):
    """Mark a step done or skipped, snooze it (status and due_on), reopen or move it."""
    action = get_owned_or_404(Action, request.auth, pk=action_id)
    changes = payload.dict(exclude_unset=True)
    status = changes.get("status")
    due_on = changes.get("due_on")
    if "status" in changes and status is None:
        raise ValidationError({"status": "Give a status."})
    if "due_on" in changes and due_on is None:
        raise ValidationError({"due_on": "Give a date."})
    if changes.get("result") is not None:
        action.result = changes["result"]
        action.save(update_fields=["result", "updated_at"])
    if status == ActionStatus.DONE:
        plan.mark_done(action)
    elif status == ActionStatus.SKIPPED:
        plan.skip(action)
    elif status == ActionStatus.SNOOZED:
        if due_on is None or due_on <= timezone.localdate():
            raise ValidationError({"due_on": "Snooze it to a day after today."})
        plan.snooze(action, due_on)
        due_on = None
    elif status == ActionStatus.OPEN and action.status != ActionStatus.OPEN:
        plan.reopen(action)
    if due_on is not None and due_on != action.due_on:
        plan.move(action, due_on)
    return action


# --- "I've heard back" -------------------------------------------------------


class HeardBackIn(Payload):
    """The news about an application: by ``application_id``, or by ``organisation`` and ``role``."""

    application_id: RecordId | None = None
    organisation: str = Field("", max_length=200)
    role: str = Field("", max_length=200)
    outcome: Outcome
    decided_on: Date = Field(default_factory=timezone.localdate)


class HeardBackOut(Schema):
    # The application the news is about: its id, as ``application_id``.
    id: RecordId
    application_id: RecordId
    organisation_id: RecordId
    role: str
    outcome: str
    decided_on: datetime.date
    # The step with the drafted feedback request, after a no.
    feedback_request_id: RecordId | None
    plan: list[ActionOut]


HEARD_BACK_NAMES = {"application": "application_id"}


@router.post("/outcomes", response={200: HeardBackOut, 201: HeardBackOut})
def tell_outcome(request, payload: HeardBackIn):
    """Record the news about an application, made from ``organisation`` and ``role`` if new.

    201 when something was recorded; 200 with the same answer when the same
    news was told before.
    """
    try:
        news = heard_back(
            request.auth,
            application_id=payload.application_id,
            organisation_name=payload.organisation,
            role=payload.role,
            outcome=payload.outcome,
            decided_on=payload.decided_on,
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {
                HEARD_BACK_NAMES.get(field, field): problems
                for field, problems in error.message_dict.items()
            }
        ) from error
    application = news.application
    step = news.feedback_request
    answer = {
        "id": application.pk,
        "application_id": application.pk,
        "organisation_id": application.organisation_id,
        "role": application.role,
        "outcome": application.outcome,
        "decided_on": application.decided_on,
        "feedback_request_id": step.pk if step else None,
        "plan": list(
            owned(Action, request.auth)
            .filter(application=application, status__in=LIVE_STATUSES)
            .order_by("due_on", "pk")
        ),
    }
    return Status(201 if news.changed or news.created else 200, answer)

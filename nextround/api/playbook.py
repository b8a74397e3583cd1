"""The plan over JSON: the agenda, and moving a step along."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Field, Router, Schema

from nextround.api.fields import Date, Payload, RecordId
from nextround.api.lists import bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.playbook import plan
from nextround.playbook.models import Action, ActionKind, ActionStatus

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

"""Making, finishing and moving actions: the calls every area uses.

Other areas schedule and finish steps with one line each::

    ensure_action(user, ActionKind.FOLLOW_UP, due, contact=contact, note="Keep in touch")
    complete_actions(user, [ActionKind.ASK_FEEDBACK, ActionKind.CHASE_FEEDBACK], application=app)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from nextround.playbook.models import LIVE_STATUSES, Action, ActionKind, ActionStatus

SUBJECT_FIELDS = ("application", "contact", "organisation", "interview")


def subject_lookup(**subject) -> dict:
    """Exact match on every subject field: a missing one must be empty, not "any"."""
    return {
        f"{name}__isnull" if value is None else name: True if value is None else value
        for name, value in subject.items()
    }


@transaction.atomic
def ensure_action(
    user,
    kind: str,
    due_on: datetime.date,
    *,
    application=None,
    contact=None,
    organisation=None,
    interview=None,
    note: str = "",
    rule: str = "",
) -> Action:
    """The one open (or snoozed) action of ``kind`` about this subject, made if missing.

    Calling it again never adds a second: an open one is moved to
    ``due_on`` (and given ``note`` if one is passed); a snoozed one keeps
    the day the person chose.
    """
    if kind not in ActionKind.values:
        raise ValidationError({"kind": f"Unknown action kind {kind!r}."})
    subject = {
        "application": application,
        "contact": contact,
        "organisation": organisation,
        "interview": interview,
    }
    existing = (
        Action.objects.select_for_update()
        .filter(owner=user, kind=kind, status__in=LIVE_STATUSES, **subject_lookup(**subject))
        .order_by("id")
        .first()
    )
    if existing is None:
        return Action.objects.create(
            owner=user, kind=kind, due_on=due_on, note=note, rule=rule, **subject
        )
    changed = []
    if existing.status == ActionStatus.OPEN and existing.due_on != due_on:
        existing.due_on = due_on
        changed.append("due_on")
    if note and existing.note != note:
        existing.note = note
        changed.append("note")
    if rule and existing.rule != rule:
        existing.rule = rule
        changed.append("rule")
    if changed:
        existing.save(update_fields=[*changed, "updated_at"])
    return existing


def complete_actions(
    user,
    kinds: Iterable[str],
    *,
    application=None,
    contact=None,
    interview=None,
) -> int:
    """Mark the matching open and snoozed actions done; return how many.

    Only the subjects passed narrow the match. ``contact`` also matches
    ``connect_panel`` steps of applications where that person sat on the
    panel, so the contacts area can finish them from a person's page.
    """
    actions = Action.objects.filter(owner=user, kind__in=list(kinds), status__in=LIVE_STATUSES)
    if application is not None:
        actions = actions.filter(application=application)
    if interview is not None:
        actions = actions.filter(interview=interview)
    if contact is not None:
        actions = actions.filter(
            Q(contact=contact)
            | Q(kind=ActionKind.CONNECT_PANEL, application__interviews__panel=contact)
        )
    ids = list(actions.values_list("id", flat=True).distinct())
    return Action.objects.filter(id__in=ids).update(
        status=ActionStatus.DONE, done_at=timezone.now(), updated_at=timezone.now()
    )


def retire(action: Action, reason: str) -> None:
    """The plan itself skips a step whose reason went away, saying why."""
    action.status = ActionStatus.SKIPPED
    action.retired = True
    action.note = reason
    action.save(update_fields=["status", "retired", "note", "updated_at"])

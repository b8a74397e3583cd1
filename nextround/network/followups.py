"""Next follow-ups with a contact: a ``follow_up`` action on the agenda.

The keep-in-touch interval, when set, moves the next follow-up on after
every interaction: it falls that many days after the latest one logged.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from nextround.network.models import Contact
from nextround.playbook.actions import complete_actions, ensure_action
from nextround.playbook.models import LIVE_STATUSES, Action, ActionKind, ActionStatus

# Follow-ups the interval made carry this rule name, so clearing the interval
# can take back only what it scheduled.
KEEP_IN_TOUCH_RULE = "network.keep_in_touch"


def next_follow_up(contact: Contact) -> Action | None:
    """The contact's follow-up still to do (open or snoozed), if any."""
    return (
        Action.objects.filter(
            owner=contact.owner_id,
            contact=contact,
            kind=ActionKind.FOLLOW_UP,
            status__in=LIVE_STATUSES,
        )
        .order_by("due_on", "id")
        .first()
    )


def with_next_follow_up(contacts: QuerySet) -> QuerySet:
    """Annotate ``next_follow_up_on`` on each contact in one query."""
    due = (
        Action.objects.filter(
            contact=OuterRef("pk"), kind=ActionKind.FOLLOW_UP, status__in=LIVE_STATUSES
        )
        .order_by("due_on")
        .values("due_on")[:1]
    )
    return contacts.annotate(next_follow_up_on=Subquery(due))


def last_contact_on(contact: Contact) -> datetime.date | None:
    """The date of the latest logged interaction."""
    return (
        contact.interactions.order_by("-happened_on").values_list("happened_on", flat=True).first()
    )


def keep_in_touch_due(contact: Contact, today: datetime.date | None = None) -> datetime.date:
    """When the interval says to be in touch next: after the last contact, or from today."""
    start = last_contact_on(contact) or today or timezone.localdate()
    return start + datetime.timedelta(days=contact.keep_in_touch_days)


@transaction.atomic
def schedule_from_interval(contact: Contact) -> Action | None:
    """Put the interval's follow-up on the agenda, or take it back when there is no interval."""
    if contact.keep_in_touch_days:
        return ensure_action(
            contact.owner,
            ActionKind.FOLLOW_UP,
            keep_in_touch_due(contact),
            contact=contact,
            note=f"Keep in touch with {contact.name}.",
            rule=KEEP_IN_TOUCH_RULE,
        )
    Action.objects.filter(
        owner=contact.owner_id,
        contact=contact,
        kind=ActionKind.FOLLOW_UP,
        status__in=LIVE_STATUSES,
        rule=KEEP_IN_TOUCH_RULE,
    ).update(status=ActionStatus.SKIPPED, retired=True, updated_at=timezone.now())
    return None


@transaction.atomic
def after_interaction(contact: Contact, happened_on: datetime.date) -> Action | None:
    """An interaction was logged: the follow-up it answers is done, and the next one is set.

    Logging an older interaction after the fact finishes nothing: the
    follow-up waiting now is about the time since the latest one.
    """
    latest = last_contact_on(contact)
    if latest is None or happened_on >= latest:
        complete_actions(contact.owner, [ActionKind.FOLLOW_UP], contact=contact)
    if contact.keep_in_touch_days:
        return schedule_from_interval(contact)
    return next_follow_up(contact)


@transaction.atomic
def set_follow_up(contact: Contact, due_on: datetime.date | None) -> Action | None:
    """Set the next follow-up by hand; ``None`` takes it off the agenda."""
    if due_on is None:
        Action.objects.filter(
            owner=contact.owner_id,
            contact=contact,
            kind=ActionKind.FOLLOW_UP,
            status__in=LIVE_STATUSES,
        ).update(status=ActionStatus.SKIPPED, updated_at=timezone.now())
        return None
    action = ensure_action(
        contact.owner,
        ActionKind.FOLLOW_UP,
        due_on,
        contact=contact,
        note=f"Get back in touch with {contact.name}.",
    )
    if action.status == ActionStatus.SNOOZED or action.due_on != due_on:
        # A date chosen by hand wins over an earlier snooze.
        action.status, action.due_on = ActionStatus.OPEN, due_on
        action.save(update_fields=["status", "due_on", "updated_at"])
    return action

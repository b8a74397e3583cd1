""" "I've heard back": the news about an application, in one step, and the plan that follows.

The fast way in from Today, ``POST /api/v1/outcomes`` and ``nextround
heard-back`` all come here. The person names an application they have
recorded, or the organisation and role of one they have not (it is made
for them), says what they heard and when; the outcome is recorded by the
one outcome workflow, so the plan, with its drafted feedback request after
a no, is the same whichever door was used.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.core.access import owned
from nextround.jobs.applications import check_named_application, find_or_start_application
from nextround.jobs.models import Application
from nextround.jobs.outcomes import check_outcome
from nextround.playbook.models import LIVE_STATUSES, Action, ActionKind
from nextround.playbook.plan import record_outcome


@dataclass(frozen=True)
class HeardBack:
    """What telling the news did: the application, and whether anything changed."""

    application: Application
    changed: bool
    created: bool

    @property
    def feedback_request(self) -> Action | None:
        """The plan's step to ask for feedback, with its drafted message, if the news made one."""
        return (
            Action.objects.filter(
                application=self.application,
                kind=ActionKind.ASK_FEEDBACK,
                status__in=LIVE_STATUSES,
            )
            .order_by("due_on", "pk")
            .first()
        )


def _which_application(user, application_id, organisation_name: str, role: str):
    """The application named by id, or ``None`` when it is named by organisation and role."""
    named = bool((organisation_name or "").strip() or (role or "").strip())
    if application_id is None:
        # Nothing chosen: the organisation and role are asked for, by name.
        return None
    if named:
        raise ValidationError({"application": "Choose an application or name a new one, not both."})
    try:
        return owned(Application, user).get(pk=application_id)
    except (Application.DoesNotExist, ValueError, TypeError, OverflowError) as missing:
        raise ValidationError({"application": "No such application of yours."}) from missing


@transaction.atomic
def heard_back(
    user,
    *,
    outcome: str,
    decided_on: datetime.date | None = None,
    application_id: int | None = None,
    organisation_name: str = "",
    role: str = "",
) -> HeardBack:
    """Record the news about an application, naming it by id or by organisation and role.

    Everything is checked before anything is saved, so a refusal (naming
    ``application``, ``organisation``, ``role``, ``outcome`` or
    ``decided_on``) never leaves a half-made application behind. Telling the
    same news twice changes nothing.
    """
    decided_on = decided_on or timezone.localdate()
    if not outcome:
        raise ValidationError({"outcome": "Choose what you heard."})
    application = _which_application(user, application_id, organisation_name, role)
    if application is None:
        check_named_application(organisation_name, role)
        check_outcome(Application(), outcome, decided_on)
        application, created = find_or_start_application(user, organisation_name, role)
    else:
        created = False
    changed = record_outcome(application, outcome, decided_on)
    return HeardBack(application=application, changed=changed, created=created)

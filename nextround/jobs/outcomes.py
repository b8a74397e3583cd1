"""Recording how an application ended, and taking it back, on the application alone.

These change the application's own fields only. The plan that follows an
outcome is the playbook's business: the web, the API and the CLI call
``nextround.playbook.outcomes``, which calls these and then the plan.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from nextround.jobs.models import (
    OPEN_STATUSES,
    Application,
    Outcome,
    Status,
    decision_problem,
)


def check_outcome(application: Application, outcome: str, decided_on: datetime.date) -> None:
    """Refuse an unknown outcome or an impossible decision day, naming the field."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": f"Unknown outcome {outcome!r}."})
    problem = decision_problem(decided_on, application.applied_on)
    if problem:
        raise ValidationError({"decided_on": problem})


@transaction.atomic
def record_outcome(application: Application, outcome: str, decided_on: datetime.date) -> bool:
    """Set the outcome and its date; return False when nothing changed.

    Recording the same outcome twice is harmless: the second call changes
    nothing, so it can be retried safely from the web, the API or the CLI.
    """
    check_outcome(application, outcome, decided_on)
    if application.outcome == outcome and application.decided_on == decided_on:
        return False
    application.outcome = outcome
    application.decided_on = decided_on
    application.status = outcome
    application.save(update_fields=["outcome", "decided_on", "status", "updated_at"])
    return True


def reopen_status(application: Application) -> str:
    """The open status an application goes back to when its outcome is taken away."""
    if application.interviews.exists():
        return Status.INTERVIEWING
    return Status.APPLIED if application.applied_on else Status.PREPARING


@transaction.atomic
def clear_outcome(application: Application, status: str) -> bool:
    """Take the outcome away and set an open status; return False when nothing changed."""
    if status not in OPEN_STATUSES:
        raise ValidationError({"status": f"Choose one of: {', '.join(OPEN_STATUSES)}."})
    if not application.outcome and application.status == status:
        return False
    application.outcome = ""
    application.decided_on = None
    application.status = status
    application.save(update_fields=["outcome", "decided_on", "status", "updated_at"])
    return True

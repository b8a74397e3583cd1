"""Recording how an application ended."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from nextround.jobs.models import Application, Outcome


@transaction.atomic
def record_outcome(application: Application, outcome: str, decided_on: datetime.date) -> bool:
    """Set the outcome and its date; return False when nothing changed.

    Recording the same outcome twice is harmless: the second call changes
    nothing, so it can be retried safely from the web, the API or the CLI.
    """
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": f"Unknown outcome {outcome!r}."})
    if application.applied_on and decided_on < application.applied_on:
        raise ValidationError({"decided_on": "The decision cannot come before the application."})
    if application.outcome == outcome and application.decided_on == decided_on:
        return False
    application.outcome = outcome
    application.decided_on = decided_on
    application.status = outcome
    application.save(update_fields=["outcome", "decided_on", "status", "updated_at"])
    return True

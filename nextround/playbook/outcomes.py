"""Recording, changing and reopening an outcome, and setting a status: with the plan.

The one place for these workflows: the web forms, the API, the CLI and the
demo all call them, so every door refuses the same input with the same
field named, and the plan follows whichever door was used.

The rule for the status field: an outcome status (``rejected``, ``offered``…)
is an outcome and is recorded as one, with its day. Setting an open status
(``preparing``, ``applied``, ``interviewing``) on an application that has an
outcome reopens it: the outcome and its day go, and the plan steps made for
that outcome are retired, saying why.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from nextround.jobs import outcomes
from nextround.jobs.models import OPEN_STATUSES, Application, Outcome
from nextround.playbook.actions import retire
from nextround.playbook.models import LIVE_STATUSES, Action
from nextround.playbook.plan import INTERVIEW_KINDS, interview_saved, record_outcome

__all__ = ["record_outcome", "reopen_application", "set_status"]

REOPENED = "The application was reopened, so this step no longer fits."


@transaction.atomic
def reopen_application(application: Application, status: str | None = None) -> bool:
    """Take the outcome back: the application is open again at ``status``.

    Without a status it goes back to where it stood (interviewing when it
    had interviews, else applied or preparing). The plan steps the outcome
    made are retired with a reason, and a decision promised at an
    interview is chased again. False when nothing changed.
    """
    status = status or outcomes.reopen_status(application)
    had_outcome = bool(application.outcome)
    changed = outcomes.clear_outcome(application, status)
    if not had_outcome:
        return changed
    live = (
        Action.objects.filter(application=application, status__in=LIVE_STATUSES)
        .exclude(rule="")
        .exclude(kind__in=INTERVIEW_KINDS)
    )
    for action in live:
        retire(action, REOPENED)
    for interview in application.interviews.all():
        interview_saved(interview)
    return changed


@transaction.atomic
def set_status(
    application: Application, status: str, decided_on: datetime.date | None = None
) -> bool:
    """Move an application to ``status`` by the one rule (see the module); False if unchanged.

    An outcome status is recorded as the outcome, on ``decided_on`` or the
    day already recorded or today. An open status on an application with an
    outcome reopens it. Otherwise the status is simply set.
    """
    if status in Outcome.values:
        when = decided_on or application.decided_on or timezone.localdate()
        return record_outcome(application, status, when)
    if status not in OPEN_STATUSES:
        outcomes.clear_outcome(application, status)  # refuses it, naming the field
    if application.outcome:
        return reopen_application(application, status)
    return outcomes.clear_outcome(application, status)

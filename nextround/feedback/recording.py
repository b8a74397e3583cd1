"""Recording feedback and who got the job, with their gap mentions, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from nextround.feedback.models import Feedback, SuccessfulCandidate
from nextround.feedback.tagging import GapInput, replace_gaps, tag_gaps
from nextround.playbook.actions import complete_actions
from nextround.playbook.models import ActionKind
from nextround.playbook.plan import feedback_requested


def _close_playbook_steps(feedback: Feedback) -> None:
    """Feedback that has arrived ends the asking and chasing; a request ends the asking
    and starts the plan's 14-day clock for a chase."""
    if feedback.received_on or feedback.text.strip():
        complete_actions(
            feedback.owner,
            [ActionKind.ASK_FEEDBACK, ActionKind.CHASE_FEEDBACK],
            application=feedback.application,
        )
    elif feedback.asked_on:
        feedback_requested(feedback.application, on=feedback.asked_on)


@transaction.atomic
def save_feedback(
    feedback: Feedback, gaps: Iterable[GapInput] | None = None, *, replace: bool = False
) -> Feedback:
    """Validate and save feedback, tag its gaps, and close the playbook steps it answers."""
    feedback.full_clean()
    feedback.save()
    if gaps is not None:
        (replace_gaps if replace else tag_gaps)(feedback, gaps)
    _close_playbook_steps(feedback)
    return feedback


@transaction.atomic
def save_successful_candidate(
    candidate: SuccessfulCandidate,
    gaps: Iterable[GapInput] | None = None,
    *,
    replace: bool = False,
) -> SuccessfulCandidate:
    """Validate and save a comparison with who got the job, tag what they had, close the step."""
    candidate.full_clean()
    candidate.save()
    if gaps is not None:
        (replace_gaps if replace else tag_gaps)(candidate, gaps)
    # Knowing who got the job is what the plan's "find out who got the job" step asks.
    complete_actions(candidate.owner, [ActionKind.FIND_WINNER], application=candidate.application)
    return candidate

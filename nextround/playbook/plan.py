"""Running the playbook: turning events into dated actions through the rule table.

The web, the API and the CLI all come here, so an outcome recorded
anywhere makes the same plan, and recording it again changes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from nextround.jobs import outcomes
from nextround.jobs.models import Application, Interview, Outcome
from nextround.playbook.actions import ensure_action, retire, subject_lookup
from nextround.playbook.models import (
    LIVE_STATUSES,
    Action,
    ActionKind,
    ActionStatus,
    PlaybookSettings,
)
from nextround.playbook.rules import (
    CONDITIONS,
    EVENT_WHEN_DONE,
    Event,
    Rule,
    Subject,
    kinds_in_plan,
    offset_for,
    rules_for,
)


def user_offsets(user) -> dict:
    """The person's own offsets, keyed by rule (empty when they kept the defaults)."""
    row = PlaybookSettings.objects.filter(user=user).only("offsets").first()
    return dict(row.offsets) if row else {}


def _country(user) -> str:
    """Whose public holidays count: the country, with its region (``GB-ENG``)."""
    return getattr(user, "holiday_calendar", "") or "GB"


def _subjects(rule: Rule, application: Application, interview: Interview | None) -> list[dict]:
    """The subject of each action a rule makes for this application."""
    base = {"application": application, "contact": None, "organisation": None, "interview": None}
    if rule.subject == Subject.APPLICATION:
        subjects = [base]
    elif rule.subject == Subject.ORGANISATION:
        subjects = [{**base, "organisation": application.organisation}]
    elif rule.subject == Subject.INTERVIEW:
        subjects = [{**base, "interview": interview}] if interview else []
    elif rule.subject == Subject.LAST_INTERVIEW:
        last = application.interviews.order_by("-starts_at", "-id").first()
        subjects = [{**base, "interview": last}]
    else:
        subjects = [{**base, "interview": each} for each in application.interviews.all()]
    if rule.when:
        condition = CONDITIONS[rule.when]
        subjects = [s for s in subjects if s["interview"] is not None and condition(s["interview"])]
    return subjects


def _make(
    rule: Rule,
    application: Application,
    start: datetime.date,
    *,
    interview: Interview | None = None,
    note_values: dict | None = None,
    offsets: dict | None = None,
) -> list[Action]:
    """Apply one rule: make its actions unless they are already there or already done.

    An action of the same kind about the same subject that the person
    finished or skipped themselves is left alone; one the plan retired
    (because the outcome changed) does not count, so a plan made again is
    made whole again.
    """
    user = application.owner
    offsets = user_offsets(user) if offsets is None else offsets
    today = timezone.localdate()
    # A step can't fall due before the day it was known about.
    due_on = max(rule.due_on(start, offset_for(rule, offsets), _country(user)), today)
    note = rule.note.format(**(note_values or {}))
    made = []
    for subject in _subjects(rule, application, interview):
        lookup = subject_lookup(**subject)
        settled = Action.objects.filter(
            owner=user,
            kind=rule.kind,
            status__in=(ActionStatus.DONE, ActionStatus.SKIPPED),
            retired=False,
            **lookup,
        ).exists()
        if settled:
            continue
        made.append(ensure_action(user, rule.kind, due_on, note=note, rule=rule.key, **subject))
    return made


@transaction.atomic
def run_outcome_rules(application: Application) -> list[Action]:
    """Make the plan for the application's outcome and retire what no longer fits."""
    outcome = application.outcome
    if not outcome:
        return []
    keep = kinds_in_plan(outcome)
    label = Outcome(outcome).label
    for action in Action.objects.filter(application=application, status__in=LIVE_STATUSES).exclude(
        rule=""
    ):
        if action.kind in INTERVIEW_KINDS:
            # The journey was made whatever the answer: its claim stays.
            continue
        if action.kind == ActionKind.CHASE_DECISION:
            retire(action, f"The decision came on {application.decided_on:%-d %B %Y}.")
        elif action.kind not in keep:
            retire(action, f"The outcome changed to “{label}”, so this step no longer fits.")
    offsets = user_offsets(application.owner)
    made = []
    for rule in rules_for(outcome):
        made += _make(rule, application, application.decided_on, offsets=offsets)
    # Interviews added before their steps followed them get them now.
    for interview in application.interviews.all():
        interview_costs_changed(interview)
    plan_changed(application)
    return made


# Kinds of step that follow an interview itself, not the outcome.
INTERVIEW_KINDS = frozenset(rule.kind for rule in rules_for(Event.INTERVIEW_HELD))
NOTHING_TO_CLAIM = "Nothing was spent on this interview and it was not in person: nothing to claim."


@transaction.atomic
def interview_costs_changed(interview: Interview) -> list[Action]:
    """Keep the steps that follow an interview (claiming its costs) in step with it.

    Call after an interview is saved and after its expenses change. An
    interview in person, or with costs recorded, gets a claim step a working
    day after it (made now, due then); a remote one with nothing spent gets
    none, and loses one the plan made before. A claim step already overdue is
    left on its day rather than moved to today.
    """
    made = []
    application = interview.application
    offsets = user_offsets(application.owner)
    for rule in rules_for(Event.INTERVIEW_HELD):
        live = Action.objects.filter(
            interview=interview, kind=rule.kind, status__in=LIVE_STATUSES
        ).exclude(rule="")
        if rule.when and not CONDITIONS[rule.when](interview):
            for action in live:
                retire(action, NOTHING_TO_CLAIM)
            continue
        interview_day = timezone.localdate(interview.starts_at)
        today = timezone.localdate()
        due = rule.due_on(interview_day, offset_for(rule, offsets), _country(application.owner))
        if due <= today and live.filter(status=ActionStatus.OPEN, due_on__lte=today).exists():
            continue
        made += _make(rule, application, interview_day, interview=interview, offsets=offsets)
    return made


# Areas above the plan that can finish a step on evidence of their own say
# so here, and are asked each time an application's plan may have changed:
# the contacts area finishes "connect with the panel" for a panel already
# reached (nextround/network/apps.py registers it). A list, not an import,
# because the contacts area builds on the plan, not the other way round.
PLAN_CHANGED_CHECKS: list[Callable[[Application], object]] = []


def plan_changed(application: Application) -> None:
    """Let the areas above the plan finish the steps they already see done."""
    for check in PLAN_CHANGED_CHECKS:
        check(application)


def record_outcome(application: Application, outcome: str, decided_on: datetime.date) -> bool:
    """Record how an application ended and make its plan; False when nothing changed.

    Recording the same outcome on the same day again changes nothing at
    all, so the web form, the API and the CLI can all be retried safely.
    """
    with transaction.atomic():
        changed = outcomes.record_outcome(application, outcome, decided_on)
        if changed:
            run_outcome_rules(application)
    return changed


@transaction.atomic
def interview_saved(interview: Interview) -> Action | None:
    """Keep the decision chase in step with the interview's promise.

    Call after an interview is created or edited. A promise makes (or
    moves) the chase; a promise taken away retires it; once the outcome is
    in, there is nothing to chase.
    """
    application = interview.application
    # The panel may have changed: someone already reached may complete the step.
    plan_changed(application)
    interview_costs_changed(interview)
    live = Action.objects.filter(
        interview=interview, kind=ActionKind.CHASE_DECISION, status__in=LIVE_STATUSES
    )
    if not interview.decision_promised_by or application.outcome:
        for action in live:
            retire(action, "There is no promised decision to chase any more.")
        return None
    (rule,) = rules_for(Event.DECISION_PROMISED)
    made = _make(
        rule,
        application,
        interview.decision_promised_by,
        interview=interview,
        note_values={"promised": f"{interview.decision_promised_by:%-d %B}"},
    )
    return made[0] if made else None


def _run_done_event(action: Action, on: datetime.date) -> None:
    """Doing some steps starts others (asking for feedback starts the 14-day clock)."""
    event = EVENT_WHEN_DONE.get(action.kind)
    if event is None or action.application_id is None:
        return
    for rule in rules_for(event):
        _make(rule, action.application, on)


@transaction.atomic
def feedback_requested(application: Application, on: datetime.date | None = None) -> int:
    """Feedback was asked for (from anywhere): finish ``ask_feedback`` and start the clock."""
    on = on or timezone.localdate()
    asks = list(
        Action.objects.filter(
            application=application, kind=ActionKind.ASK_FEEDBACK, status__in=LIVE_STATUSES
        )
    )
    for action in asks:
        _finish(action)
    for rule in rules_for(Event.FEEDBACK_ASKED):
        _make(rule, application, on)
    return len(asks)


def _finish(action: Action) -> None:
    action.status = ActionStatus.DONE
    action.done_at = timezone.now()
    action.save(update_fields=["status", "done_at", "updated_at"])


@transaction.atomic
def mark_done(action: Action) -> Action:
    """The person did it. Some steps lead to the next one."""
    if action.status == ActionStatus.DONE:
        return action
    _finish(action)
    _run_done_event(action, timezone.localdate())
    return action


@transaction.atomic
def skip(action: Action, reason: str = "") -> Action:
    """The person decided not to; their reason, if any, is kept."""
    action.status = ActionStatus.SKIPPED
    action.retired = False
    if reason:
        action.note = reason
    action.save(update_fields=["status", "retired", "note", "updated_at"])
    return action


@transaction.atomic
def snooze(action: Action, until: datetime.date) -> Action:
    """Put a step off to a later day."""
    if until <= timezone.localdate():
        raise ValidationError({"until": "Choose a day after today."})
    action.status = ActionStatus.SNOOZED
    action.due_on = until
    action.save(update_fields=["status", "due_on", "updated_at"])
    return action


@transaction.atomic
def reopen(action: Action, due_on: datetime.date | None = None) -> Action:
    """Undo: the step is open again (on its old day), and what finishing it started is withdrawn."""
    if action.status == ActionStatus.DONE and action.kind in EVENT_WHEN_DONE:
        follow_kinds = [rule.kind for rule in rules_for(EVENT_WHEN_DONE[action.kind])]
        Action.objects.filter(
            owner=action.owner,
            application=action.application_id,
            kind__in=follow_kinds,
            status=ActionStatus.OPEN,
            created_at__gte=action.done_at or action.updated_at,
        ).exclude(rule="").delete()
    action.status = ActionStatus.OPEN
    action.done_at = None
    action.retired = False
    if due_on is not None:
        action.due_on = due_on
    action.save(update_fields=["status", "done_at", "retired", "due_on", "updated_at"])
    return action


@transaction.atomic
def restore(action: Action, status: str, due_on: datetime.date) -> Action:
    """Undo the last click: the step goes back to how it was (open or snoozed, on its day)."""
    if status not in LIVE_STATUSES:
        return action
    reopen(action, due_on)
    if status == ActionStatus.SNOOZED:
        action.status = ActionStatus.SNOOZED
        action.save(update_fields=["status", "updated_at"])
    return action


@transaction.atomic
def move(action: Action, due_on: datetime.date) -> Action:
    """Give a step another day, whatever its status."""
    action.due_on = due_on
    action.save(update_fields=["due_on", "updated_at"])
    return action

"""Whatever happens, in whatever order, the plan never duplicates or loses a step."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextround.jobs.models import InterviewFormat, Outcome
from nextround.playbook.models import LIVE_STATUSES, Action, ActionKind, ActionStatus
from nextround.playbook.outcomes import reopen_application
from nextround.playbook.plan import (
    INTERVIEW_KINDS,
    _subjects,
    interview_saved,
    mark_done,
    record_outcome,
    skip,
    snooze,
)
from nextround.playbook.rules import kinds_in_plan, rules_for
from tests.factories import ApplicationFactory, InterviewFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)

outcomes = st.sampled_from(Outcome.values)
days = st.integers(min_value=-20, max_value=5).map(lambda n: TODAY + datetime.timedelta(days=n))
# A decision has already happened (a day's grace for time zones).
decision_days = st.integers(min_value=-20, max_value=1).map(
    lambda n: TODAY + datetime.timedelta(days=n)
)
events = st.one_of(
    st.tuples(st.just("outcome"), outcomes, decision_days),
    st.tuples(st.just("reopen"), st.none(), st.none()),
    st.tuples(st.just("again"), st.none(), st.none()),
    st.tuples(st.just("done"), st.integers(0, 20), st.none()),
    st.tuples(st.just("skip"), st.integers(0, 20), st.none()),
    st.tuples(st.just("snooze"), st.integers(0, 20), st.integers(1, 30)),
    st.tuples(st.just("promise"), st.none(), st.one_of(st.none(), days)),
)


def snapshot(application) -> list[tuple]:
    return list(
        Action.objects.filter(owner=application.owner)
        .order_by("id")
        .values_list("id", "kind", "status", "due_on", "retired", "note", "done_at")
    )


def subject_of(action: Action) -> tuple:
    return (
        action.kind,
        action.application_id,
        action.contact_id,
        action.organisation_id,
        action.interview_id,
    )


def check_invariants(application) -> None:
    application.refresh_from_db()
    actions = list(Action.objects.filter(owner=application.owner))
    live = [action for action in actions if action.status in LIVE_STATUSES]
    # The steps that follow the interview itself stay whatever the outcome.
    outcome_live = [action for action in live if action.kind not in INTERVIEW_KINDS]
    # Never two live steps of one kind about one subject.
    live_subjects = [subject_of(action) for action in live]
    assert len(live_subjects) == len(set(live_subjects)), live_subjects
    if not application.outcome:
        # An open application has no outcome's plan left live: only the chase.
        for action in outcome_live:
            if action.rule:
                assert action.kind == ActionKind.CHASE_DECISION, action.kind
        return
    # Nothing from another plan is left open.
    allowed = kinds_in_plan(application.outcome)
    for action in outcome_live:
        if action.rule:
            assert action.kind in allowed, (action.kind, application.outcome)
    # Every step of the current plan is there: still to do, done, or skipped by the person.
    kept = {subject_of(action) for action in actions if not action.retired}
    for rule in rules_for(application.outcome):
        for subject in _subjects(rule, application, None):
            key = (
                rule.kind,
                subject["application"].pk,
                None,
                subject["organisation"].pk if subject["organisation"] else None,
                subject["interview"].pk if subject["interview"] else None,
            )
            assert key in kept, (rule.key, application.outcome)


@time_machine.travel("2026-03-02 09:00Z", tick=False)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(events, min_size=1, max_size=8))
def test_random_sequences_of_events_keep_the_plan_whole(steps):
    user = UserFactory()
    application = ApplicationFactory(owner=user, applied_on=TODAY - datetime.timedelta(days=60))
    interview = InterviewFactory(
        owner=user,
        application=application,
        format=InterviewFormat.IN_PERSON,
        starts_at=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
    )
    last = None
    for kind, first, second in steps:
        if kind == "outcome":
            record_outcome(application, first, second)
            last = (first, second)
        elif kind == "reopen":
            reopen_application(application)
            last = None
        elif kind == "again" and last:
            before = snapshot(application)
            changed = record_outcome(application, *last)
            assert not changed
            assert snapshot(application) == before
        elif kind in ("done", "skip", "snooze"):
            live = list(Action.objects.filter(owner=user, status__in=LIVE_STATUSES).order_by("id"))
            if live:
                action = live[first % len(live)]
                if kind == "done":
                    mark_done(action)
                elif kind == "skip":
                    skip(action, "Not for me")
                else:
                    snooze(action, TODAY + datetime.timedelta(days=second))
        elif kind == "promise":
            interview.decision_promised_by = second
            interview.save()
            interview_saved(interview)
        check_invariants(application)


@time_machine.travel("2026-03-02 09:00Z", tick=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outcome=outcomes, decided=decision_days, repeats=st.integers(2, 4))
def test_recording_the_same_outcome_again_changes_nothing(outcome, decided, repeats):
    user = UserFactory()
    application = ApplicationFactory(owner=user, applied_on=TODAY - datetime.timedelta(days=60))
    InterviewFactory(owner=user, application=application)
    record_outcome(application, outcome, decided)
    before = snapshot(application)
    for _ in range(repeats):
        assert record_outcome(application, outcome, decided) is False
    assert snapshot(application) == before


@time_machine.travel("2026-03-02 09:00Z", tick=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=outcomes, second=outcomes)
def test_changing_the_outcome_retires_the_old_plan_with_a_reason(first, second):
    user = UserFactory()
    application = ApplicationFactory(owner=user, applied_on=TODAY - datetime.timedelta(days=60))
    InterviewFactory(owner=user, application=application)
    record_outcome(application, first, TODAY)
    old_live = set(
        Action.objects.filter(owner=user, status__in=LIVE_STATUSES).values_list("id", flat=True)
    )
    record_outcome(application, second, TODAY)
    check_invariants(application)
    for action in Action.objects.filter(id__in=old_live):
        if action.status == ActionStatus.SKIPPED:
            assert action.retired
            assert "outcome changed" in action.note
        else:
            # Kept because the new plan has the same step, or it follows the interview.
            assert action.kind in kinds_in_plan(second) | INTERVIEW_KINDS
    assert Action.objects.filter(owner=user, kind=ActionKind.BE_KIND).count() <= 2

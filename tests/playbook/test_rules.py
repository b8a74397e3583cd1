"""The rule table: each event makes the steps it promises, on the right days."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind, ActionStatus, PlaybookSettings
from nextround.playbook.plan import feedback_requested, interview_saved, mark_done, record_outcome
from nextround.playbook.rules import RULES, Event, kinds_in_plan, offset_for
from nextround.playbook.workdays import add_working_days, is_working_day
from tests.factories import ApplicationFactory, InterviewFactory

pytestmark = pytest.mark.django_db

# Monday 2 March 2026: no bank holidays nearby in Great Britain.
MONDAY = datetime.date(2026, 3, 2)


def day(offset: int) -> datetime.date:
    return MONDAY + datetime.timedelta(days=offset)


def planned(application) -> dict[str, datetime.date]:
    return dict(
        Action.objects.filter(application=application, status=ActionStatus.OPEN).values_list(
            "kind", "due_on"
        )
    )


# outcome, interview format (None: no interview), the plan {kind: due}
PLANS = [
    (
        "rejected",
        InterviewFormat.IN_PERSON,
        {
            ActionKind.BE_KIND: day(0),
            ActionKind.ASK_FEEDBACK: day(1),
            ActionKind.REVIEW_NOTES: day(1),
            ActionKind.CONNECT_PANEL: day(2),
            # The claim follows the interview (20 February): due at once, as it is past.
            ActionKind.CLAIM_EXPENSES: day(0),
            ActionKind.FIND_WINNER: day(60),
            ActionKind.REAPPLY_WATCH: day(28),
        },
    ),
    (
        "rejected",
        InterviewFormat.VIDEO,
        {
            ActionKind.BE_KIND: day(0),
            ActionKind.ASK_FEEDBACK: day(1),
            ActionKind.REVIEW_NOTES: day(1),
            ActionKind.CONNECT_PANEL: day(2),
            ActionKind.FIND_WINNER: day(60),
            ActionKind.REAPPLY_WATCH: day(28),
        },
    ),
    (
        "not_invited",
        None,
        {
            ActionKind.BE_KIND: day(0),
            ActionKind.ASK_FEEDBACK: day(1),
            ActionKind.REAPPLY_WATCH: day(28),
        },
    ),
    ("no_reply", None, {ActionKind.FOLLOW_UP: day(1)}),
    (
        "offered",
        InterviewFormat.ASSESSMENT,
        {ActionKind.FOLLOW_UP: day(1), ActionKind.CLAIM_EXPENSES: day(0)},
    ),
    ("accepted", InterviewFormat.PHONE, {ActionKind.FOLLOW_UP: day(1)}),
    ("withdrawn", InterviewFormat.IN_PERSON, {ActionKind.CLAIM_EXPENSES: day(0)}),
]


@time_machine.travel("2026-03-02 09:00Z", tick=False)
@pytest.mark.parametrize(("outcome", "interview_format", "expected"), PLANS)
def test_each_outcome_makes_its_plan(user, outcome, interview_format, expected):
    application = ApplicationFactory(owner=user, applied_on=day(-30))
    if interview_format:
        InterviewFactory(
            owner=user,
            application=application,
            format=interview_format,
            starts_at=datetime.datetime(2026, 2, 20, 10, tzinfo=datetime.UTC),
        )
    record_outcome(application, outcome, MONDAY)
    assert planned(application) == expected


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_the_watch_is_on_the_organisation_and_the_notes_on_the_last_interview(user):
    application = ApplicationFactory(owner=user)
    InterviewFactory(
        owner=user, application=application, starts_at=day(-20).isoformat() + "T10:00Z"
    )
    last = InterviewFactory(
        owner=user, application=application, starts_at=day(-10).isoformat() + "T10:00Z"
    )
    record_outcome(application, "rejected", MONDAY)
    watch = Action.objects.get(kind=ActionKind.REAPPLY_WATCH)
    assert watch.organisation == application.organisation
    assert Action.objects.get(kind=ActionKind.REVIEW_NOTES).interview == last
    # One claim per journey.
    assert Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES).count() == 2


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_a_promised_decision_is_chased_two_working_days_after_the_promise(user):
    # Promised by Thursday 5 March: chase on Monday 9 March (Friday, then the weekend).
    interview = InterviewFactory(owner=user, decision_promised_by=day(3))
    chase = interview_saved(interview)
    assert chase.kind == ActionKind.CHASE_DECISION
    assert chase.due_on == day(7)
    assert "5 March" in chase.note


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_moving_the_promise_moves_the_chase_and_removing_it_retires_it(user):
    interview = InterviewFactory(owner=user, decision_promised_by=day(3))
    interview_saved(interview)
    interview.decision_promised_by = day(8)
    interview_saved(interview)
    chase = Action.objects.get(kind=ActionKind.CHASE_DECISION)
    assert chase.due_on == day(10)
    interview.decision_promised_by = None
    interview_saved(interview)
    chase.refresh_from_db()
    assert chase.status == ActionStatus.SKIPPED
    assert chase.retired


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_the_decision_arriving_retires_the_chase_with_the_reason(user):
    interview = InterviewFactory(owner=user, decision_promised_by=day(3))
    interview_saved(interview)
    record_outcome(interview.application, "offered", MONDAY)
    chase = Action.objects.get(kind=ActionKind.CHASE_DECISION)
    assert chase.status == ActionStatus.SKIPPED
    assert "decision came on 2 March 2026" in chase.note


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_asking_for_feedback_starts_a_fourteen_day_clock(user):
    application = ApplicationFactory(owner=user)
    record_outcome(application, "not_invited", MONDAY)
    ask = Action.objects.get(kind=ActionKind.ASK_FEEDBACK)
    mark_done(ask)
    chase = Action.objects.get(kind=ActionKind.CHASE_FEEDBACK)
    assert chase.due_on == day(14)
    assert chase.application == application


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_feedback_asked_for_elsewhere_also_starts_the_clock(user):
    application = ApplicationFactory(owner=user)
    record_outcome(application, "rejected", MONDAY)
    assert feedback_requested(application, on=day(1)) == 1
    assert Action.objects.get(kind=ActionKind.ASK_FEEDBACK).status == ActionStatus.DONE
    assert Action.objects.get(kind=ActionKind.CHASE_FEEDBACK).due_on == day(15)


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_a_persons_own_offsets_replace_the_tables(user):
    PlaybookSettings.objects.create(
        user=user, offsets={"rejected.ask_feedback": 3, "rejected.find_winner": 90}
    )
    application = ApplicationFactory(owner=user)
    record_outcome(application, "rejected", MONDAY)
    plan = planned(application)
    assert plan[ActionKind.ASK_FEEDBACK] == day(3)
    assert plan[ActionKind.FIND_WINNER] == day(90)


@time_machine.travel("2026-03-02 09:00Z", tick=False)
def test_an_old_decision_recorded_today_is_planned_from_today(user):
    application = ApplicationFactory(owner=user, applied_on=day(-100))
    record_outcome(application, "rejected", day(-40))
    plan = planned(application)
    assert plan[ActionKind.ASK_FEEDBACK] == MONDAY
    assert plan[ActionKind.FIND_WINNER] == day(20)


def test_every_rule_is_unique_and_answers_a_known_event():
    keys = [rule.key for rule in RULES]
    assert len(keys) == len(set(keys))
    for rule in RULES:
        assert set(rule.events) <= set(Event.values)
        assert rule.kind in ActionKind.values


def test_a_broken_offset_falls_back_to_the_default():
    rule = RULES[1]
    assert offset_for(rule, {rule.key: "soon"}) == rule.offset
    assert offset_for(rule, {rule.key: -4}) == rule.offset
    assert offset_for(rule, {rule.key: True}) == rule.offset
    assert offset_for(rule, {rule.key: 5}) == 5


def test_the_feedback_chase_belongs_to_plans_that_ask_for_feedback():
    assert ActionKind.CHASE_FEEDBACK in kinds_in_plan("rejected")
    assert ActionKind.CHASE_FEEDBACK not in kinds_in_plan("offered")


# --- working days -----------------------------------------------------------

WORKING_DAYS = [
    # start, days, country, expected: reasons in words
    ("2026-03-06", 1, "GB", "2026-03-09"),  # Friday + 1: Monday
    ("2026-03-07", 1, "GB", "2026-03-09"),  # Saturday + 1: Monday
    ("2026-03-07", 0, "GB", "2026-03-09"),  # a weekend "today" rolls to Monday
    ("2026-04-02", 1, "GB", "2026-04-06"),  # Good Friday is a bank holiday across the UK
    ("2026-12-24", 1, "GB", "2026-12-29"),  # Christmas, the weekend, Boxing Day observed
    ("2026-12-24", 2, "GB", "2026-12-30"),
    ("2026-05-22", 1, "GB", "2026-05-26"),  # Spring bank holiday Monday
    ("2026-05-13", 1, "DE", "2026-05-15"),  # Ascension Day in Germany
    ("2026-05-13", 1, "GB", "2026-05-14"),  # but not in Britain
    ("2026-07-03", 1, "US", "2026-07-06"),  # Independence Day observed on Friday 3rd
    ("2026-03-06", 1, "ZZ", "2026-03-09"),  # unknown country: weekends only
]


@pytest.mark.parametrize(("start", "days", "country", "expected"), WORKING_DAYS)
def test_working_days_skip_weekends_and_the_countrys_bank_holidays(start, days, country, expected):
    result = add_working_days(datetime.date.fromisoformat(start), days, country)
    assert result == datetime.date.fromisoformat(expected)
    assert is_working_day(result, country)


@time_machine.travel("2026-12-24 09:00Z", tick=False)
def test_a_rejection_on_christmas_eve_asks_for_feedback_after_the_holidays(user):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 11, 1))
    record_outcome(application, "rejected", datetime.date(2026, 12, 24))
    plan = planned(application)
    assert plan[ActionKind.ASK_FEEDBACK] == datetime.date(2026, 12, 29)
    assert plan[ActionKind.BE_KIND] == datetime.date(2026, 12, 24)


@time_machine.travel("2026-05-13 09:00Z", tick=False)
def test_the_persons_country_decides_which_days_are_holidays(user):
    user.country = "DE"
    user.save()
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 4, 1))
    record_outcome(application, "not_invited", datetime.date(2026, 5, 13))
    assert planned(application)[ActionKind.ASK_FEEDBACK] == datetime.date(2026, 5, 15)

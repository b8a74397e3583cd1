"""The playbook's one table of rules: which event makes which action, and when.

Everything the engine does is read from ``RULES``; adding a step to the
playbook is adding a row here, not another ``if`` somewhere else.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models

from nextround.jobs.models import Interview, InterviewFormat, Outcome
from nextround.playbook.models import ActionKind
from nextround.playbook.workdays import add_working_days


class Event(models.TextChoices):
    """Something that happened and that the playbook answers."""

    DECISION_PROMISED = "decision_promised", "A decision was promised"
    INTERVIEW_HELD = "interview_held", "An interview took place"
    REJECTED = Outcome.REJECTED.value, "Rejected after interview"
    NOT_INVITED = Outcome.NOT_INVITED.value, "Not invited to interview"
    NO_REPLY = Outcome.NO_REPLY.value, "No reply"
    OFFERED = Outcome.OFFERED.value, "Offered"
    ACCEPTED = Outcome.ACCEPTED.value, "Accepted"
    WITHDRAWN = Outcome.WITHDRAWN.value, "Withdrawn"
    FEEDBACK_ASKED = "feedback_asked", "Feedback asked for"


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    DAYS = "days", "days"


class Subject(models.TextChoices):
    """What each action made by a rule is about."""

    APPLICATION = "application", "the application"
    ORGANISATION = "organisation", "the organisation (and the application)"
    # The interview the event is about (a promise is made at one interview).
    INTERVIEW = "interview", "the interview"
    # The application's most recent interview, if any.
    LAST_INTERVIEW = "last_interview", "the last interview"
    # One action for each of the application's interviews that meets the condition.
    EACH_INTERVIEW = "each_interview", "each interview"


def went_in_person_or_spent(interview: Interview) -> bool:
    """An interview that cost a journey: in person, or with expenses recorded."""
    if interview.format in (InterviewFormat.IN_PERSON, InterviewFormat.ASSESSMENT):
        return True
    expenses = getattr(interview, "expenses", None)
    return bool(expenses is not None and expenses.exists())


# Conditions a rule may name in ``when``; each takes the interview the action is about.
CONDITIONS = {
    "went_in_person_or_spent": went_in_person_or_spent,
}


@dataclass(frozen=True)
class Rule:
    """When ``events`` happen, ``kind`` becomes due ``offset`` ``unit`` later."""

    key: str
    events: tuple[str, ...]
    kind: str
    offset: int
    unit: str
    subject: str
    note: str
    when: str = ""

    @property
    def label(self) -> str:
        """How the rule reads in Settings."""
        events = " or ".join(Event(event).label.lower() for event in self.events)
        return f"{ActionKind(self.kind).label}, after: {events}"

    def due_on(self, start: datetime.date, offset: int, country: str) -> datetime.date:
        """The due date ``offset`` units after ``start``, in this rule's unit."""
        if self.unit == Unit.WORKING_DAYS:
            return add_working_days(start, offset, country)
        return start + datetime.timedelta(days=offset)


AFTER_OFFER = (Event.OFFERED, Event.ACCEPTED)

RULES: tuple[Rule, ...] = (
    Rule(
        "decision_promised.chase_decision",
        (Event.DECISION_PROMISED,),
        ActionKind.CHASE_DECISION,
        2,
        Unit.WORKING_DAYS,
        Subject.INTERVIEW,
        "The decision was promised by {promised}. A short, polite note asks where things stand.",
    ),
    # The journey's costs are claimed after the interview itself, whatever the
    # outcome and however long it takes to come: the receipts are fresh.
    Rule(
        "interview_held.claim_expenses",
        (Event.INTERVIEW_HELD,),
        ActionKind.CLAIM_EXPENSES,
        1,
        Unit.WORKING_DAYS,
        Subject.INTERVIEW,
        "Many organisations pay interview travel back if you ask.",
        when="went_in_person_or_spent",
    ),
    Rule(
        "rejected.ask_feedback",
        (Event.REJECTED,),
        ActionKind.ASK_FEEDBACK,
        1,
        Unit.WORKING_DAYS,
        Subject.APPLICATION,
        "Ask the panel what would have made the difference. Most people are glad to say.",
    ),
    Rule(
        "rejected.review_notes",
        (Event.REJECTED,),
        ActionKind.REVIEW_NOTES,
        1,
        Unit.WORKING_DAYS,
        Subject.LAST_INTERVIEW,
        "While it is fresh: the questions you were asked, and the ones that were tricky.",
    ),
    Rule(
        "rejected.connect_panel",
        (Event.REJECTED,),
        ActionKind.CONNECT_PANEL,
        2,
        Unit.WORKING_DAYS,
        Subject.APPLICATION,
        "The panel met you at your best. A friendly connection keeps the door open.",
    ),
    Rule(
        "rejected.be_kind",
        (Event.REJECTED,),
        ActionKind.BE_KIND,
        0,
        Unit.DAYS,
        Subject.APPLICATION,
        "A no stings. Do one kind thing for yourself today.",
    ),
    Rule(
        "rejected.find_winner",
        (Event.REJECTED,),
        ActionKind.FIND_WINNER,
        60,
        Unit.DAYS,
        Subject.APPLICATION,
        "By now whoever got the job has likely updated their profile: what did they bring?",
    ),
    Rule(
        "rejected.reapply_watch",
        (Event.REJECTED,),
        ActionKind.REAPPLY_WATCH,
        28,
        Unit.DAYS,
        Subject.ORGANISATION,
        "No grudges: watch their vacancies and the next tranche of any scheme.",
    ),
    Rule(
        "not_invited.ask_feedback",
        (Event.NOT_INVITED,),
        ActionKind.ASK_FEEDBACK,
        1,
        Unit.WORKING_DAYS,
        Subject.APPLICATION,
        "Ask what would make your next application stand out.",
    ),
    Rule(
        "not_invited.be_kind",
        (Event.NOT_INVITED,),
        ActionKind.BE_KIND,
        0,
        Unit.DAYS,
        Subject.APPLICATION,
        "Sifting is a numbers game. Do one kind thing for yourself today.",
    ),
    Rule(
        "not_invited.reapply_watch",
        (Event.NOT_INVITED,),
        ActionKind.REAPPLY_WATCH,
        28,
        Unit.DAYS,
        Subject.ORGANISATION,
        "No grudges: watch their vacancies and the next tranche of any scheme.",
    ),
    Rule(
        "no_reply.follow_up",
        (Event.NO_REPLY,),
        ActionKind.FOLLOW_UP,
        1,
        Unit.WORKING_DAYS,
        Subject.APPLICATION,
        "Close the loop with a short, friendly note, then let it go.",
    ),
    Rule(
        "offered.follow_up",
        AFTER_OFFER,
        ActionKind.FOLLOW_UP,
        1,
        Unit.WORKING_DAYS,
        Subject.APPLICATION,
        "Thank the panel for their time.",
    ),
    Rule(
        "feedback_asked.chase_feedback",
        (Event.FEEDBACK_ASKED,),
        ActionKind.CHASE_FEEDBACK,
        14,
        Unit.DAYS,
        Subject.APPLICATION,
        "No feedback yet: one gentle reminder is fine.",
    ),
)

RULES_BY_KEY = {rule.key: rule for rule in RULES}

# Doing an action of this kind is itself an event (asking for feedback starts the clock).
EVENT_WHEN_DONE = {ActionKind.ASK_FEEDBACK: Event.FEEDBACK_ASKED}

# Offsets a person may set, each between these bounds (in the rule's unit).
OFFSET_BOUNDS = (0, 365)


def rules_for(event: str) -> list[Rule]:
    """The rules that answer ``event``, in table order."""
    return [rule for rule in RULES if event in rule.events]


def kinds_in_plan(event: str) -> set[str]:
    """Every kind an event's plan may hold, including what doing its steps leads to."""
    kinds = {rule.kind for rule in rules_for(event)}
    for done_kind, follow_event in EVENT_WHEN_DONE.items():
        if done_kind in kinds:
            kinds |= {rule.kind for rule in rules_for(follow_event)}
    return kinds


def offset_for(rule: Rule, offsets: dict) -> int:
    """The person's own offset for a rule, or the table's default."""
    value = offsets.get(rule.key, rule.offset)
    low, high = OFFSET_BOUNDS
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return rule.offset
    return value

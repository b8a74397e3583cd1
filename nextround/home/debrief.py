"""After an interview: how it went, the questions asked, the journey's costs, the answer's day.

One workflow for every door. The how-it-went page calls ``record_debrief``,
and so may a capture sent from a phone: the interview's own fields go
through ``save_interview`` (so a promised decision day starts its chase), the
questions through ``capture_questions`` (each with the category its words
suggest unless one is chosen), and each cost through ``save_expense`` (so
the claim step follows). Everything is checked and saved together, or
nothing is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from nextround.core.currencies import DEFAULT_CURRENCY
from nextround.expenses.claims import save_expense
from nextround.expenses.models import Expense, ExpenseCategory
from nextround.jobs.models import Interview
from nextround.network.interviews import save_interview
from nextround.questions.capture import CaptureResult, Choice, capture_questions

# The interview's fields a debrief may set: the rest of the interview is left as it is.
DEBRIEF_FIELDS = ("self_assessment", "feeling", "decision_promised_by")

# Bullets and numbers people type in front of a question.
LINE_MARKER = re.compile(r"^\s*(?:[-*•·\u2013\u2014>]+|\(?\d{1,3}[.)]|q\d*\s*[:.)])\s*", re.I)


@dataclass(frozen=True)
class Cost:
    """One cost of getting to the interview."""

    amount: Decimal
    category: str = ExpenseCategory.TRAIN
    currency: str = DEFAULT_CURRENCY
    description: str = ""


@dataclass
class DebriefResult:
    """What a debrief stored: the questions it added or linked, and the costs."""

    questions: CaptureResult = field(default_factory=CaptureResult)
    expenses: list[Expense] = field(default_factory=list)


def questions_from_lines(text: str) -> list[str]:
    """The questions typed one per line, without their bullets, each once."""
    found: list[str] = []
    for line in text.splitlines():
        question = re.sub(r"\s+", " ", LINE_MARKER.sub("", line, count=1)).strip()
        if question and question.casefold() not in {known.casefold() for known in found}:
            found.append(question[0].upper() + question[1:])
    return found


def record_debrief(
    user,
    interview: Interview,
    *,
    interview_values: dict | None = None,
    questions: list[Choice] | None = None,
    costs: list[Cost] | None = None,
    unprepared: bool = False,
) -> DebriefResult:
    """Keep what the person noted after the interview; all of it, or nothing.

    ``interview_values`` holds any of ``self_assessment`` (how it went, in a
    few words), ``feeling`` (1 to 5) and ``decision_promised_by``; only the
    keys given change. ``questions`` are added to the bank (or joined to the
    question named by ``merge_into``), linked to the interview. Each of
    ``costs`` becomes an expense of the interview. A ``ValidationError``
    names the field, and nothing is stored.
    """
    values = dict(interview_values or {})
    unknown = set(values) - set(DEBRIEF_FIELDS)
    if unknown:
        raise ValueError(f"Not part of a debrief: {', '.join(sorted(unknown))}")
    result = DebriefResult()
    with transaction.atomic():
        if values:
            save_interview(user, interview, values)
        if questions:
            result.questions = capture_questions(
                interview, user, list(questions), unprepared=unprepared
            )
        for cost in costs or ():
            expense = Expense(
                owner=user,
                interview=interview,
                amount=cost.amount,
                category=cost.category,
                currency=cost.currency,
                description=cost.description,
            )
            result.expenses.append(save_expense(expense))
    return result

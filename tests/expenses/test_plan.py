"""Expenses and the playbook: spending on an interview earns a claim step."""

import datetime

import time_machine

from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind
from nextround.playbook.plan import record_outcome
from tests.expenses.factories import ExpenseFactory
from tests.factories import InterviewFactory


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_a_video_interview_with_expenses_gets_a_claim_step(user):
    spent = InterviewFactory(owner=user, format=InterviewFormat.VIDEO)
    ExpenseFactory(owner=user, interview=spent, category="other", description="Printing")
    record_outcome(spent.application, "rejected", datetime.date(2026, 11, 19))
    assert Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES, interview=spent).exists()


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_a_video_interview_without_expenses_gets_none(user):
    nothing = InterviewFactory(owner=user, format=InterviewFormat.VIDEO)
    record_outcome(nothing.application, "rejected", datetime.date(2026, 11, 19))
    assert not Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES).exists()

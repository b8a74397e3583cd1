"""Counts read right, an intro is said once, and the after-a-no links wait for a no."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nextround.jobs.models import Outcome
from nextround.playbook.models import ActionKind
from nextround.playbook.rules import RULES
from tests.expenses.factories import ExpenseFactory
from tests.factories import ApplicationFactory, InterviewFactory
from tests.home.test_page_words import visible_text
from tests.playbook.factories import ActionFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_one_expense_on_a_claim_moves_in_the_singular(user, user_client):
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview, amount=Decimal("12.00"))
    page = visible_text(
        user_client.get(reverse("expenses:claim", args=[interview.pk])).content.decode()
    )
    assert "the expense below moves to “asked”" in page
    assert "1 expense below move" not in page


def test_two_expenses_on_a_claim_move_in_the_plural(user, user_client):
    interview = InterviewFactory(owner=user)
    ExpenseFactory.create_batch(2, owner=user, interview=interview, amount=Decimal("3.00"))
    page = visible_text(
        user_client.get(reverse("expenses:claim", args=[interview.pk])).content.decode()
    )
    assert "the 2 expenses below move to “asked”" in page


def test_one_problem_in_an_import_is_one_problem(user_client):
    upload = SimpleUploadedFile("bad.csv", b"Company,Title\n,Guide\n", content_type="text/csv")
    page = visible_text(
        user_client.post("/applications/import/", {"file": upload}).content.decode()
    )
    assert "Nothing was imported: 1 problem to fix" in page
    assert "1 problems" not in page


def test_a_question_asked_once_says_once(user, user_client):
    question = QuestionFactory(owner=user)
    question.interviews.add(InterviewFactory(owner=user))
    page = visible_text(user_client.get(reverse("questions:questions")).content.decode())
    assert "once" in page
    assert "1 time " not in page


@pytest.mark.parametrize(
    ("kind", "intro"),
    [
        (ActionKind.CLAIM_EXPENSES, "pay interview travel back if you ask"),
        (ActionKind.FIND_WINNER, "updated their profile"),
        (ActionKind.REVIEW_NOTES, "While it is fresh"),
        (ActionKind.REAPPLY_WATCH, "No grudges"),
    ],
)
def test_a_steps_intro_is_said_once(user, user_client, kind, intro):
    application = ApplicationFactory(owner=user, outcome=Outcome.REJECTED)
    interview = InterviewFactory(owner=user, application=application)
    action = ActionFactory(owner=user, kind=kind, application=application, interview=interview)
    action.note = next(rule.note for rule in RULES if rule.kind == kind)
    action.save()
    page = visible_text(user_client.get(action.get_absolute_url()).content.decode())
    assert page.count(intro) <= 1, page


def test_who_got_the_job_and_apply_again_wait_for_the_outcome(user, user_client):
    application = ApplicationFactory(owner=user, outcome="")
    InterviewFactory(owner=user, application=application)
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert "Who got the job" not in page
    assert "Apply again" not in page

    application.outcome = Outcome.REJECTED
    application.save()
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert "Who got the job" in page
    assert "Apply again" in page


def test_an_offer_asks_nobody_who_got_the_job(user, user_client):
    application = ApplicationFactory(owner=user, outcome=Outcome.OFFERED)
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert "Who got the job" not in page

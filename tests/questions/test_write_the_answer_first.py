"""Practice shows questions from the start, and an unwritten answer is asked for before any review."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextround.questions.models import Category, Question
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_practice_with_the_default_filters_shows_the_first_question(user, user_client):
    QuestionFactory(owner=user, text="Why archives?", answer="Because of the boxes.")
    QuestionFactory(owner=user, text="Why libraries?", answer="Because of the readers.")
    page = user_client.get(reverse("questions:practice")).content.decode()
    assert "Question 1 of 2" in page
    assert "Why archives?" in page


def test_a_filter_that_leaves_nothing_says_so_and_offers_the_whole_bank(user, user_client):
    QuestionFactory(owner=user, category=Category.COMPETENCY, answer="Yes")
    page = user_client.get(
        reverse("questions:practice"), {"category": Category.CURVEBALL}
    ).content.decode()
    assert "Nothing matches all of these" in page
    assert f'href="{reverse("questions:practice")}"' in page
    assert "your 1 question</a>" in page


def test_practice_on_an_empty_bank_points_to_the_starter_questions(user, user_client):
    page = user_client.get(reverse("questions:practice")).content.decode()
    assert "Your bank has no questions yet" in page
    assert reverse("questions:starter") in page


def test_practice_of_another_organisation_s_questions_keeps_to_them(user, user_client):
    asked = InterviewFactory(owner=user, application__organisation__name="Harbour Gallery")
    mine = QuestionFactory(owner=user, text="What would you hang first?", answer="A map")
    mine.interviews.add(asked)
    QuestionFactory(owner=user, text="Something else entirely?", answer="No")
    organisation = asked.application.organisation
    page = user_client.get(
        reverse("questions:practice"), {"organisation": organisation.pk}
    ).content.decode()
    assert "Question 1 of 1" in page and "What would you hang first?" in page


def test_review_of_an_unanswered_question_asks_for_the_answer_and_offers_no_rating(
    user, user_client
):
    question = QuestionFactory(owner=user, text="Why this museum?")
    page = user_client.get(reverse("questions:review")).content.decode()
    assert "You have not written an answer to this one yet" in page
    assert reverse("questions:question_answer", args=[question.pk]) in page
    assert "How well did you remember it?" not in page
    assert 'name="rating"' not in page


def test_rating_an_unanswered_question_is_refused(user, user_client):
    question = QuestionFactory(owner=user)
    response = user_client.post(
        reverse("questions:review_rate", args=[question.pk]), {"rating": "good"}, follow=True
    )
    assert "Write your answer first" in response.content.decode()
    assert not question.reviews.exists()


def test_once_written_the_answer_is_revealed_and_can_be_rated(user, user_client):
    question = QuestionFactory(owner=user, text="Why this museum?", needs_rework=True)
    response = user_client.post(
        reverse("questions:question_answer", args=[question.pk]),
        {"answer": "Its collection of maps.", "next": reverse("questions:review")},
    )
    assert response.url == reverse("questions:review")
    question.refresh_from_db()
    assert (question.answer, question.needs_rework) == ("Its collection of maps.", False)
    page = user_client.get(reverse("questions:review")).content.decode()
    assert "Its collection of maps." in page
    assert "How well did you remember it?" in page


def test_an_empty_answer_is_refused_naming_the_answer(user, user_client):
    question = QuestionFactory(owner=user)
    response = user_client.post(
        reverse("questions:question_answer", args=[question.pk]),
        {"answer": "   ", "next": "https://elsewhere.example/"},
        follow=True,
    )
    assert "Answer:" in response.content.decode()
    # A "next" on another site is not followed.
    assert response.redirect_chain[0][0] == question.get_absolute_url()
    question.refresh_from_db()
    assert question.answer == ""


def test_practice_asks_for_a_missing_answer_too(user, user_client):
    QuestionFactory(owner=user, text="Why this museum?")
    page = user_client.get(reverse("questions:practice")).content.decode()
    assert "You have not written an answer to this one yet" in page
    assert "Show the answer" not in page


def test_an_unanswered_question_can_be_left_for_later_in_the_session(user, user_client):
    first = QuestionFactory(owner=user, text="Aaa, no answer yet?")
    QuestionFactory(owner=user, text="Bbb, answered?", answer="Yes")
    page = user_client.get(reverse("questions:review")).content.decode()
    assert "Aaa, no answer yet?" in page
    later = user_client.get(reverse("questions:review"), {"later": str(first.pk)})
    assert "Bbb, answered?" in later.content.decode()


def test_the_terminal_asks_for_the_answer_before_the_rating(user):
    question = QuestionFactory(owner=user, text="Why maps?")
    out = io.StringIO()
    call_command(
        "review",
        "--user",
        user.username,
        stdin=io.StringIO("They tell stories\n\n3\n"),
        stdout=out,
    )
    question.refresh_from_db()
    assert "No answer written yet" in out.getvalue()
    assert question.answer == "They tell stories"
    assert question.reviews.get().rating == "good"


def test_the_terminal_leaves_an_unanswered_question_for_later_on_enter(user):
    QuestionFactory(owner=user, text="Why maps?")
    out = io.StringIO()
    call_command("review", "--user", user.username, stdin=io.StringIO("\n"), stdout=out)
    assert "Reviewed 0." in out.getvalue()
    assert not Question.objects.get().reviews.exists()


def test_practice_costs_the_same_queries_for_a_small_bank_and_a_large_one(user, user_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert user_client.get(reverse("questions:practice")).status_code == 200
        return len(captured)

    QuestionFactory.create_batch(3, owner=user, answer="Yes")
    queries()  # The first visit of a session does a little more.
    small = queries()
    QuestionFactory.create_batch(30, owner=user, answer="Yes")
    assert queries() == small

"""The mock interview: a chosen set one at a time; each rating is a review."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from nextround.questions.models import Review
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def test_the_chosen_set_comes_one_question_at_a_time_with_the_timer_length(user, user_client):
    QuestionFactory(owner=user, text="Tell us about a tricky loan", tricky=True)
    QuestionFactory(owner=user, text="Why archives?")

    page = user_client.get("/questions/practice/mock/", {"only": "tricky", "minutes": "3"})

    assert [q.text for q in page.context["questions"]] == ["Tell us about a tricky loan"]
    assert 'data-seconds="180"' in page.content.decode()


def test_due_ones_are_those_whose_review_has_come(user, user_client):
    QuestionFactory(owner=user, text="Due now", due=timezone.now() - datetime.timedelta(days=1))
    QuestionFactory(owner=user, text="Due later", due=timezone.now() + datetime.timedelta(days=9))

    page = user_client.get("/questions/practice/mock/", {"only": "due", "minutes": ""})

    assert [q.text for q in page.context["questions"]] == ["Due now"]
    assert page.context["seconds"] == 120


def test_a_rating_is_a_review_and_the_next_question_follows(user, user_client):
    first = QuestionFactory(owner=user, text="A first question?")
    QuestionFactory(owner=user, text="B second question?")
    query = "only=&minutes=2"

    answer = user_client.post(
        "/questions/practice/mock/",
        {"question": first.pk, "rating": "good", "position": "0", "query": query},
    )

    assert answer.status_code == 302
    assert "position=1" in answer["Location"]
    assert Review.objects.get(question=first).rating == "good"
    following = user_client.get(answer["Location"])
    assert following.context["current"].text == "B second question?"


def test_rating_someone_elses_question_is_not_found(user, other_user, user_client):
    theirs = QuestionFactory(owner=other_user)

    answer = user_client.post(
        "/questions/practice/mock/", {"question": theirs.pk, "rating": "easy"}
    )

    assert answer.status_code == 404
    assert not Review.objects.exists()


def test_without_javascript_the_page_points_to_plain_practice(user, user_client):
    QuestionFactory(owner=user)

    page = user_client.get("/questions/practice/mock/", {"minutes": "2"}).content.decode()

    assert "<noscript>" in page
    assert "/questions/practice/" in page
    assert "never uploaded" in page

"""The review session, stats, daily limits in Settings, Today's count, and the terminal."""

from __future__ import annotations

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from nextround.questions.models import Rating, ReviewPreferences
from nextround.questions.scheduling import record_review
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def test_the_session_shows_the_question_with_the_answer_behind_a_reveal(user, user_client):
    QuestionFactory(owner=user, text="Why archives?", star_result="Forty boxes listed")
    page = user_client.get(reverse("questions:review")).content.decode()
    assert "Why archives?" in page
    assert page.index("Show the answer") < page.index("Forty boxes listed")
    for key, label in enumerate(["Again", "Hard", "Good", "Easy"], start=1):
        assert f'data-key="{key}"' in page
        assert label in page
    assert "1 min" in page and "10 min" in page


def test_rating_moves_on_to_the_next_question(user, user_client):
    with time_machine.travel(START, tick=False):
        first = QuestionFactory(owner=user, text="First question here?", answer="Mine")
        QuestionFactory(owner=user, text="Second question here?", answer="Mine too")
        response = user_client.post(
            reverse("questions:review_rate", args=[first.pk]), {"rating": "easy"}
        )
        assert response.url == reverse("questions:review")
        page = user_client.get(reverse("questions:review")).content.decode()
    assert "Second question here?" in page
    assert first.reviews.get().rating == Rating.EASY


def test_with_htmx_the_rating_answers_with_the_next_question(user, user_client):
    with time_machine.travel(START, tick=False):
        first = QuestionFactory(owner=user, text="First question here?", answer="Mine")
        QuestionFactory(owner=user, text="Second question here?", answer="Mine too")
        response = user_client.post(
            reverse("questions:review_rate", args=[first.pk]),
            {"rating": "good"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Second question here?" in page and 'id="main"' in page
    assert first.reviews.get().rating == Rating.GOOD


def test_with_htmx_a_slipping_answer_still_says_so(user, user_client):
    question = QuestionFactory(owner=user, answer="A first try")
    url = reverse("questions:review_rate", args=[question.pk])
    for _ in range(3):
        response = user_client.post(url, {"rating": "again"}, headers={"HX-Request": "true"})
    assert "rework this answer" in response.content.decode()


def test_an_unknown_rating_changes_nothing(user, user_client):
    question = QuestionFactory(owner=user)
    user_client.post(reverse("questions:review_rate", args=[question.pk]), {"rating": "wow"})
    assert not question.reviews.exists()


def test_repeated_again_says_the_answer_may_need_rework(user, user_client):
    question = QuestionFactory(owner=user, answer="A first try")
    url = reverse("questions:review_rate", args=[question.pk])
    for _ in range(3):
        response = user_client.post(url, {"rating": "again"}, follow=True)
    assert "rework this answer" in response.content.decode()
    question.refresh_from_db()
    assert question.needs_rework


def test_the_session_says_kindly_when_the_day_is_done(user, user_client):
    ReviewPreferences.objects.create(user=user, new_per_day=0)
    QuestionFactory(owner=user)
    page = user_client.get(reverse("questions:review")).content.decode()
    assert "Nothing to review right now" in page


def test_another_users_question_cannot_be_rated(other_user, user_client):
    question = QuestionFactory(owner=other_user)
    response = user_client.post(
        reverse("questions:review_rate", args=[question.pk]), {"rating": "good"}
    )
    assert response.status_code == 404
    assert not question.reviews.exists()


def test_the_stats_page_shows_retention_forecast_and_a_heatmap_without_streaks(user, user_client):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        record_review(question, Rating.EASY)
    question.refresh_from_db()
    with time_machine.travel(question.due, tick=False):
        record_review(question, Rating.GOOD)
        page = user_client.get(reverse("questions:stats")).content.decode()
    assert "1 of 1 remembered" in page
    assert "retention" not in page.lower()
    assert 'class="heatmap"' in page
    assert "The next 30 days" in page
    assert "Days in a row" not in page


def test_the_streak_appears_only_when_turned_on(user, user_client):
    ReviewPreferences.objects.create(user=user, show_streak=True)
    record_review(QuestionFactory(owner=user), Rating.GOOD)
    page = user_client.get(reverse("questions:stats")).content.decode()
    assert "Days in a row" in page


def test_daily_limits_are_set_in_settings(user, user_client):
    page = user_client.get(reverse("accounts:settings")).content.decode()
    assert "New questions per day" in page
    response = user_client.post(
        reverse("questions:preferences"), {"new_per_day": "4", "reviews_per_day": "30"}
    )
    assert response.status_code == 302
    preferences = ReviewPreferences.for_user(user)
    assert (preferences.new_per_day, preferences.reviews_per_day) == (4, 30)


def test_a_negative_limit_is_refused(user, user_client):
    user_client.post(
        reverse("questions:preferences"), {"new_per_day": "-1", "reviews_per_day": "30"}
    )
    assert ReviewPreferences.for_user(user).new_per_day == 10


def test_today_shows_how_many_reviews_are_waiting(user, user_client):
    QuestionFactory.create_batch(3, owner=user)
    page = user_client.get(reverse("today")).content.decode()
    assert "3 questions to review today" in page


def test_the_terminal_session_reviews_until_told_to_stop(user):
    first = QuestionFactory(owner=user, text="Why museums?", star_action="I said so")
    QuestionFactory(owner=user, text="Why galleries?")
    out = io.StringIO()
    call_command("review", "--user", user.username, stdin=io.StringIO("\n3\n\nq\n"), stdout=out)
    text = out.getvalue()
    assert "Why museums?" in text
    assert "I said so" in text
    assert "Reviewed 1." in text
    assert first.reviews.get().rating == Rating.GOOD


def test_the_terminal_session_says_when_nothing_is_due(user):
    out = io.StringIO()
    call_command("review", "--user", user.username, stdin=io.StringIO(""), stdout=out)
    assert "Nothing to review" in out.getvalue()

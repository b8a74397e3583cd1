"""Spaced review over simulated weeks, daily limits, the rework flag, and practice."""

from __future__ import annotations

import datetime
import itertools

import pytest
import time_machine
from django.utils import timezone

from nextround.questions.models import Question, Rating, ReviewPreferences
from nextround.questions.practice import practice_questions
from nextround.questions.scheduling import (
    as_utc,
    daily_allowance,
    describe_interval,
    next_intervals,
    record_review,
    review_queue,
)
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory
from tests.questions.factories import QuestionFactory

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def test_it_keeps_review_times_in_the_utc_fsrs_wants():
    moment = timezone.make_aware(datetime.datetime(2026, 6, 1, 10, 0))
    assert as_utc(moment).tzinfo is datetime.UTC
    assert as_utc(moment) == moment


@pytest.mark.django_db
def test_it_spaces_a_well_known_question_further_apart_each_time(user):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
    gaps = []
    moment = START
    for _ in range(6):
        with time_machine.travel(moment, tick=False):
            review = record_review(question, Rating.GOOD)
        gaps.append(review.due_after - moment)
        moment = review.due_after
    question.refresh_from_db()
    # Two learning steps inside the first day, then growing gaps measured in days.
    assert gaps[0] < datetime.timedelta(hours=1)
    assert gaps[2] >= datetime.timedelta(days=1)
    assert all(later > earlier for earlier, later in itertools.pairwise(gaps[2:]))
    assert question.reviews.count() == 6
    assert question.card["card_id"] == question.pk
    assert question.due == review.due_after


@pytest.mark.django_db
def test_it_brings_a_forgotten_question_back_soon(user):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        record_review(question, Rating.EASY)
    question.refresh_from_db()
    later = question.due
    with time_machine.travel(later, tick=False):
        review = record_review(question, Rating.AGAIN)
    assert review.was_mature
    assert review.due_after - later <= datetime.timedelta(minutes=10)


@pytest.mark.django_db
def test_it_shows_due_questions_only_once_their_day_comes(user):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        record_review(question, Rating.EASY)
        assert review_queue(user) == []
    question.refresh_from_db()
    with time_machine.travel(question.due - datetime.timedelta(hours=1), tick=False):
        assert review_queue(user) == []
    with time_machine.travel(question.due + datetime.timedelta(minutes=1), tick=False):
        assert review_queue(user) == [question]


@pytest.mark.django_db
def test_it_offers_intervals_that_match_what_the_rating_then_does(user):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        intervals = next_intervals(question)
        review = record_review(question, Rating.EASY)
    assert intervals[Rating.AGAIN] < intervals[Rating.GOOD] < intervals[Rating.EASY]
    assert review.due_after - START == intervals[Rating.EASY]


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (datetime.timedelta(minutes=1), "1 min"),
        (datetime.timedelta(minutes=10), "10 min"),
        (datetime.timedelta(hours=5), "5 h"),
        (datetime.timedelta(days=1), "1 day"),
        (datetime.timedelta(days=12), "12 days"),
        (datetime.timedelta(days=62), "2 months"),
        (datetime.timedelta(days=400), "1.1 years"),
    ],
)
def test_it_describes_intervals_briefly(interval, text):
    assert describe_interval(interval) == text


@pytest.mark.django_db
def test_it_brings_in_only_so_many_new_questions_a_day(user):
    ReviewPreferences.objects.create(user=user, new_per_day=3, reviews_per_day=50)
    with time_machine.travel(START, tick=False):
        QuestionFactory.create_batch(5, owner=user)
        assert len(review_queue(user)) == 3
        for question in review_queue(user):
            record_review(question, Rating.EASY)
        assert review_queue(user) == []
        assert daily_allowance(user).new_waiting == 2
    with time_machine.travel(START + datetime.timedelta(days=1), tick=False):
        assert len([q for q in review_queue(user) if q.last_reviewed_at is None]) == 2


@pytest.mark.django_db
def test_it_stops_reviews_at_the_daily_limit_and_carries_them_over(user):
    ReviewPreferences.objects.create(user=user, new_per_day=20, reviews_per_day=2)
    with time_machine.travel(START, tick=False):
        questions = QuestionFactory.create_batch(4, owner=user)
        for question in questions:
            record_review(question, Rating.EASY)
    Question.objects.filter(owner=user).update(due=START + datetime.timedelta(days=3))
    with time_machine.travel(START + datetime.timedelta(days=4), tick=False):
        assert len(review_queue(user)) == 2
        for question in review_queue(user):
            record_review(question, Rating.GOOD)
        assert review_queue(user) == []
        assert daily_allowance(user).reviews_due == 2
    with time_machine.travel(START + datetime.timedelta(days=5), tick=False):
        assert len(review_queue(user)) == 2


@pytest.mark.django_db
def test_it_flags_an_answer_forgotten_three_times_running(user):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        record_review(question, Rating.AGAIN)
        record_review(question, Rating.AGAIN)
        question.refresh_from_db()
        assert not question.needs_rework
        record_review(question, Rating.AGAIN)
    question.refresh_from_db()
    assert question.needs_rework


@pytest.mark.django_db
def test_it_does_not_flag_a_question_remembered_in_between(user):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        for rating in (Rating.AGAIN, Rating.GOOD, Rating.AGAIN, Rating.AGAIN):
            record_review(question, rating)
    question.refresh_from_db()
    assert not question.needs_rework


@pytest.mark.django_db
def test_it_refuses_an_unknown_rating(user):
    question = QuestionFactory(owner=user)
    with pytest.raises(ValueError):
        record_review(question, "brilliant")
    assert question.reviews.count() == 0


@pytest.mark.django_db
def test_practice_leaves_the_schedule_untouched(user, user_client):
    organisation = OrganisationFactory(owner=user, name="Harbour Museum")
    interview = InterviewFactory(
        owner=user, application=ApplicationFactory(owner=user, organisation=organisation)
    )
    with time_machine.travel(START, tick=False):
        asked = QuestionFactory(owner=user, text="Why the Harbour Museum?")
        asked.interviews.add(interview)
        record_review(asked, Rating.GOOD)
    QuestionFactory(owner=user, text="Unrelated question?", category="motivation")
    asked.refresh_from_db()
    before = (asked.card, asked.due, asked.reviews.count())

    assert list(practice_questions(user, organisation=organisation)) == [asked]
    for position in range(2):
        response = user_client.get(
            "/questions/practice/", {"organisation": organisation.pk, "position": position}
        )
        assert response.status_code == 200
    asked.refresh_from_db()
    assert (asked.card, asked.due, asked.reviews.count()) == before


@pytest.mark.django_db
def test_practice_narrows_by_role_and_category(user):
    application = ApplicationFactory(owner=user, role="Assistant Archivist")
    interview = InterviewFactory(owner=user, application=application)
    archive_question = QuestionFactory(owner=user, category="role_specific")
    archive_question.interviews.add(interview)
    QuestionFactory(owner=user, category="role_specific")
    assert list(practice_questions(user, role="archivist")) == [archive_question]
    assert len(practice_questions(user, category="role_specific")) == 2
    assert list(practice_questions(user, role="archivist", category="motivation")) == []

"""The demo story's question bank: questions from Sam's interviews, answers, weeks of reviews."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.home import demo
from nextround.questions import stats
from nextround.questions.models import Question, QuestionToAsk, Review

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_the_story_has_a_question_bank_with_a_review_history():
    story = demo.build()
    bank = Question.objects.filter(owner=story.user)
    visitors = bank.get(text="How would you deal with a difficult visitor?")
    assert set(visitors.interviews.all()) == {
        story.interviews["volunteer_first"],
        story.interviews["volunteer_second"],
    }
    assert visitors.has_star and visitors.tricky
    assert bank.filter(needs_rework=True).count() == 1
    assert bank.exclude(starter_key="").count() == 8
    assert Review.objects.filter(owner=story.user).count() >= 10
    assert stats.true_retention(story.user).total > 0
    upcoming = QuestionToAsk.objects.filter(interviews=story.interviews["upcoming"])
    assert upcoming.count() == 2

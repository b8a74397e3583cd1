"""The streak counts days in a row with a review, ending today or yesterday."""

import datetime

import pytest

from nextround.questions.models import Review
from nextround.questions.stats import streak
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 4)


def _reviewed(user, *days_ago: int) -> None:
    question = QuestionFactory(owner=user)
    Review.objects.bulk_create(
        Review(
            owner=user,
            question=question,
            rating="good",
            reviewed_at=datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC)
            - datetime.timedelta(days=days),
            due_after=datetime.datetime(2026, 3, 10, tzinfo=datetime.UTC),
        )
        for days in days_ago
    )


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [
        ((), 0),
        ((0, 0, 1, 2, 4), 3),  # today, yesterday and the day before; then a gap
        ((1, 2, 2, 3), 3),  # nothing yet today: the streak still ends yesterday
        ((2, 3), 0),  # the last review was two days ago
        ((0,), 1),
    ],
)
def test_the_streak_stops_at_the_first_day_without_a_review(user, days_ago, expected):
    _reviewed(user, *days_ago)
    assert streak(user, TODAY) == expected

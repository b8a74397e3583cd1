"""Spaced review with FSRS: when each question comes back, and how many come back today.

The fsrs card lives in ``Question.card`` as JSON (``Card.to_dict()``), the
question's id is the card id, and ``Question.due`` mirrors ``card.due`` so the
queue is one indexed query. fsrs insists on ``datetime.timezone.utc`` (not
``ZoneInfo("UTC")``), so every datetime handed to it goes through :func:`as_utc`.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from fsrs import Card, Scheduler, State
from fsrs import Rating as FsrsRating

from nextround.questions.models import Question, Rating, Review, ReviewPreferences

# Fuzzing spreads reviews over nearby days at random; without it the interval shown on
# each button is exactly the one the question gets, which matters more here.
SCHEDULER = Scheduler(enable_fuzzing=False)

FSRS_RATINGS = {
    Rating.AGAIN: FsrsRating.Again,
    Rating.HARD: FsrsRating.Hard,
    Rating.GOOD: FsrsRating.Good,
    Rating.EASY: FsrsRating.Easy,
}

# "Again" this many times in a row suggests the answer itself needs work, not more drilling.
REWORK_AFTER = 3


def as_utc(moment: datetime.datetime | None = None) -> datetime.datetime:
    """``moment`` (or now) with fsrs's own UTC tzinfo."""
    return (moment or timezone.now()).astimezone(datetime.UTC)


def card_of(question: Question) -> Card:
    """The question's fsrs card; a question never reviewed gets a fresh one, due now."""
    if question.card:
        card = Card.from_dict(question.card)
        # An imported bank keeps its cards but gets new ids; the card follows the question.
        card.card_id = question.pk
        return card
    return Card(card_id=question.pk, due=as_utc(question.due))


def next_due_times(
    question: Question, now: datetime.datetime | None = None
) -> dict[str, datetime.datetime]:
    """When the question would come back after each rating, without rating it."""
    now = as_utc(now)
    card = card_of(question)
    return {
        rating: SCHEDULER.review_card(card, fsrs_rating, now)[0].due
        for rating, fsrs_rating in FSRS_RATINGS.items()
    }


def next_intervals(
    question: Question, now: datetime.datetime | None = None
) -> dict[str, datetime.timedelta]:
    """How long until the question comes back after each rating."""
    now = as_utc(now)
    return {rating: due - now for rating, due in next_due_times(question, now).items()}


def describe_interval(interval: datetime.timedelta) -> str:
    """A short human interval for a button: "10 min", "5 h", "3 days", "2 months"."""
    minutes = max(1, round(interval.total_seconds() / 60))
    if minutes < 60:
        return f"{minutes} min"
    hours = round(minutes / 60)
    if hours < 24:
        return f"{hours} h"
    days = round(hours / 24)
    if days < 31:
        return "1 day" if days == 1 else f"{days} days"
    if days < 365:
        months = round(days / 30.4)
        return "1 month" if months == 1 else f"{months} months"
    years = round(days / 365, 1)
    return f"{years:g} year" if years == 1 else f"{years:g} years"


def record_review(question: Question, rating: str, now: datetime.datetime | None = None) -> Review:
    """Rate a question: move its card on, log the review, flag an answer that keeps failing.

    ``rating`` is one of :class:`Rating`'s values; anything else is a ValueError.
    """
    rating = Rating(rating)
    now = as_utc(now)
    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        card = card_of(question)
        was_new = question.last_reviewed_at is None
        was_mature = not was_new and card.state == State.Review
        card, _log = SCHEDULER.review_card(card, FSRS_RATINGS[rating], now)
        question.card = card.to_dict()
        question.due = card.due
        question.last_reviewed_at = now
        if rating == Rating.AGAIN:
            earlier = list(
                question.reviews.order_by("-reviewed_at", "-id").values_list("rating", flat=True)[
                    : REWORK_AFTER - 1
                ]
            )
            if len(earlier) == REWORK_AFTER - 1 and all(r == Rating.AGAIN for r in earlier):
                question.needs_rework = True
        # An update, not save(): nothing a search looks for changes when a
        # question is rated, so its search entry is left alone.
        Question.objects.filter(pk=question.pk).update(
            card=question.card,
            due=question.due,
            last_reviewed_at=question.last_reviewed_at,
            needs_rework=question.needs_rework,
            updated_at=timezone.now(),
        )
        return Review.objects.create(
            owner=question.owner,
            question=question,
            rating=rating,
            reviewed_at=now,
            was_new=was_new,
            was_mature=was_mature,
            due_after=card.due,
        )


def start_of_today(now: datetime.datetime | None = None) -> datetime.datetime:
    """Midnight at the start of the local day: daily limits reset then."""
    local = timezone.localtime(now or timezone.now())
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class DailyAllowance:
    """How many reviews and new questions are left for today, and how many wait beyond that."""

    reviews_left: int
    new_left: int
    reviews_due: int
    new_waiting: int

    @property
    def reviews_now(self) -> int:
        return min(self.reviews_left, self.reviews_due)

    @property
    def new_now(self) -> int:
        return min(self.new_left, self.new_waiting)

    @property
    def total_now(self) -> int:
        return self.reviews_now + self.new_now


def daily_allowance(user, now: datetime.datetime | None = None) -> DailyAllowance:
    """Today's counts under the user's limits, in three queries whatever the bank's size."""
    now = now or timezone.now()
    preferences = ReviewPreferences.for_user(user)
    done = Review.objects.filter(owner=user, reviewed_at__gte=start_of_today(now)).aggregate(
        new=Count("id", filter=Q(was_new=True)), reviews=Count("id", filter=Q(was_new=False))
    )
    waiting = Question.objects.for_user(user).aggregate(
        due=Count("id", filter=Q(last_reviewed_at__isnull=False, due__lte=now)),
        new=Count("id", filter=Q(last_reviewed_at__isnull=True)),
    )
    return DailyAllowance(
        reviews_left=max(0, preferences.reviews_per_day - done["reviews"]),
        new_left=max(0, preferences.new_per_day - done["new"]),
        reviews_due=waiting["due"],
        new_waiting=waiting["new"],
    )


def review_queue(user, now: datetime.datetime | None = None) -> list[Question]:
    """The questions to review now, oldest due first, then new ones, within today's limits."""
    now = now or timezone.now()
    allowance = daily_allowance(user, now)
    questions = Question.objects.for_user(user)
    due = list(questions.seen().due(now).order_by("due", "id")[: allowance.reviews_left])
    new = list(questions.new().order_by("created_at", "id")[: allowance.new_left])
    return due + new


def next_in_queue(
    user,
    now: datetime.datetime | None = None,
    allowance: DailyAllowance | None = None,
    *,
    later: Collection[int] = (),
) -> Question | None:
    """The one question to show next in a review session, or None when today is done.

    The head of :func:`review_queue` without reading the rest of it: the
    oldest due question while today's reviews last, then the oldest new one,
    each one indexed query whatever the bank's size. ``later`` holds the ids
    of questions the person chose to leave for now (one with no answer yet,
    say); they are passed over in this session.
    """
    now = now or timezone.now()
    allowance = allowance or daily_allowance(user, now)
    questions = Question.objects.for_user(user)
    # The most a session can have set aside is a day's allowance.
    later = list(later)[-(allowance.reviews_left + allowance.new_left + 1) :]
    heads = (
        (questions.seen().due(now).order_by("due", "id"), allowance.reviews_left),
        (questions.new().order_by("created_at", "id"), allowance.new_left),
    )
    for candidates, allowed in heads:
        if not allowed:
            continue
        if later:
            # Within today's allowance, as review_queue counts it, less those set aside.
            within = candidates[:allowed].values("pk")
            found = candidates.filter(pk__in=within).exclude(pk__in=later).first()
        else:
            found = candidates.first()
        if found is not None:
            return found
    return None

"""The question bank: questions met in interviews, their answers, their review state."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from nextround.core.models import OwnedModel, OwnedQuerySet


class Category(models.TextChoices):
    MOTIVATION = "motivation", "Motivation"
    COMPETENCY = "competency", "Competency"
    SITUATIONAL = "situational", "Situational"
    SECTOR_KNOWLEDGE = "sector_knowledge", "Sector knowledge"
    ROLE_SPECIFIC = "role_specific", "Role-specific"
    STRENGTHS = "strengths", "Strengths and weaknesses"
    CURVEBALL = "curveball", "Curveball"
    OTHER = "other", "Other"


# The prompts beside each STAR box: one line each, so they guide without lecturing.
STAR_HINTS = {
    "situation": "Where and when: set the scene in a sentence or two.",
    "task": "What you had to do, or what was at stake.",
    "action": "What you did yourself: say “I”, not “we”.",
    "result": "What changed, with a number if you have one, and what you learned.",
}


class QuestionQuerySet(OwnedQuerySet):
    def due(self, now) -> QuestionQuerySet:
        """Questions whose next review has come."""
        return self.filter(due__lte=now)

    def new(self) -> QuestionQuerySet:
        """Questions never reviewed yet."""
        return self.filter(last_reviewed_at__isnull=True)

    def seen(self) -> QuestionQuerySet:
        return self.filter(last_reviewed_at__isnull=False)


class Question(OwnedModel):
    """A question met (or expected) in an interview, with the answer being worked out."""

    text = models.CharField(max_length=1000)
    category = models.CharField(max_length=30, choices=Category, default=Category.OTHER)
    tricky = models.BooleanField(default=False, help_text="It caught you out, or it still might.")
    unprepared = models.BooleanField(
        default=False, help_text="You had no answer ready when it was asked."
    )
    star_situation = models.TextField("Situation", blank=True, max_length=5000)
    star_task = models.TextField("Task", blank=True, max_length=5000)
    star_action = models.TextField("Action", blank=True, max_length=5000)
    star_result = models.TextField("Result", blank=True, max_length=5000)
    answer = models.TextField(
        blank=True, max_length=10000, help_text="A free answer, for questions STAR does not fit."
    )
    notes = models.TextField(blank=True, max_length=10000)
    tags = models.CharField(
        max_length=500, blank=True, help_text="Separate tags with commas: digitisation, budgets."
    )
    interviews = models.ManyToManyField(
        "jobs.Interview", blank=True, related_name="questions", help_text="Where it was asked."
    )
    # Which starter question this came from, so the starter list can show it as added.
    starter_key = models.CharField(max_length=50, blank=True)
    # The fsrs card (Card.to_dict()); ``due`` is copied out of it so the queue is one indexed query.
    card = models.JSONField(default=dict, blank=True)
    due = models.DateTimeField(db_index=True, default=timezone.now)
    last_reviewed_at = models.DateTimeField(null=True, blank=True)
    needs_rework = models.BooleanField(
        default=False, help_text="Rated “Again” several times in a row: the answer may need work."
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["text", "id"]
        indexes = [
            # The review queue (oldest due first) and today's counts.
            models.Index(fields=["owner", "due", "last_reviewed_at"]),
            # New questions come into review oldest first.
            models.Index(fields=["owner", "last_reviewed_at", "created_at"]),
            models.Index(fields=["owner", "text"]),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("questions:question", args=[self.pk])

    @property
    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.tags.split(",") if tag.strip()]

    @property
    def star(self) -> dict[str, str]:
        return {
            "situation": self.star_situation,
            "task": self.star_task,
            "action": self.star_action,
            "result": self.star_result,
        }

    @property
    def has_star(self) -> bool:
        return any(self.star.values())

    @property
    def has_answer(self) -> bool:
        return self.has_star or bool(self.answer.strip())


class Rating(models.TextChoices):
    """The four answers to "how well did you recall it?", as fsrs numbers them (1 to 4)."""

    AGAIN = "again", "Again"
    HARD = "hard", "Hard"
    GOOD = "good", "Good"
    EASY = "easy", "Easy"


class Review(OwnedModel):
    """One review of one question: the log fsrs needs, and what the stats page counts."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reviews")
    rating = models.CharField(max_length=10, choices=Rating)
    reviewed_at = models.DateTimeField(db_index=True)
    # Whether the question had been reviewed before (not new) and had graduated to
    # the long-term "review" state: true retention counts only those.
    was_new = models.BooleanField(default=False)
    was_mature = models.BooleanField(default=False)
    due_after = models.DateTimeField()

    class Meta:
        ordering = ["-reviewed_at", "-id"]
        indexes = [models.Index(fields=["owner", "reviewed_at"])]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} on {self.reviewed_at:%Y-%m-%d}"


class QuestionToAsk(OwnedModel):
    """A question for the panel, kept for reuse; some are attached to an interview."""

    text = models.CharField(max_length=1000)
    notes = models.TextField(blank=True, max_length=5000)
    interviews = models.ManyToManyField(
        "jobs.Interview", blank=True, related_name="questions_to_ask"
    )

    class Meta:
        ordering = ["text", "id"]
        indexes = [models.Index(fields=["owner", "text"])]
        verbose_name = "question to ask"
        verbose_name_plural = "questions to ask"

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("questions:ask_edit", args=[self.pk])


class ReviewPreferences(models.Model):
    """How much reviewing a person wants in a day, and whether to see a streak at all."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_preferences"
    )
    new_per_day = models.PositiveSmallIntegerField(
        "New questions per day",
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(500)],
        help_text="How many questions you have never reviewed to bring in each day.",
    )
    reviews_per_day = models.PositiveSmallIntegerField(
        "Reviews per day",
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(2000)],
        help_text="The most reviews of already-seen questions in a day; the rest wait for tomorrow.",
    )
    show_streak = models.BooleanField(
        "Show how many days in a row I have reviewed",
        default=False,
        help_text="Off unless you find it helps.",
    )

    class Meta:
        verbose_name_plural = "review preferences"

    def __str__(self) -> str:
        return f"Review preferences of {self.user}"

    @classmethod
    def for_user(cls, user) -> ReviewPreferences:
        """The user's preferences, made with the defaults the first time they are asked for."""
        preferences, _ = cls.objects.get_or_create(user=user)
        return preferences


def places_asked(user) -> dict[int, list[tuple[str, datetime.datetime]]]:
    """Where and when each of the user's questions was asked, by question id.

    One query over the join, whatever the size of the bank: exports read this
    instead of prefetching interviews for a list of thousands of question ids,
    which SQLite refuses past a few thousand.
    """
    places: dict[int, list[tuple[str, datetime.datetime]]] = {}
    asked = Question.interviews.through.objects.filter(question__owner=user).values_list(
        "question_id", "interview__application__organisation__name", "interview__starts_at"
    )
    for question_id, organisation, starts_at in asked.iterator(chunk_size=2000):
        places.setdefault(question_id, []).append((organisation, starts_at))
    return places

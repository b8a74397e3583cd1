"""Feedback, the skills it names, who got the job, and what the user does about it."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from nextround.core.models import OwnedModel


class SkillCategory(models.TextChoices):
    EXPERIENCE = "experience", "Experience"
    QUALIFICATION = "qualification", "Qualification"
    SUBJECT_KNOWLEDGE = "subject_knowledge", "Subject knowledge"
    SKILL = "skill", "Skill"
    INTERVIEW_TECHNIQUE = "interview_technique", "Interview technique"


class Skill(OwnedModel):
    """An area the user could grow in: named once, mentioned by feedback and comparisons."""

    name = models.CharField(max_length=120)
    category = models.CharField(max_length=20, choices=SkillCategory, default=SkillCategory.SKILL)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            # "Spectrum" and "spectrum" are the same skill to a person.
            models.UniqueConstraint("owner", Lower("name"), name="feedback_skill_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("feedback:skill", args=[self.pk])

    def clean(self) -> None:
        self.name = " ".join((self.name or "").split())
        if not self.name:
            raise ValidationError({"name": "Give the skill a name."})
        if (
            self.owner_id
            and Skill.objects.filter(owner_id=self.owner_id, name__iexact=self.name)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError({"name": "You already have a skill with this name."})


def _check_application_owner(record, errors: dict) -> None:
    if record.application_id and record.owner_id and record.application.owner_id != record.owner_id:
        errors["application"] = "Choose one of your applications."


class Feedback(OwnedModel):
    """What an organisation said about an application, and when."""

    application = models.ForeignKey(
        "jobs.Application", on_delete=models.CASCADE, related_name="feedback"
    )
    asked_on = models.DateField(null=True, blank=True)
    chased_on = models.DateField(null=True, blank=True)
    received_on = models.DateField(null=True, blank=True)
    given_by = models.ForeignKey(
        "network.Contact",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback_given",
    )
    text = models.TextField(blank=True, max_length=20000)

    class Meta:
        ordering = ["-received_on", "-created_at", "-id"]
        verbose_name_plural = "feedback"
        indexes = [models.Index(fields=["owner", "received_on"])]

    def __str__(self) -> str:
        return f"Feedback on {self.application}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:feedback", args=[self.pk])

    @property
    def mentioned_on(self) -> datetime.date:
        """The day the feedback's points were made, for weighting by recency."""
        return self.received_on or self.asked_on or timezone.localdate(self.created_at)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        _check_application_owner(self, errors)
        if self.given_by_id and self.owner_id and self.given_by.owner_id != self.owner_id:
            errors["given_by"] = "Choose one of your contacts."
        if self.asked_on and self.received_on and self.received_on < self.asked_on:
            errors["received_on"] = "Feedback cannot arrive before it was asked for."
        if self.asked_on and self.chased_on and self.chased_on < self.asked_on:
            errors["chased_on"] = "A chase comes after the first request."
        if errors:
            raise ValidationError(errors)


class SuccessfulCandidate(OwnedModel):
    """Who got the job: what they had, and, only with evidence, a possible inside appointment."""

    application = models.ForeignKey(
        "jobs.Application", on_delete=models.CASCADE, related_name="successful_candidates"
    )
    profile_url = models.URLField(max_length=500, blank=True)
    found_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True, max_length=20000)
    inside_appointment = models.BooleanField(default=False)
    evidence = models.TextField(blank=True, max_length=5000)

    class Meta:
        ordering = ["-found_on", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"Who got {self.application}"

    def get_absolute_url(self) -> str:
        return reverse("feedback:winner", args=[self.pk])

    @property
    def mentioned_on(self) -> datetime.date:
        return self.found_on or timezone.localdate(self.created_at)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        _check_application_owner(self, errors)
        self.evidence = (self.evidence or "").strip()
        # A suspicion about a real person is only recorded with its reasons.
        if self.inside_appointment and not self.evidence:
            errors["evidence"] = (
                "Write down what suggests an inside appointment, or leave the box unticked."
            )
        if errors:
            raise ValidationError(errors)


class GapMention(OwnedModel):
    """One mention of a skill: by a piece of feedback, or by a comparison with who got the job."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="mentions")
    feedback = models.ForeignKey(
        Feedback, on_delete=models.CASCADE, null=True, blank=True, related_name="mentions"
    )
    successful_candidate = models.ForeignKey(
        SuccessfulCandidate,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentions",
    )

    class Meta:
        ordering = ["skill__name", "id"]
        constraints = [
            models.CheckConstraint(
                name="feedback_gapmention_one_source",
                condition=(
                    models.Q(feedback__isnull=False, successful_candidate__isnull=True)
                    | models.Q(feedback__isnull=True, successful_candidate__isnull=False)
                ),
            ),
            models.UniqueConstraint(
                fields=["skill", "feedback"], name="feedback_gapmention_once_per_feedback"
            ),
            models.UniqueConstraint(
                fields=["skill", "successful_candidate"],
                name="feedback_gapmention_once_per_candidate",
            ),
        ]

    def __str__(self) -> str:
        return self.skill.name

    @property
    def source(self) -> Feedback | SuccessfulCandidate:
        return self.feedback if self.feedback_id else self.successful_candidate


class ImprovementKind(models.TextChoices):
    COURSE = "course", "Course"
    VOLUNTEERING = "volunteering", "Volunteering"
    READING = "reading", "Reading"
    QUALIFICATION = "qualification", "Qualification"
    PROJECT = "project", "Project"


class ImprovementStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    DOING = "doing", "Doing"
    DONE = "done", "Done"


class ImprovementAction(OwnedModel):
    """Something the user does to close a gap: a course, some volunteering, a book…"""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="improvements")
    kind = models.CharField(max_length=20, choices=ImprovementKind, default=ImprovementKind.COURSE)
    title = models.CharField(max_length=200)
    status = models.CharField(
        max_length=10, choices=ImprovementStatus, default=ImprovementStatus.PLANNED
    )
    target_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    link = models.URLField(max_length=500, blank=True)
    notes = models.TextField(blank=True, max_length=20000)

    class Meta:
        ordering = ["status", "target_on", "id"]
        indexes = [models.Index(fields=["owner", "status", "target_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("feedback:skill", args=[self.skill_id])

    def clean(self) -> None:
        self.title = (self.title or "").strip()
        errors: dict[str, str] = {}
        if not self.title:
            errors["title"] = "Say what you will do."
        if self.skill_id and self.owner_id and self.skill.owner_id != self.owner_id:
            errors["skill"] = "Choose one of your skills."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs) -> None:
        # The day it was finished is kept, so progress can be shown over time.
        if self.status == ImprovementStatus.DONE and not self.done_on:
            self.done_on = timezone.localdate()
        elif self.status != ImprovementStatus.DONE:
            self.done_on = None
        super().save(*args, **kwargs)

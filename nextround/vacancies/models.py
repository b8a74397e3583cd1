"""Vacancies found at the places a person watches, and each watch's state."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from nextround.core.models import OwnedModel, OwnedQuerySet
from nextround.jobs.models import Application, Organisation


class VacancyStatus(models.TextChoices):
    NEW = "new", "New"
    DISMISSED = "dismissed", "Dismissed"
    APPLIED = "applied", "Applied"


class VacancyQuerySet(OwnedQuerySet):
    def fresh(self) -> VacancyQuerySet:
        """Vacancies the person has not yet dismissed or applied for."""
        return self.filter(status=VacancyStatus.NEW)


class Vacancy(OwnedModel):
    """One posting seen on an organisation's vacancies address."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="vacancies"
    )
    title = models.CharField(max_length=300)
    url = models.URLField("address", max_length=1000)
    closes_on = models.DateField(null=True, blank=True)
    salary = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    first_seen_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=VacancyStatus, default=VacancyStatus.NEW)
    application = models.ForeignKey(
        Application,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The application made for it, once the person applied.",
    )

    objects = VacancyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "vacancies"
        ordering = ["-first_seen_at", "-id"]
        constraints = [
            # A posting seen again on the next check is the same vacancy.
            models.UniqueConstraint(fields=["organisation", "url"], name="one_vacancy_per_posting"),
        ]
        indexes = [models.Index(fields=["owner", "status"])]

    def __str__(self) -> str:
        return f"{self.title} at {self.organisation.name}"

    def get_absolute_url(self) -> str:
        return reverse("vacancies:list") + f"#vacancy-{self.pk}"


class WatchState(OwnedModel):
    """What the last visit to an organisation's vacancies address found.

    The validators (``etag``, ``last_modified``) make the next visit a
    conditional request; ``next_check_at`` is both the schedule and the
    claim: a worker takes a due watch by moving it forward in one UPDATE,
    so two workers never fetch the same address in the same window.
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="vacancy_watch"
    )
    url = models.URLField("address", max_length=500)
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    next_check_at = models.DateTimeField(default=timezone.now, db_index=True)
    failures = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    # The posting-like links of the page last time, for pages with no feed
    # and no JobPosting data: a link not seen before is a new vacancy.
    seen_links = models.JSONField(default=list, blank=True)
    has_baseline = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"Watch of {self.url}"

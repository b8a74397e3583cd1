"""Organisations, the applications made to them, and the interviews that follow."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from nextround.core.dates import (
    plausible_date_problems,
    validate_not_in_future,
    validate_plausible_date,
)
from nextround.core.models import OwnedModel, OwnedQuerySet


class OrganisationKind(models.TextChoices):
    MUSEUM = "museum", "Museum"
    GALLERY = "gallery", "Gallery"
    ARCHIVE = "archive", "Archive"
    LIBRARY = "library", "Library"
    HERITAGE = "heritage", "Heritage"
    OTHER = "other", "Other"


class Organisation(OwnedModel):
    """A place the user has applied to, or may apply to. Its history is its applications."""

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind, default=OrganisationKind.OTHER)
    website = models.URLField(max_length=500, blank=True)
    vacancies_url = models.URLField(
        "vacancies address",
        max_length=500,
        blank=True,
        help_text="Their jobs page or jobs feed: Next Round watches it for new vacancies.",
    )
    notes = models.TextField(blank=True, max_length=20000)

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["owner", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("jobs:organisation", args=[self.pk])


class Contract(models.TextChoices):
    PAID = "paid", "Paid (permanent)"
    FIXED_TERM = "fixed_term", "Fixed-term"
    TRAINEESHIP = "traineeship", "Traineeship"
    VOLUNTARY = "voluntary", "Voluntary"
    INTERNSHIP = "internship", "Internship"
    FREELANCE = "freelance", "Freelance"
    OTHER = "other", "Other"


class Outcome(models.TextChoices):
    """How an application ended. Each reason is kept apart in every statistic."""

    OFFERED = "offered", "Offered"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected after interview"
    NOT_INVITED = "not_invited", "Not invited to interview"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NO_REPLY = "no_reply", "No reply"


class Status(models.TextChoices):
    """Where an application stands; the last six are its outcomes."""

    PREPARING = "preparing", "Preparing"
    APPLIED = "applied", "Applied"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFERED = "offered", "Offered"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected after interview"
    NOT_INVITED = "not_invited", "Not invited"
    WITHDRAWN = "withdrawn", "Withdrawn"
    NO_REPLY = "no_reply", "No reply"


# Statuses a person sets by hand; the others come from recording an outcome.
OPEN_STATUSES = (Status.PREPARING, Status.APPLIED, Status.INTERVIEWING)


def decision_problem(decided_on: datetime.date, applied_on: datetime.date | None) -> str | None:
    """What is wrong with a decision's day, if anything: the one rule for every door.

    A decision has a plausible year, has already happened, and does not
    come before the application it answers.
    """
    for validator in (validate_plausible_date, validate_not_in_future):
        try:
            validator(decided_on)
        except ValidationError as error:
            return error.messages[0]
    if applied_on and decided_on < applied_on:
        return "The decision cannot come before the application."
    return None


class ApplicationQuerySet(OwnedQuerySet):
    def open(self) -> ApplicationQuerySet:
        return self.filter(status__in=OPEN_STATUSES)


class Application(OwnedModel):
    """One application for one role at one organisation."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="applications"
    )
    role = models.CharField(max_length=200)
    contract = models.CharField(max_length=20, choices=Contract, default=Contract.PAID)
    link = models.URLField(max_length=500, blank=True)
    closing_on = models.DateField(null=True, blank=True)
    applied_on = models.DateField(null=True, blank=True)
    applicants = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Applicants per post, if known.",
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.APPLIED)
    outcome = models.CharField(max_length=20, choices=Outcome, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    reapplies_to = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reapplications",
        help_text="The earlier application this one tries again: a scheme's next tranche, a role re-advertised.",
    )
    notes = models.TextField(blank=True, max_length=20000)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-applied_on", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["owner", "applied_on"]),
            # Outcomes by date: recent bad news, the history behind a "no".
            models.Index(fields=["owner", "decided_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.role} at {self.organisation.name}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:application", args=[self.pk])

    def clean(self) -> None:
        errors = plausible_date_problems(
            closing_on=self.closing_on, applied_on=self.applied_on, decided_on=self.decided_on
        )
        if self.organisation_id and self.owner_id and self.organisation.owner_id != self.owner_id:
            errors["organisation"] = "Choose one of your organisations."
        if self.reapplies_to_id:
            if self.reapplies_to_id == self.pk:
                errors["reapplies_to"] = "An application cannot re-apply to itself."
            elif self.owner_id and self.reapplies_to.owner_id != self.owner_id:
                errors["reapplies_to"] = "Choose one of your applications."
        if self.decided_on and "decided_on" not in errors:
            problem = decision_problem(self.decided_on, self.applied_on)
            if problem:
                errors["decided_on"] = problem
        if self.outcome and not self.decided_on:
            errors["decided_on"] = "Give the date of the decision."
        if self.pk and self.applied_on:
            first = self.interviews.order_by("starts_at").first()
            if first and timezone.localdate(first.starts_at) < self.applied_on:
                errors["applied_on"] = "An interview for this application comes before that date."
        if errors:
            raise ValidationError(errors)

    @property
    def went_to_someone_else(self) -> bool:
        """Decided, and not in the person's favour: the time to ask who got the job."""
        return bool(self.outcome) and self.outcome not in (Outcome.OFFERED, Outcome.ACCEPTED)

    def advance_to_interviewing(self) -> None:
        """An interview moves an application still being prepared or sent on to interviewing."""
        if self.status in (Status.PREPARING, Status.APPLIED):
            self.status = Status.INTERVIEWING
            self.save(update_fields=["status", "updated_at"])

    def reapplication_chain(self) -> list[Application]:
        """Earlier tries, oldest first, then this one, then later ones.

        Follows ``reapplies_to`` back and ``reapplications`` forward; a
        chain is short (a handful of tranches), so a query per link is fine
        on a detail page.
        """
        earlier: list[Application] = []
        seen = {self.pk}
        node = self.reapplies_to
        while node is not None and node.pk not in seen:
            earlier.append(node)
            seen.add(node.pk)
            node = node.reapplies_to
        later: list[Application] = []
        frontier = [self]
        while frontier:
            children = list(
                Application.objects.filter(reapplies_to__in=frontier)
                .exclude(pk__in=seen)
                .select_related("organisation")
                .order_by("applied_on", "id")
            )
            seen.update(child.pk for child in children)
            later.extend(children)
            frontier = children
        return [*reversed(earlier), self, *later]


class InterviewFormat(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Phone"
    ASSESSMENT = "assessment", "Assessment centre"


class Feeling(models.IntegerChoices):
    """How an interview felt, in the person's own words, from hard going to very well."""

    HARD = 1, "It was hard going"
    SO_SO = 2, "Not my best"
    OKAY = 3, "Okay"
    WELL = 4, "It went well"
    VERY_WELL = 5, "It went very well"


class InterviewQuerySet(OwnedQuerySet):
    def upcoming(self, now=None) -> InterviewQuerySet:
        return self.filter(starts_at__gte=now or timezone.now()).order_by("starts_at")

    def awaiting_decision(self) -> InterviewQuerySet:
        """Interviews that happened, whose application has no outcome yet."""
        return self.filter(starts_at__lt=timezone.now(), application__outcome="")

    def to_look_back_on(self, now, since) -> InterviewQuerySet:
        """Interviews that have happened since ``since`` with no word yet on how they went."""
        return self.filter(
            starts_at__lt=now, starts_at__gte=since, self_assessment="", feeling__isnull=True
        ).order_by("-starts_at", "-id")


class Interview(OwnedModel):
    """One interview (or assessment) for an application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    stage = models.CharField(
        max_length=100, blank=True, help_text="First interview, second, assessment day…"
    )
    starts_at = models.DateTimeField()
    format = models.CharField(
        max_length=20, choices=InterviewFormat, default=InterviewFormat.IN_PERSON
    )
    location = models.CharField(max_length=300, blank=True)
    panel = models.ManyToManyField("network.Contact", blank=True, related_name="interviews")
    decision_promised_by = models.DateField(null=True, blank=True)
    notes = models.TextField(
        blank=True, max_length=50000, help_text="The notes you took in the interview."
    )
    self_assessment = models.TextField(blank=True, max_length=20000)
    feeling = models.PositiveSmallIntegerField(
        "How it felt", choices=Feeling, null=True, blank=True
    )

    objects = InterviewQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["owner", "starts_at"]),
            # Today's decisions awaited, overdue first.
            models.Index(fields=["owner", "decision_promised_by"]),
        ]

    def __str__(self) -> str:
        label = self.stage or "Interview"
        return f"{label}: {self.application}"

    def get_absolute_url(self) -> str:
        return reverse("jobs:interview", args=[self.pk])

    @property
    def is_over(self) -> bool:
        """Whether the interview's time has come, so there is something to look back on."""
        return self.starts_at is not None and self.starts_at <= timezone.now()

    def clean(self) -> None:
        errors = plausible_date_problems(
            starts_at=self.starts_at, decision_promised_by=self.decision_promised_by
        )
        application = self.application if self.application_id else None
        if application and self.owner_id and application.owner_id != self.owner_id:
            errors["application"] = "Choose one of your applications."
        interview_day = (
            timezone.localdate(self.starts_at)
            if self.starts_at and "starts_at" not in errors
            else None
        )
        mine = application and "application" not in errors
        applied_on = application.applied_on if mine else None
        if interview_day and applied_on and interview_day < applied_on:
            errors["starts_at"] = "The interview cannot come before the application."
        if (
            interview_day
            and self.decision_promised_by
            and self.decision_promised_by < interview_day
        ):
            errors["decision_promised_by"] = "The decision cannot be promised before the interview."
        if errors:
            raise ValidationError(errors)

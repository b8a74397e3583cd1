"""What was noted straight after an interview, kept once per note made on the device."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from nextround.core.models import OwnedModel


class Capture(OwnedModel):
    """One note made straight after an interview, and where its parts went.

    ``client_id`` is made by the device that took the note, so a note sent
    twice (the connection dropped before the answer came back) is kept once.
    The questions went to the bank, the costs to expenses and the promised
    date onto the interview; this record remembers which ones.
    """

    client_id = models.UUIDField()
    interview = models.ForeignKey(
        "jobs.Interview", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation_name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    how_it_went = models.TextField(blank=True, max_length=2000)
    feeling = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    unprepared = models.BooleanField(default=False)
    decision_promised_by = models.DateField(null=True, blank=True)
    questions = models.ManyToManyField("questions.Question", blank=True, related_name="+")
    expenses = models.ManyToManyField("expenses.Expense", blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "client_id"], name="one_capture_per_client_id")
        ]

    def __str__(self) -> str:
        return f"Noted after {self.interview or self.organisation_name or 'an interview'}"

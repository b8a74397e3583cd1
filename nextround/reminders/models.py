"""Each person's reminder settings, and the digests already sent."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models

from nextround.core.models import OwnedModel

DEFAULT_ALARM_TIME = datetime.time(9, 0)


class ReminderSettings(OwnedModel):
    """Whether and where the morning digest goes, and when alarms ring."""

    digest_enabled = models.BooleanField(
        "email me a morning digest",
        default=False,
        help_text="Overdue and due steps, interviews in the next two days, new vacancies.",
    )
    email = models.EmailField("email address", max_length=254, blank=True)
    alarm_time = models.TimeField(
        "reminder time",
        default=DEFAULT_ALARM_TIME,
        help_text="When the digest is sent and calendar alarms ring on a step's day.",
    )

    class Meta:
        verbose_name_plural = "reminder settings"
        constraints = [models.UniqueConstraint(fields=["owner"], name="one_reminder_settings")]

    def __str__(self) -> str:
        return f"Reminders of {self.owner}"

    def clean(self) -> None:
        if self.digest_enabled and not self.email:
            raise ValidationError({"email": "Give the address the digest should go to."})


class DigestSent(OwnedModel):
    """One person's digest of one day: its row is the promise it goes out only once."""

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "day"], name="one_digest_per_day"),
        ]

    def __str__(self) -> str:
        return f"Digest for {self.owner} on {self.day}"

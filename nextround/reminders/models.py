"""Each person's reminder settings, and the digests already sent."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

DEFAULT_ALARM_TIME = datetime.time(9, 0)


class ReminderSettings(models.Model):
    """Whether and where the morning digest goes, and when alarms ring.

    One per person, tied to the account like the playbook's settings, so an
    import updates the person's own instead of adding a second.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
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

    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self) -> str:
        return f"Reminders of {self.user}"

    def clean(self) -> None:
        if self.digest_enabled and not self.email:
            raise ValidationError({"email": "Give the address the digest should go to."})


class DigestSent(models.Model):
    """One person's digest of one day: its row is the promise it goes out only once.

    Bookkeeping of this installation, not the person's data: it is not
    exported, and an import never brings another install's days along.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_day"),
        ]

    def __str__(self) -> str:
        return f"Digest for {self.user} on {self.day}"

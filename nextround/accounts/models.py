"""Users, their personal access tokens and their calendar secret."""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone


def new_calendar_secret() -> str:
    """A long random string that names a user's calendar feed."""
    return secrets.token_urlsafe(24)


class Theme(models.TextChoices):
    """How pages are coloured: as the device asks, or always light or dark."""

    SYSTEM = "system", "Light or dark, as my device is set"
    LIGHT = "light", "Always light"
    DARK = "dark", "Always dark"


class User(AbstractUser):
    """A job seeker. Everything else in Next Round belongs to one of these."""

    # Working days follow this country's public holidays (ISO 3166 alpha-2).
    country = models.CharField(max_length=2, default="GB")
    # A part of the country with holidays of its own (ISO 3166-2 subdivision,
    # e.g. ENG, SCT, WLS, NIR in the UK; BY in Germany); blank for national only.
    holiday_region = models.CharField(max_length=10, blank=True, default="ENG")
    calendar_secret = models.CharField(max_length=64, unique=True, default=new_calendar_secret)
    # The name letters and reports are signed with ("Sam Rivera"); the login
    # name never appears in anything sent to someone else.
    signing_name = models.CharField(max_length=150, blank=True, default="")
    theme = models.CharField(
        "Show pages in", max_length=6, choices=Theme.choices, default=Theme.SYSTEM
    )

    @property
    def signature(self) -> str:
        """The name to sign drafts and reports with; empty when none is known yet."""
        return self.signing_name.strip() or self.get_full_name().strip()

    @property
    def holiday_calendar(self) -> str:
        """The country, with its region if any, as ``GB-ENG``: whose public holidays count."""
        country = self.country or "GB"
        return f"{country}-{self.holiday_region}" if self.holiday_region else country

    def regenerate_calendar_secret(self) -> None:
        """Give the feed a new address; the old one stops working at once."""
        self.calendar_secret = new_calendar_secret()
        self.save(update_fields=["calendar_secret"])


TOKEN_PREFIX = "nr_"


def hash_token(raw: str) -> str:
    """Tokens are long random strings, so one round of SHA-256 is enough to store them."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True)


class ApiToken(models.Model):
    """A personal access token for the API. Only its hash is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, so a person can tell their tokens apart.
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user: User, name: str) -> tuple[ApiToken, str]:
        """Create a token and return it with its secret, which is never shown again."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, token_hash=hash_token(raw), hint=raw[: len(TOKEN_PREFIX) + 6]
        )
        return token, raw

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def revoke_all_tokens(user: User) -> int:
    """Revoke every active API token of the account; return how many there were.

    A changed password means the person wants everything that used the old
    one shut out, and a token made while the old password was known is such
    a thing.
    """
    return ApiToken.objects.active().filter(user=user).update(revoked_at=timezone.now())

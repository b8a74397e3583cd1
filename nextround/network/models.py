"""People: panel members and anyone met along the way."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse

from nextround.core.models import OwnedModel


class Network(models.TextChoices):
    LINKEDIN = "linkedin", "LinkedIn"
    BLUESKY = "bluesky", "Bluesky"
    X = "x", "X"
    MASTODON = "mastodon", "Mastodon"
    WEBSITE = "website", "Website"


class ConnectionState(models.TextChoices):
    NONE = "none", "Not connected"
    FOLLOWED = "followed", "Followed"
    REQUESTED = "requested", "Requested"
    CONNECTED = "connected", "Connected"


def validate_links(value) -> None:
    """``{"linkedin": "https://…", …}``: known networks, real web addresses."""
    if not isinstance(value, dict):
        raise ValidationError("Links must be a mapping of network to address.")
    check_url = URLValidator(schemes=["http", "https"])
    for network, url in value.items():
        if network not in Network.values:
            raise ValidationError(f"Unknown network {network!r}.")
        if not isinstance(url, str) or len(url) > 500:
            raise ValidationError(f"The {network} link is not a web address.")
        check_url(url)


def validate_connections(value) -> None:
    """``{"linkedin": "requested", …}``: known networks, known states."""
    if not isinstance(value, dict):
        raise ValidationError("Connections must be a mapping of network to state.")
    for network, state in value.items():
        if network not in Network.values:
            raise ValidationError(f"Unknown network {network!r}.")
        if state not in ConnectionState.values:
            raise ValidationError(f"Unknown connection state {state!r} for {network}.")


class Contact(OwnedModel):
    """A person: a panel member, a mentor, someone met at an event."""

    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        "jobs.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
    )
    email = models.EmailField(blank=True)
    links = models.JSONField(default=dict, blank=True, validators=[validate_links])
    connections = models.JSONField(default=dict, blank=True, validators=[validate_connections])
    notes = models.TextField(blank=True, max_length=20000)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:contact", args=[self.pk])

    def clean(self) -> None:
        if self.organisation_id and self.owner_id and self.organisation.owner_id != self.owner_id:
            raise ValidationError({"organisation": "Choose one of your organisations."})

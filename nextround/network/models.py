"""People: panel members and anyone met along the way."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Max
from django.urls import reverse

from nextround.core.models import OwnedModel, OwnedQuerySet

# LinkedIn refuses an invitation note longer than this; the other networks
# are held to the same length so one draft fits everywhere.
CONNECTION_NOTE_LIMIT = 300


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


def validate_connection_notes(value) -> None:
    """``{"linkedin": "Thank you for…", …}``: known networks, notes within the limit."""
    if not isinstance(value, dict):
        raise ValidationError("Connection notes must be a mapping of network to text.")
    for network, note in value.items():
        if network not in Network.values:
            raise ValidationError(f"Unknown network {network!r}.")
        if not isinstance(note, str):
            raise ValidationError(f"The {network} note must be text.")
        if len(note) > CONNECTION_NOTE_LIMIT:
            raise ValidationError(
                f"The {network} note is {len(note)} characters; keep it to {CONNECTION_NOTE_LIMIT}."
            )


# States that count as having reached out on a network.
REACHED_OUT = (ConnectionState.FOLLOWED, ConnectionState.REQUESTED, ConnectionState.CONNECTED)


class ContactQuerySet(OwnedQuerySet):
    def with_last_contact(self) -> ContactQuerySet:
        """Annotate ``last_contact_on``: the date of the latest logged interaction."""
        return self.annotate(last_contact_on=Max("interactions__happened_on"))


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
    connection_notes = models.JSONField(
        default=dict, blank=True, validators=[validate_connection_notes]
    )
    keep_in_touch_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text="How often to get back in touch, in days; each interaction schedules the next.",
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["owner", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:contact", args=[self.pk])

    def state_on(self, network: str) -> str:
        """The connection state on one network, ``none`` when nothing is recorded."""
        return (self.connections or {}).get(network, ConnectionState.NONE)

    @property
    def connection_badges(self) -> list[tuple[str, ConnectionState]]:
        """(network label, state) for each network where something has been done."""
        connections = self.connections or {}
        return [
            (network.label, ConnectionState(connections[network.value]))
            for network in Network
            if connections.get(network.value, ConnectionState.NONE) != ConnectionState.NONE
        ]

    @property
    def has_reached_out(self) -> bool:
        """True once the user has followed, requested or connected on any network."""
        return any(state in REACHED_OUT for state in (self.connections or {}).values())

    def clean(self) -> None:
        if self.organisation_id and self.owner_id and self.organisation.owner_id != self.owner_id:
            raise ValidationError({"organisation": "Choose one of your organisations."})


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    MESSAGE = "message", "Message on a network"
    CALL = "call", "Phone or video call"
    MEETING = "meeting", "Met in person"
    EVENT = "event", "At an event"
    INTERVIEW = "interview", "At an interview"
    LETTER = "letter", "Letter or card"
    OTHER = "other", "Other"


class Interaction(OwnedModel):
    """One time the user and a contact were in touch: the log behind "last contact"."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="interactions")
    happened_on = models.DateField()
    channel = models.CharField(max_length=20, choices=Channel, default=Channel.EMAIL)
    note = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [
            models.Index(fields=["contact", "happened_on"]),
            # The activity report: a person's contacts over a date range.
            models.Index(fields=["owner", "happened_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} with {self.contact} on {self.happened_on}"

    def clean(self) -> None:
        if self.contact_id and self.owner_id and self.contact.owner_id != self.owner_id:
            raise ValidationError({"contact": "Choose one of your contacts."})

"""The happy box: things that went well, kept for the days that do not."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import timezone

from nextround.core.models import OwnedModel
from nextround.core.uploads import UploadedFileFields


class HappyKind(models.TextChoices):
    PHOTO = "photo", "Photo"
    CERTIFICATE = "certificate", "Certificate"
    POST = "post", "Saved post"
    LETTER = "letter", "Letter"
    MEMENTO = "memento", "Memento"
    ACHIEVEMENT = "achievement", "Achievement"
    NOTE = "note", "Note"


class HappyItem(UploadedFileFields, OwnedModel):
    """One good thing: a photo, a kind letter, a saved post, a note to self."""

    kind = models.CharField(max_length=20, choices=HappyKind, default=HappyKind.NOTE)
    title = models.CharField(max_length=200)
    text = models.TextField(
        blank=True, max_length=20000, help_text="What it says, or why it matters to you."
    )
    happened_on = models.DateField(
        "Date", default=timezone.localdate, help_text="When it happened or arrived."
    )
    link = models.URLField(
        max_length=500, blank=True, help_text="For a saved post: where it lives online."
    )

    upload_folder = "happy-box"

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["owner", "happened_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("happybox:item", args=[self.pk])

    def get_file_url(self) -> str:
        return reverse("happybox:item_file", args=[self.pk]) if self.has_file else ""

    def get_thumbnail_url(self) -> str:
        return reverse("happybox:item_thumbnail", args=[self.pk]) if self.has_thumbnail else ""

"""What the search box looks through: one row per searchable record."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SearchEntry(models.Model):
    """A record's words, folded for matching, kept beside the record itself.

    Derived data: ``nextround.home.search`` writes it when a record is saved
    or deleted and can make it all again from the records (``rebuild``). It
    is never exported. The full-text index over ``title`` and ``text`` is
    the database's own (SQLite FTS5, PostgreSQL's text search), made by the
    migrations.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    # Shown as the result's heading.
    title = models.CharField(max_length=500)
    # A line under the title that tells like results apart: a date, a role.
    detail = models.CharField(max_length=200, blank=True)
    # Folded (lower case, no accents) for the index: the title and the body.
    words_title = models.TextField()
    words_body = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_search_entry_a_record")
        ]
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"

"""The base every user-owned record stands on."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models


class OwnedQuerySet(models.QuerySet):
    """Querysets of records that belong to one user."""

    def for_user(self, user) -> OwnedQuerySet:
        """Only the rows of ``user``; anonymous users see nothing."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


class OwnedModel(models.Model):
    """A record that belongs to exactly one user, with its creation and change times."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", editable=False
    )
    # The record's identity across exports: an import into the same account
    # knows what it already holds by this, whatever ids the database gave.
    uid = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """The model's own field checks, and the length of long texts, which Django leaves to forms.

        A ``TextField(max_length=…)`` is bounded in a form but not by the
        database: without this an import or any other door that checks the
        record itself would keep a text of any length.
        """
        too_long = {}
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.TextField) or not field.max_length:
                continue
            if exclude and field.name in exclude:
                continue
            value = getattr(self, field.attname)
            if isinstance(value, str) and len(value) > field.max_length:
                too_long[field.name] = [
                    f"Keep this to {field.max_length:,} characters or fewer "
                    f"(it has {len(value):,})."
                ]
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            too_long = {**too_long, **error.message_dict}
        if too_long:
            raise ValidationError(too_long)


class AccountVersion(models.Model):
    """A number that moves on whenever anything in an account changes.

    Figures worked out from a whole history (insights, ranked gaps, review
    statistics) are kept in the cache under this number, so a change in any
    app process makes every process work them out afresh.
    """

    # The user's id, not a link: a row left by a deleted account does no harm,
    # and the export, which takes every record linked to a user, leaves it out.
    account_id = models.BigIntegerField(primary_key=True)
    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"Account {self.account_id}, version {self.number}"

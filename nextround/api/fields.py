"""Field types and the PATCH rule shared by every router.

Dates are ISO 8601; a date-time without an offset is read in the site's time
zone. Years outside 1900 to 2999 are refused, as every other door refuses
them (``nextround.core.dates``).
"""

from __future__ import annotations

import datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from ninja import Schema
from pydantic import AfterValidator, Field, field_validator

from nextround.core.dates import FIRST_YEAR, LAST_YEAR, YEAR_MESSAGE, is_plausible

__all__ = ["FIRST_YEAR", "LAST_YEAR", "Date", "DateTime", "Payload", "RecordId", "apply_changes"]


def _plausible_date(value: datetime.date) -> datetime.date:
    # The same range as the web forms and the imports (nextround.core.dates).
    if not is_plausible(value):
        raise ValueError(YEAR_MESSAGE)
    return value


def _aware(value: datetime.datetime) -> datetime.datetime:
    _plausible_date(value.date())
    if timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


# An id a client sends: a positive number the database can hold. Anything
# larger would overflow SQLite's integers (a 500) instead of naming the field.
RecordId = Annotated[int, Field(ge=1, le=2**63 - 1)]

Date = Annotated[datetime.date, AfterValidator(_plausible_date)]
DateTime = Annotated[datetime.datetime, AfterValidator(_aware)]


def apply_changes(
    instance: models.Model, changes: dict, *, required: tuple[str, ...] = ()
) -> models.Model:
    """Set the fields a PATCH sent (``payload.dict(exclude_unset=True)``).

    ``null`` clears a field: a nullable one becomes ``None``, any other takes
    its default (``""`` for text, ``{}`` for links). Sending ``null`` for a field that must have a value is a
    fault in the payload, reported against that field.
    """
    errors = {}
    for name, value in changes.items():
        if value is None:
            if name in required:
                errors[name] = "This field cannot be empty."
                continue
            model_field = instance._meta.get_field(name.removesuffix("_id"))
            if not model_field.null:
                value = model_field.get_default()
        setattr(instance, name, value)
    if errors:
        raise ValidationError(errors)
    return instance


def _no_nul(value):
    """PostgreSQL cannot store NUL in text; refuse it here so the field is named."""
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("Text cannot contain NUL characters.")
    if isinstance(value, dict):
        for key, item in value.items():
            _no_nul(key)
            _no_nul(item)
    if isinstance(value, list):
        for item in value:
            _no_nul(item)
    return value


class Payload(Schema):
    """The base of every request body: text that any database can store."""

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value):
        return _no_nul(value)

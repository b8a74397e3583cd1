"""Field types, the body convention and the PATCH rule shared by every router.

Every request body is a ``Payload``:

- it is a JSON object; anything else (an array, a string, a number, null) is
  refused, at the top (see ``nextround.api.bodies``) and for nested objects;
- each field has the JSON type it is documented with, as pydantic's strict
  JSON mode reads it: no number taken as a date or a string, no ``"1"`` as a
  boolean, no string turned into an object;
- text holds no NUL character, and dates have years from 1900 to 2999;
- fields the schema does not know are ignored, in every router alike.

Dates are ISO 8601 (``YYYY-MM-DD``); a date-time without an offset is read in
the site's time zone. Years outside 1900 to 2999 are refused: they are typing
slips, and far ones would overflow when converted between time zones; every
other door refuses them too (``nextround.core.dates``).
"""

from __future__ import annotations

import datetime
import json
from functools import cache
from typing import Annotated, Any

import pydantic
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from ninja import Schema
from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

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


NOT_AN_OBJECT = "Send a JSON object."


@cache
def _json_type_of(schema: type[Payload], field_name: str) -> TypeAdapter:
    return TypeAdapter(schema.model_fields[field_name].annotation)


class Payload(Schema):
    """The base of every request body: a JSON object of the documented types,
    with text that any database can store. Unknown fields are ignored."""

    model_config = ConfigDict(extra="ignore")

    # Named as ninja's own root validator so that it replaces it: ninja's
    # reads attributes off any object, so the string "hello world" would pass
    # as an object whose ``title`` is "Hello World" (str.title).
    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(cls, data: Any, handler, info: ValidationInfo) -> Any:
        if isinstance(data, cls):
            return data
        if not isinstance(data, dict):
            raise PydanticCustomError("model_type", NOT_AN_OBJECT)
        return handler(data)

    @field_validator("*", mode="wrap")
    @classmethod
    def _strict_json_type(cls, value: Any, handler, info: ValidationInfo) -> Any:
        # ninja validates bodies in Python mode, where "2026" is an int and 0
        # a date. The ordinary validation runs first (nested Payloads name
        # their own fields); then the raw value is checked as strict JSON, so
        # each field takes exactly the type the OpenAPI document promises.
        validated = handler(value)
        try:
            as_json = json.dumps(value, allow_nan=False)
        except (TypeError, ValueError):
            # Not something a JSON body can hold (a date object from Python
            # code, say): there is no JSON type to hold it to.
            return validated
        try:
            _json_type_of(cls, info.field_name).validate_json(as_json, strict=True)
        except pydantic.ValidationError as wrong:
            first = wrong.errors(include_url=False)[0]
            # Braces would be read as placeholders by PydanticCustomError.
            message = first["msg"].replace("{", "(").replace("}", ")")
            if first["loc"]:
                message = f"At {'.'.join(map(str, first['loc']))}: {message}"
            raise PydanticCustomError(first["type"], message) from wrong
        return validated

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value):
        return _no_nul(value)

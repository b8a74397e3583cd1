"""Turn domain errors into JSON that names the field, never a 500."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import models
from ninja import Schema


def validation_detail(error: ValidationError) -> list[dict]:
    """The shape of ninja's own 422 body: ``[{"loc": [...], "msg": ...}]``."""
    if hasattr(error, "error_dict"):
        return [
            {"loc": ["body", field], "msg": message, "type": "value_error"}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"loc": ["body"], "msg": message, "type": "value_error"} for message in error.messages]


def owned_or_invalid(model: type[models.Model], user, pk, field: str):
    """Fetch a record named by a foreign-key field of a payload.

    Someone else's id, or one that does not exist, is a fault in the
    payload: it is reported against ``field`` (422), never as a 404 that
    would hide which part of the request was wrong.
    """
    if pk is None:
        return None
    try:
        return model._default_manager.get(owner=user, pk=pk)
    except (model.DoesNotExist, ValueError, TypeError, OverflowError) as missing:
        raise ValidationError({field: f"No such {model._meta.verbose_name} of yours."}) from missing


def validate_and_save(
    instance: models.Model,
    exclude: list[str] | None = None,
    names: dict[str, str] | None = None,
) -> models.Model:
    """Run the model's own validation, then save; a ValidationError becomes a 422.

    ``names`` maps the model's field names to the payload's where they
    differ (``organisation`` → ``organisation_id``), so the error names the
    field the client actually sent.
    """
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        if not names or not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {names.get(field, field): messages for field, messages in error.error_dict.items()}
        ) from error
    instance.save()
    return instance


@contextmanager
def named_as_sent(names: dict[str, str]) -> Iterator[None]:
    """A workflow's refusal names the model's field; say it in the name the client sent.

    ``names`` maps the model's names to the payload's where they differ
    (``panel`` → ``panel_ids``).
    """
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError(
            {names.get(field, field): problems for field, problems in error.message_dict.items()}
        ) from error


class NotFound(Schema):
    """The answer to a record that does not exist or is not yours."""

    detail: str

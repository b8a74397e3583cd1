"""The one ownership door: every view, endpoint and command fetches owned
records through these helpers, so "another user's object is 404" is decided
in exactly one place."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404

M = TypeVar("M", bound=models.Model)


def owned(model_or_queryset: type[M] | models.QuerySet[M], user) -> models.QuerySet[M]:
    """The rows of a model (or of a narrower queryset) that belong to ``user``."""
    queryset = (
        model_or_queryset
        if isinstance(model_or_queryset, models.QuerySet)
        else model_or_queryset._default_manager.all()
    )
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(owner=user)


def get_owned_or_404(model_or_queryset: type[M] | models.QuerySet[M], user, **lookup) -> M:
    """One record of ``user``'s, or 404 whether it is missing or someone else's.

    A malformed id (text where a number belongs) is also a 404: it cannot
    name a record the user owns.
    """
    try:
        return owned(model_or_queryset, user).get(**lookup)
    except (models.ObjectDoesNotExist, ValueError, TypeError) as missing:
        raise Http404("Not found") from missing


def all_owned(model: type[M], user, records: Iterable, *, field: str, message: str) -> list[M]:
    """``user``'s records among ``records`` (records or ids), or a refusal naming ``field``.

    For a list a form or payload links to (an interview's panel, the
    interviews a question is attached to): one id that is someone else's, or
    missing, refuses the whole list.
    """
    wanted = {getattr(record, "pk", record) for record in records}
    found = list(owned(model, user).filter(pk__in=wanted)) if wanted else []
    if len(found) != len(wanted):
        raise ValidationError({field: message})
    return found

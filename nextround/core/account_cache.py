"""Figures worked out from a whole account's history, kept until the account changes.

Insights and review statistics read years of records; they are worked out
once and kept in Django's cache under the account's version number, which
every save or delete of an owned record moves on (``core.apps`` connects
``account_changed`` to those signals). Work that writes in bulk without
signals (imports) calls ``account_changed`` itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import F

from nextround.core.models import AccountVersion, OwnedModel

T = TypeVar("T")

# Long enough to matter between changes, short enough that a cache shared
# with other apps never holds an account's figures for ever.
KEEP_SECONDS = 24 * 60 * 60


def account_version(user_id: int) -> int:
    """The account's current version number (0 before its first change)."""
    number = (
        AccountVersion.objects.filter(account_id=user_id).values_list("number", flat=True).first()
    )
    return number or 0


def account_changed(user_id: int) -> None:
    """Move the account's version on, so that every kept figure is worked out again."""
    if not AccountVersion.objects.filter(account_id=user_id).update(number=F("number") + 1):
        AccountVersion.objects.bulk_create(
            [AccountVersion(account_id=user_id, number=1)], ignore_conflicts=True
        )


def kept_for_account(user, name: str, work_out: Callable[[], T]) -> T:
    """``work_out()``'s answer for this account, kept until anything in the account changes."""
    key = f"nextround:account:{user.pk}:{account_version(user.pk)}:{name}"
    return cache.get_or_set(key, work_out, KEEP_SECONDS)


def changed_on_save_or_delete(sender, instance, origin=None, **kwargs) -> None:
    """Signal receiver: an owned record was saved, deleted or relinked, so its account changed."""
    if not isinstance(instance, OwnedModel) or not instance.owner_id:
        return
    action = kwargs.get("action")  # m2m_changed only: act once the links have changed
    if action is not None and not action.startswith("post_"):
        return
    if _deleting_the_account(origin):
        return
    account_changed(instance.owner_id)


def _deleting_the_account(origin) -> bool:
    """Whether a delete is the account's own, which takes every kept figure's owner with it."""
    user_model = get_user_model()
    return isinstance(origin, user_model) or getattr(origin, "model", None) is user_model

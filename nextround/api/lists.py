"""Every list the API returns is bounded: at most ``MAX_ITEMS`` items, the rest by ``offset``.

Lists stay JSON arrays, as the contract promises. A client that gets
``limit`` items back asks again with ``offset`` moved on by that many, until
a shorter list comes back.
"""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate
from ninja.signature.utils import get_typed_signature

# Enough for most accounts in one go; a longer history comes in several.
MAX_ITEMS = 1000
# Far beyond any account, and within what every database takes as a number.
MAX_OFFSET = 1_000_000_000


class BoundedList(PaginationBase):
    """One slice of a list, kept as a plain array (use with ``ninja.pagination.paginate``)."""

    class Input(Schema):
        limit: int = Field(
            MAX_ITEMS,
            ge=1,
            le=MAX_ITEMS,
            description=f"How many items at most (1 to {MAX_ITEMS}, and {MAX_ITEMS} if left out).",
        )
        offset: int = Field(
            0,
            ge=0,
            le=MAX_OFFSET,
            description="How many items to pass over first, for the next part of a list.",
        )

    # The response stays the endpoint's own list: no wrapping object.
    Output = None

    def paginate_queryset(self, queryset, pagination: Input, **params: Any) -> list:
        return list(queryset[pagination.offset : pagination.offset + pagination.limit])


def bounded_list(view):
    """Decorate a list endpoint (under its ``@router.get``) to take ``limit`` and ``offset``."""
    wrapper = paginate(BoundedList)(view)
    # The view's annotations resolved where it was written (its module
    # postpones them), so that the wrapper's signature names real types.
    wrapper.__signature__ = get_typed_signature(view)
    return wrapper

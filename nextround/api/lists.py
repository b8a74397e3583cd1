"""Every list the API returns is bounded: ``DEFAULT_ITEMS`` items unless asked for up to
``MAX_ITEMS``, the rest by ``offset``.

Lists stay JSON arrays, as the contract promises. When more follow, the
response says where in a ``Link`` header (``rel="next"``, as GitHub's API
does); a client may also ask again with ``offset`` moved on by the number it
got, until a shorter list comes back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate
from ninja.signature.utils import get_typed_signature

# A page a client reads quickly; a longer history comes in several.
DEFAULT_ITEMS = 100
# The most one request may ask for.
MAX_ITEMS = 1000
# Far beyond any account, and within what every database takes as a number.
MAX_OFFSET = 1_000_000_000


class BoundedList(PaginationBase):
    """One slice of a list, kept as a plain array (use with ``ninja.pagination.paginate``)."""

    class Input(Schema):
        limit: int = Field(
            DEFAULT_ITEMS,
            ge=1,
            le=MAX_ITEMS,
            description=f"How many items at most (1 to {MAX_ITEMS}, and {DEFAULT_ITEMS} "
            "if left out).",
        )
        offset: int = Field(
            0,
            ge=0,
            le=MAX_OFFSET,
            description="How many items to pass over first, for the next part of a list. "
            'When more follow, the `Link` header names the next part (`rel="next"`).',
        )

    # The response stays the endpoint's own list: no wrapping object.
    Output = None

    def paginate_queryset(
        self, queryset, pagination: Input, request: HttpRequest, **params: Any
    ) -> list:
        start, limit = pagination.offset, pagination.limit
        # One more than asked for tells whether more follow, without counting them all.
        items = list(queryset[start : start + limit + 1])
        if len(items) > limit:
            next_part = request.GET.copy()
            next_part["offset"], next_part["limit"] = str(start + limit), str(limit)
            request.next_part = f"{request.path}?{next_part.urlencode()}"
        return items[:limit]


def bounded_list(view):
    """Decorate a list endpoint (under its ``@router.get``) to take ``limit`` and ``offset``."""
    wrapper = paginate(BoundedList)(view)
    # The view's annotations resolved where it was written (its module
    # postpones them), so that the wrapper's signature names real types.
    wrapper.__signature__ = get_typed_signature(view)
    return wrapper


class BuiltWhenSliced:
    """A ranked list whose items are built only for the part a bounded list takes.

    For a list ranked from plain values (the gaps), where building each item
    costs queries: ``build`` is given the slice of ``ranked`` to turn into items.
    """

    def __init__(self, ranked: Sequence, build: Callable[[Sequence], list]):
        self.ranked, self.build = ranked, build

    def __getitem__(self, part: slice) -> list:
        return self.build(self.ranked[part])


def link_next_part(request: HttpRequest, response) -> None:
    """Name the next part of a bounded list in the response's ``Link`` header."""
    next_part = getattr(request, "next_part", None)
    if next_part:
        response["Link"] = f'<{request.build_absolute_uri(next_part)}>; rel="next"'

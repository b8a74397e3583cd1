"""One search across the account, over JSON: the same search as the header's box."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Query, Router, Schema

from nextround.home import search

router = Router(tags=["search"])

Kind = Literal[tuple(source.kind for source in search.SOURCES)]


class SearchFilters(Schema):
    q: str = Field(..., max_length=search.MAX_QUERY_LENGTH, description="The words to find.")
    limit: int = Field(search.DEFAULT_LIMIT, ge=1, le=search.MAX_LIMIT)


class SearchItemOut(Schema):
    kind: Kind
    id: int
    title: str
    detail: str = Field(..., description="A date or a role that tells like results apart.")
    url: str


@router.get("/search", response=list[SearchItemOut])
def search_everything(request, filters: Query[SearchFilters]):
    """Applications, organisations, contacts, questions, interview notes and feedback
    that hold every word of ``q`` (each as the start of a word), best matches first."""
    return [
        {
            "kind": result.kind,
            "id": result.id,
            "title": result.title,
            "detail": result.detail,
            "url": result.url,
        }
        for result in search.search(request.auth, filters.q, limit=filters.limit)
    ]

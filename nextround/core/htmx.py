"""Helpers for views that answer both plain requests and htmx ones."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


def render_page_or_fragment(
    request: HttpRequest, page: str, fragment: str, context: dict, status: int = 200
) -> HttpResponse:
    """Render only the fragment for htmx, the whole page otherwise."""
    template = fragment if getattr(request, "htmx", False) else page
    return render(request, template, context, status=status)


def redirect_or_refresh(request: HttpRequest, to: str, *args, **kwargs) -> HttpResponse:
    """After a successful POST: a redirect, or for htmx a client-side redirect.

    htmx follows 3xx transparently and would swap the whole next page into
    the target, so it gets an ``HX-Redirect`` header instead.
    """
    response = redirect(to, *args, **kwargs)
    if getattr(request, "htmx", False):
        return HttpResponse(status=204, headers={"HX-Redirect": response["Location"]})
    return response

"""Helpers for views that answer both plain requests and htmx ones."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page_or_fragment(
    request: HttpRequest, page: str, fragment: str, context: dict, status: int = 200
) -> HttpResponse:
    """Render only the fragment for htmx, the whole page otherwise."""
    template = fragment if getattr(request, "htmx", False) else page
    return render(request, template, context, status=status)

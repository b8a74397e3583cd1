"""What a person sees when their account's login is paused after wrong passwords."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """A calm page saying how long the pause lasts and how to lift it (429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = TemplateResponse(
        request, "accounts/locked_out.html", {"cooloff_minutes": minutes}, status=429
    )
    return response.render()

"""The calendar feed's address, as the Settings page and the API show it."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def calendar_feed_url(request, user) -> str:
    """The full address of the user's calendar feed."""
    path = reverse("calendar_feed", args=[user.calendar_secret])
    if settings.BASE_URL:
        return settings.BASE_URL + path
    return request.build_absolute_uri(path)

"""The caller's own account."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from ninja import Router, Schema

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    username: str
    email: str
    country: str
    calendar_url: str


def calendar_url(request, user) -> str:
    """The full address of the user's calendar feed."""
    path = reverse("calendar_feed", args=[user.calendar_secret])
    if settings.BASE_URL:
        return settings.BASE_URL + path
    return request.build_absolute_uri(path)


@router.get("/me", response=MeOut)
def me(request):
    user = request.auth
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "country": user.country,
        "calendar_url": calendar_url(request, user),
    }

"""The caller's own account."""

from __future__ import annotations

from ninja import Router, Schema

from nextround.accounts.calendar import calendar_feed_url

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    username: str
    email: str
    country: str
    calendar_url: str


@router.get("/me", response=MeOut)
def me(request):
    user = request.auth
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "country": user.country,
        "calendar_url": calendar_feed_url(request, user),
    }

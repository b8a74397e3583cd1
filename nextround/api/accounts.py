"""The caller's own account."""

from __future__ import annotations

from ninja import Field, Router, Schema

from nextround.accounts.calendar import calendar_feed_url
from nextround.accounts.places import place_name
from nextround.accounts.profile import update_profile
from nextround.api.fields import Payload

router = Router(tags=["account"])


class MeOut(Schema):
    id: int
    username: str
    email: str
    signing_name: str
    country: str
    holiday_region: str
    # The country and region in words: "United Kingdom — England".
    place: str
    calendar_url: str


class MePatch(Payload):
    """The details a person may change; ``country`` and ``holiday_region`` as in ``holidays``."""

    signing_name: str | None = Field(None, max_length=150)
    email: str | None = Field(None, max_length=254)
    country: str | None = Field(None, max_length=2)
    holiday_region: str | None = Field(None, max_length=10)


def _me(request, user) -> dict:
    return {
        "id": user.pk,
        "username": user.username,
        "email": user.email,
        "signing_name": user.signing_name,
        "country": user.country,
        "holiday_region": user.holiday_region,
        "place": place_name(user.country, user.holiday_region),
        "calendar_url": calendar_feed_url(request, user),
    }


@router.get("/me", response=MeOut)
def me(request):
    return _me(request, request.auth)


@router.patch("/me", response=MeOut)
def update_me(request, payload: MePatch):
    """Change the signing name, email, country or region; each is checked as on Settings."""
    # A null country is refused like an unknown one: every account has one.
    changes = payload.dict(exclude_unset=True)
    update_profile(request.auth, changes)
    return _me(request, request.auth)

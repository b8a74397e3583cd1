"""``/api/v1/me``: the account's signing name and place, read and changed as on Settings."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_me_gives_the_signing_name_and_the_place_in_words(user, api):
    user.signing_name, user.country, user.holiday_region = "Jo Bloggs", "GB", "WLS"
    user.save()
    me = api.get("/api/v1/me").json()
    assert me["signing_name"] == "Jo Bloggs"
    assert (me["country"], me["holiday_region"]) == ("GB", "WLS")
    assert me["place"] == "United Kingdom — Wales"


def test_patch_me_changes_the_signing_name_alone(user, api):
    response = api.patch("/api/v1/me", {"signing_name": "  Jo   Bloggs "})
    assert response.status_code == 200
    assert response.json()["signing_name"] == "Jo Bloggs"
    user.refresh_from_db()
    assert user.signature == "Jo Bloggs"
    assert (user.country, user.holiday_region) == ("GB", "ENG")


def test_a_new_country_without_a_region_means_the_whole_country(user, api):
    response = api.patch("/api/v1/me", {"country": "ie"})
    assert response.status_code == 200
    assert (response.json()["country"], response.json()["holiday_region"]) == ("IE", "")


def test_a_country_and_its_region_are_kept_together(user, api):
    response = api.patch("/api/v1/me", {"country": "DE", "holiday_region": "BY"})
    assert response.json()["place"] == "Germany — Bayern"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"country": "DE", "holiday_region": "ENG"}, "holiday_region"),
        ({"holiday_region": "BY"}, "holiday_region"),
        ({"email": "not an address"}, "email"),
    ],
)
def test_patch_me_refuses_naming_the_field_and_changes_nothing(user, api, change, field):
    response = api.patch("/api/v1/me", {"signing_name": "Changed", **change})
    assert response.status_code == 422
    assert field in {item["loc"][-1] for item in response.json()["detail"]}
    user.refresh_from_db()
    assert (user.signing_name, user.country, user.holiday_region) == ("", "GB", "ENG")

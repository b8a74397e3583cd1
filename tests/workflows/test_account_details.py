"""A country or region Next Round cannot count holidays for is refused the same way at every door."""

from __future__ import annotations

import io
import sys

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from nextround.accounts.models import User
from tests.workflows.doors import web_refusal

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-42"


def through_setup(user, user_client, api, client, country, region):
    User.objects.all().delete()
    response = client.post(
        reverse("accounts:setup"),
        {
            "username": "robin",
            "password": PASSWORD,
            "signing_name": "Robin Ashdown",
            "country": f"{country}-{region}" if region else country,
        },
    )
    if response.status_code == 302:
        return "stored", User.objects.get(username="robin")
    return web_refusal(response)


def through_settings(user, user_client, api, client, country, region):
    response = user_client.post(
        reverse("accounts:settings"),
        {"signing_name": "Robin Ashdown", "country": f"{country}-{region}" if region else country},
    )
    if response.status_code == 302:
        user.refresh_from_db()
        return "stored", user
    return web_refusal(response, "account_form")


def through_the_api(user, user_client, api, client, country, region):
    response = api.patch(
        "/api/v1/me",
        {"signing_name": "Robin Ashdown", "country": country, "holiday_region": region},
    )
    if response.status_code == 200:
        user.refresh_from_db()
        return "stored", user
    # One select on the web holds both, so a bad region is a bad choice of place there.
    names = {"holiday_region": "country"}
    return "refused", {names.get(i["loc"][-1], i["loc"][-1]) for i in response.json()["detail"]}


def through_createuser(user, user_client, api, client, country, region):
    stdin = io.StringIO(PASSWORD + "\n")
    arguments = ["robin", "--password-stdin", "--signing-name", "Robin Ashdown"]
    arguments += ["--country", country, "--region", region]
    try:
        real_stdin, sys.stdin = sys.stdin, stdin
        try:
            call_command("createuser", *arguments, stdout=io.StringIO())
        finally:
            sys.stdin = real_stdin
    except CommandError as error:
        named = {word.rstrip(":") for word in str(error).split() if word.startswith("--")}
        options = {"--country": "country", "--region": "country", "--signing-name": "signing_name"}
        return "refused", {options.get(option, option) for option in named}
    return "stored", User.objects.get(username="robin")


DOORS = [through_setup, through_settings, through_the_api, through_createuser]


@pytest.mark.parametrize("door", DOORS)
def test_a_country_and_region_are_kept_the_same_way(door, user, user_client, api, client):
    verdict, account = door(user, user_client, api, client, "DE", "BY")
    assert verdict == "stored"
    assert (account.country, account.holiday_region, account.signature) == (
        "DE",
        "BY",
        "Robin Ashdown",
    )


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("country", "region"),
    [
        pytest.param("XX", "", id="unknown-country"),
        pytest.param("DE", "ENG", id="region-of-another-country"),
        pytest.param("", "", id="no-country"),
    ],
)
def test_an_unknown_place_is_refused_naming_the_country(
    door, country, region, user, user_client, api, client
):
    assert door(user, user_client, api, client, country, region) == ("refused", {"country"})

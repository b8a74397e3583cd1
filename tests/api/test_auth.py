import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nextround.accounts.models import ApiToken
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

COLLECTIONS = ["organisations", "applications", "interviews", "contacts"]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_missing_token_is_refused(client, collection):
    response = client.get(f"/api/v1/{collection}")
    assert response.status_code == 401
    assert response.json()["detail"]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_bad_token_is_refused(client, collection):
    response = client.get(f"/api/v1/{collection}", headers={"Authorization": "Bearer nr_nope"})
    assert response.status_code == 401


def test_a_revoked_token_is_refused(client, user):
    token, raw = ApiToken.issue(user, "old laptop")
    token.revoked_at = timezone.now()
    token.save()
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401


def test_writes_without_a_token_are_refused(client):
    response = client.post(
        "/api/v1/organisations", {"name": "Anywhere"}, content_type="application/json"
    )
    assert response.status_code == 401


def test_me_describes_the_caller_with_a_full_calendar_url(api, user):
    response = api.get("/api/v1/me")
    assert response.status_code == 200
    me = response.json()
    assert me["id"] == user.pk
    assert me["username"] == user.username
    assert me["calendar_url"].startswith("http")
    assert me["calendar_url"].endswith(f"/calendar/{user.calendar_secret}.ics")


def test_me_needs_a_token(client):
    assert client.get("/api/v1/me").status_code == 401


def test_the_browser_session_reads_the_api(user_client, user):
    OrganisationFactory(owner=user, name="Lantern Street Library")
    response = user_client.get("/api/v1/organisations")
    assert response.status_code == 200
    assert response.json()[0]["name"] == "Lantern Street Library"


def test_a_session_write_needs_the_csrf_token(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    refused = browser.post(
        "/api/v1/organisations", {"name": "Quay Gallery"}, content_type="application/json"
    )
    assert refused.status_code in (401, 403)

    browser.get("/accounts/settings/")
    token = browser.cookies["csrftoken"].value
    accepted = browser.post(
        "/api/v1/organisations",
        {"name": "Quay Gallery"},
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert accepted.status_code == 201, accepted.content


def test_a_token_write_needs_no_csrf_token(user, api_for):
    api = api_for(user)
    api.client = Client(enforce_csrf_checks=True)
    response = api.post("/api/v1/organisations", {"name": "Quay Gallery"})
    assert response.status_code == 201


def test_me_and_the_settings_page_give_the_same_calendar_address(api, user, user_client, settings):
    settings.BASE_URL = "https://jobs.example.org"
    page = user_client.get(reverse("accounts:settings"))
    expected = f"https://jobs.example.org/calendar/{user.calendar_secret}.ics"
    assert page.context["calendar_url"] == expected
    assert api.get("/api/v1/me").json()["calendar_url"] == expected

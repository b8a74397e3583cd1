"""The first visitor creates the account; after that, sign-up is closed unless opened."""

import pytest
from django.urls import reverse

from nextround.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "username": "robin",
    "password": "a-long-test-password-42",
    "signing_name": "Robin Ashdown",
    "email": "robin@example.org",
    "country": "GB-SCT",
}


@pytest.mark.parametrize("path", ["/", "/applications/", "/accounts/login/", "/contacts/"])
def test_it_sends_the_first_visitor_to_setup(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:setup")


def test_the_api_answers_for_itself_before_setup(client):
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_the_first_visitor_creates_the_account_and_lands_on_today(client):
    response = client.post(reverse("accounts:setup"), NEW_ACCOUNT, follow=True)
    assert response.redirect_chain[-1][0] == reverse("today")
    assert response.context["user"].username == "robin"
    assert User.objects.get().email == "robin@example.org"


def test_setup_keeps_a_weak_password_beside_the_field(client):
    response = client.post(reverse("accounts:setup"), {**NEW_ACCOUNT, "password": "12345"})
    assert response.status_code == 200
    assert b'id="id_password_error"' in response.content
    assert not User.objects.exists()


def test_setup_keeps_the_signing_name_and_the_place(client):
    client.post(reverse("accounts:setup"), NEW_ACCOUNT)
    user = User.objects.get()
    assert (user.signing_name, user.signature) == ("Robin Ashdown", "Robin Ashdown")
    assert (user.country, user.holiday_region) == ("GB", "SCT")


def test_setup_asks_the_signing_name_and_says_what_it_is_for(client):
    page = client.get(reverse("accounts:setup")).content.decode()
    assert "Your name, to sign letters with" in page
    assert "Drafted emails and reports end with this name" in page
    assert 'name="password2"' not in page


def test_setup_offers_countries_and_regions_in_words(client):
    page = client.get(reverse("accounts:setup")).content.decode()
    assert '<select name="country"' in page
    assert '<option value="GB-ENG" selected>United Kingdom — England</option>' in page
    assert '<option value="DE-BY">Germany — Bayern</option>' in page
    assert '<option value="IE">Ireland</option>' in page


def test_setup_refuses_a_place_not_in_the_list_naming_the_field(client):
    response = client.post(reverse("accounts:setup"), {**NEW_ACCOUNT, "country": "XX"})
    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert b'id="id_country_error"' in response.content
    assert not User.objects.exists()


def test_setup_needs_no_email(client):
    client.post(reverse("accounts:setup"), {**NEW_ACCOUNT, "email": ""})
    assert User.objects.get().email == ""


def test_setup_is_gone_once_an_account_exists(client):
    UserFactory()
    response = client.get(reverse("accounts:setup"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    client.post(reverse("accounts:setup"), NEW_ACCOUNT)
    assert not User.objects.filter(username="robin").exists()


def test_sign_up_is_closed_after_the_first_account(client):
    UserFactory()
    assert client.get(reverse("accounts:signup")).status_code == 404
    assert client.post(reverse("accounts:signup"), NEW_ACCOUNT).status_code == 404
    assert not User.objects.filter(username="robin").exists()


def test_the_host_can_open_sign_up(client, settings):
    settings.OPEN_SIGNUP = True
    UserFactory()
    response = client.post(reverse("accounts:signup"), NEW_ACCOUNT)
    assert response.status_code == 302
    assert User.objects.filter(username="robin").exists()

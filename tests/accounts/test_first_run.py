"""The first visitor creates the account; after that, sign-up is closed unless opened."""

import pytest
from django.urls import reverse

from nextround.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {
    "username": "robin",
    "email": "robin@example.org",
    "password1": "a-long-test-password-42",
    "password2": "a-long-test-password-42",
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


def test_setup_keeps_a_mismatched_password_beside_the_field(client):
    response = client.post(reverse("accounts:setup"), {**NEW_ACCOUNT, "password2": "other"})
    assert response.status_code == 200
    assert b'id="id_password2_error"' in response.content
    assert not User.objects.exists()


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

"""A new password shuts out what used the old one: API tokens and other sessions."""

import pytest
from django.test import Client
from django.urls import reverse

from nextround.accounts.models import ApiToken
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW = "another-long-password-77"


def _change(client):
    return client.post(
        reverse("accounts:password"),
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
        follow=True,
    )


def test_changing_the_password_revokes_api_tokens_and_says_so():
    user = UserFactory()
    _, raw = ApiToken.issue(user, "Script")
    api = Client(headers={"Authorization": f"Bearer {raw}"})
    assert api.get("/api/v1/me").status_code == 200
    browser = Client()
    browser.force_login(user)
    response = _change(browser)
    assert b"API token was revoked" in response.content
    assert api.get("/api/v1/me").status_code == 401


def test_changing_the_password_ends_other_sessions_but_not_this_one():
    user = UserFactory()
    here, elsewhere = Client(), Client()
    for client in (here, elsewhere):
        assert (
            client.post(
                reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
            ).status_code
            == 302
        )
    _change(here)
    assert here.get(reverse("today")).status_code == 200
    assert elsewhere.get(reverse("today")).status_code == 302


def test_a_password_of_only_spaces_is_refused(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password"),
        {"old_password": PASSWORD, "new_password1": " " * 12, "new_password2": " " * 12},
    )
    assert response.status_code == 200
    assert b"only spaces" in response.content
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

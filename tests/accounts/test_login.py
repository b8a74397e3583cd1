"""Logging in and out, and changing the password."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_it_logs_in_and_opens_today(client):
    UserFactory(username="robin")
    response = client.post(
        reverse("accounts:login"), {"username": "robin", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("today")
    assert response.context["user"].is_authenticated


def test_a_wrong_password_is_refused_kindly(client):
    UserFactory(username="robin")
    response = client.post(reverse("accounts:login"), {"username": "robin", "password": "not-it"})
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated
    assert b"do not match an account here" in response.content


def test_pages_need_a_login(client):
    UserFactory()
    response = client.get(reverse("jobs:applications"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_logs_out(user_client):
    response = user_client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert user_client.get(reverse("today")).status_code == 302


def test_it_changes_the_password(client, user_client, user):
    response = user_client.post(
        reverse("accounts:password"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-password-77",
            "new_password2": "another-long-password-77",
        },
    )
    assert response["Location"] == reverse("accounts:password_done")
    assert client.login(username=user.username, password="another-long-password-77")
    assert not client.login(username=user.username, password=PASSWORD)


def test_a_wrong_old_password_changes_nothing(client, user_client, user):
    response = user_client.post(
        reverse("accounts:password"),
        {
            "old_password": "not-it",
            "new_password1": "another-long-password-77",
            "new_password2": "another-long-password-77",
        },
    )
    assert response.status_code == 200
    assert b'id="id_old_password_error"' in response.content
    assert client.login(username=user.username, password=PASSWORD)


def test_the_login_page_says_how_to_get_back_in_after_forgetting_the_password(client, settings):
    UserFactory()
    settings.AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
    response = client.get(reverse("accounts:login"))
    page = response.content.decode()
    assert "Forgotten your password?" in page
    assert "nextround changepassword NAME" in page
    assert "pause the login for 15 minutes" in page
    assert "nextround unlock --user NAME" in page

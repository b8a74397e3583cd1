"""Too many wrong passwords pause one account's login, and only that account's."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LIMIT = 3


def _log_in(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.fixture(autouse=True)
def _small_limit():
    with override_settings(AXES_FAILURE_LIMIT=LIMIT):
        yield


def test_wrong_passwords_pause_the_account_even_for_the_right_one(client):
    UserFactory(username="robin")
    for _ in range(LIMIT - 1):
        assert _log_in(client, "robin", "not-it").status_code == 200
    paused = _log_in(client, "robin", "not-it")
    assert paused.status_code == 429
    assert b"Login paused" in paused.content
    assert b"15 minutes" in paused.content
    assert _log_in(client, "robin", PASSWORD).status_code == 429


def test_another_account_can_still_log_in(client):
    UserFactory(username="robin")
    UserFactory(username="sam")
    for _ in range(LIMIT):
        _log_in(client, "robin", "not-it")
    response = _log_in(client, "sam", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("today")


def test_a_right_password_before_the_limit_starts_the_count_again(client):
    UserFactory(username="robin")
    for _ in range(LIMIT - 1):
        _log_in(client, "robin", "not-it")
    assert _log_in(client, "robin", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    for _ in range(LIMIT - 1):
        assert _log_in(client, "robin", "not-it").status_code == 200


def test_unlock_lets_the_account_in_at_once(client, capsys):
    UserFactory(username="robin")
    for _ in range(LIMIT):
        _log_in(client, "robin", "not-it")
    call_command("unlock", "--user", "robin")
    assert "robin can log in again" in capsys.readouterr().out
    assert _log_in(client, "robin", PASSWORD).status_code == 302


def test_the_pause_ends_after_the_cool_off(client, time_machine):
    import datetime

    UserFactory(username="robin")
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC))
    for _ in range(LIMIT):
        _log_in(client, "robin", "not-it")
    time_machine.move_to(datetime.datetime(2026, 3, 2, 9, 16, tzinfo=datetime.UTC))
    assert _log_in(client, "robin", PASSWORD).status_code == 302


def test_unlock_names_a_missing_account_in_one_line():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No account named 'nobody'"):
        call_command("unlock", "--user", "nobody")

"""Passwords are stored with argon2 (the rest of the suite swaps in a quick hasher)."""

import pytest
from django.contrib.auth.hashers import identify_hasher

import nextround.settings as real_settings
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_argon2_is_the_first_hasher():
    assert real_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_new_password_is_stored_as_argon2(settings):
    settings.PASSWORD_HASHERS = real_settings.PASSWORD_HASHERS
    user = UserFactory()
    user.refresh_from_db()
    assert identify_hasher(user.password).algorithm == "argon2"
    assert PASSWORD not in user.password
    assert user.check_password(PASSWORD)

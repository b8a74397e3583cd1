"""Passwords are stored with argon2 (the rest of the suite swaps in a quick hasher)."""

import threading

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import identify_hasher, make_password

import nextround.settings as real_settings
from nextround.accounts.hashers import HASHES_AT_ONCE, Argon2PasswordHasher, hashing_slots
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# What Django's own argon2 settings made before: 100 MiB, two passes, eight lanes.
DJANGO_DEFAULT_ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_our_argon2_is_the_first_hasher():
    assert real_settings.PASSWORD_HASHERS[0] == "nextround.accounts.hashers.Argon2PasswordHasher"


def test_a_new_password_is_stored_as_argon2id_at_19_mib(settings):
    settings.PASSWORD_HASHERS = real_settings.PASSWORD_HASHERS
    user = UserFactory()
    user.refresh_from_db()
    hasher = identify_hasher(user.password)
    assert hasher.algorithm == "argon2"
    assert "$argon2id$" in user.password
    assert "m=19456,t=2,p=1" in user.password
    assert PASSWORD not in user.password
    assert user.check_password(PASSWORD)


def test_a_password_stored_with_the_old_100_mib_setting_still_logs_in_and_is_made_smaller(
    settings,
):
    settings.PASSWORD_HASHERS = [DJANGO_DEFAULT_ARGON2]
    user = UserFactory()
    user.password = make_password(PASSWORD)
    user.save()
    assert "m=102400,t=2,p=8" in user.password

    settings.PASSWORD_HASHERS = real_settings.PASSWORD_HASHERS
    assert authenticate(username=user.username, password=PASSWORD) == user
    user.refresh_from_db()
    assert "m=19456,t=2,p=1" in user.password
    assert user.check_password(PASSWORD)


def test_a_wrong_password_still_fails_against_an_old_hash(settings):
    settings.PASSWORD_HASHERS = [DJANGO_DEFAULT_ARGON2]
    user = UserFactory()
    user.password = make_password(PASSWORD)
    user.save()
    settings.PASSWORD_HASHERS = real_settings.PASSWORD_HASHERS
    assert authenticate(username=user.username, password=PASSWORD + "x") is None
    user.refresh_from_db()
    assert "m=102400" in user.password


def test_hashing_waits_for_a_free_slot_when_others_are_hashing():
    hasher = Argon2PasswordHasher()
    results = []
    for _ in range(HASHES_AT_ONCE):
        hashing_slots.acquire()
    waiting = threading.Thread(
        target=lambda: results.append(hasher.encode(PASSWORD, hasher.salt()))
    )
    try:
        waiting.start()
        waiting.join(timeout=0.5)
        # Every slot is taken, so the hash has not been computed.
        assert waiting.is_alive()
        assert results == []
    finally:
        for _ in range(HASHES_AT_ONCE):
            hashing_slots.release()
    waiting.join()
    assert hasher.verify(PASSWORD, results[0])

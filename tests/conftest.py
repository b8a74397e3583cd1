"""Shared fixtures: users, logged-in clients, API clients."""

from __future__ import annotations

import json
import os
import tempfile

# Tests never touch a real data dir: settings read this when Django starts.
os.environ.setdefault("NEXTROUND_DATA_DIR", tempfile.mkdtemp(prefix="nextround-tests-"))

import pytest
from django.test import Client

from nextround.accounts.middleware import FirstRunMiddleware
from nextround.accounts.models import ApiToken
from tests.factories import UserFactory


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]}"


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashing():
    """Argon2 is slow on purpose; tests that are not about hashing need it fast.

    tests/accounts/test_passwords.py puts argon2 back to check the real setting.
    """
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Counts kept in the cache (wrong API tokens per address) start at zero in each test."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _forget_that_an_account_exists():
    """Each test starts with an empty database, so first-run setup must look again."""
    FirstRunMiddleware.has_account = False


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def client_for():
    """A test client logged in as the given user."""

    def make(person) -> Client:
        client = Client()
        client.force_login(person)
        return client

    return make


@pytest.fixture
def user_client(user, client_for) -> Client:
    return client_for(user)


class ApiClient:
    """A test client that speaks JSON with a bearer token."""

    def __init__(self, token: str):
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path, **params):
        response = self.client.get(path, params, headers=self.headers)
        if response.streaming:
            # A streamed answer (the export) read whole, so tests can call .json() on it.
            body = b"".join(response.streaming_content)
            response.streaming_content = [body]
            response.json = lambda: json.loads(body)
        return response

    def post(self, path, data=None):
        return self.client.post(
            path, data or {}, content_type="application/json", headers=self.headers
        )

    def patch(self, path, data=None):
        return self.client.patch(
            path, data or {}, content_type="application/json", headers=self.headers
        )

    def delete(self, path):
        return self.client.delete(path, headers=self.headers)


@pytest.fixture
def api_for(db):
    """An API client authenticated as the given user with a fresh token."""

    def make(person) -> ApiClient:
        _, raw = ApiToken.issue(person, "tests")
        return ApiClient(raw)

    return make


@pytest.fixture
def api(user, api_for) -> ApiClient:
    return api_for(user)

"""API tokens made on the Settings page: shown once, stored hashed, revocable."""

import hashlib
import re

import pytest
from django.urls import reverse

from nextround.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def make_token(user_client, name="laptop script") -> str:
    page = user_client.post(reverse("accounts:create_token"), {"name": name}, follow=True)
    found = re.search(rb'id="new-token"[^>]*value="(nr_[^"]+)"', page.content)
    assert found, "the new token is shown on the Settings page"
    return found.group(1).decode()


def test_a_new_token_is_shown_once(user_client):
    raw = make_token(user_client)
    again = user_client.get(reverse("accounts:settings"))
    assert raw.encode() not in again.content
    assert b"laptop script" in again.content


def test_only_the_tokens_hash_is_stored(user_client, user):
    raw = make_token(user_client)
    token = ApiToken.objects.get(user=user)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    stored = [str(value) for value in ApiToken.objects.values_list().get()]
    assert raw not in stored


def test_the_token_opens_the_api(client, user_client, user):
    raw = make_token(user_client)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json()["username"] == user.username


def test_a_revoked_token_is_refused_by_the_api(client, user_client, user):
    raw = make_token(user_client)
    token = ApiToken.objects.get(user=user)
    response = user_client.post(reverse("accounts:revoke_token", args=[token.pk]), follow=True)
    assert b"revoked" in response.content
    answer = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert answer.status_code == 401


def test_a_token_needs_a_name(user_client, user):
    user_client.post(reverse("accounts:create_token"), {"name": ""})
    assert not ApiToken.objects.filter(user=user).exists()

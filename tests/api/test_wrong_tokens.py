"""Wrong tokens are refused, and an address that keeps trying is told to wait."""

import pytest
import time_machine
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.test import Client
from django.utils import timezone

from nextround.accounts.models import ApiToken
from nextround.api.auth import WRONG_TOKENS_PER_MINUTE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counts():
    caches["shared"].clear()
    yield
    caches["shared"].clear()


def _me(token, address="198.51.100.7"):
    return Client(REMOTE_ADDR=address).get(
        "/api/v1/me", headers={"Authorization": f"Bearer {token}"}
    )


@time_machine.travel("2026-03-02 09:00:10", tick=False)
def test_many_wrong_tokens_from_one_address_are_answered_429(user):
    _, good = ApiToken.issue(user, "Script")
    for attempt in range(WRONG_TOKENS_PER_MINUTE):
        assert _me(f"nr_wrong{attempt}").status_code == 401
    refused = _me("nr_wrong-again")
    assert refused.status_code == 429
    assert "Wait a minute" in refused.json()["detail"]
    # The pause is for that address only, and even the right token waits there.
    assert _me(good).status_code == 429
    assert _me(good, address="198.51.100.8").status_code == 200


def test_the_pause_lasts_a_minute(user, time_machine):
    _, good = ApiToken.issue(user, "Script")
    time_machine.move_to("2026-03-02 09:00:10", tick=False)
    for attempt in range(WRONG_TOKENS_PER_MINUTE):
        _me(f"nr_wrong{attempt}")
    assert _me(good).status_code == 429
    time_machine.move_to("2026-03-02 09:01:10", tick=False)
    assert _me(good).status_code == 200


@time_machine.travel("2026-03-02 09:00:10", tick=False)
def test_the_count_is_shared_by_every_worker_process(user, settings):
    """Wrong tokens sent to one worker count at the next: the count is on disk, not in memory."""
    for attempt in range(WRONG_TOKENS_PER_MINUTE):
        _me(f"nr_wrong{attempt}")
    # What another process sees: a cache of its own, over the same folder.
    another_process = FileBasedCache(settings.CACHES["shared"]["LOCATION"], {})
    key = "wrong-token:198.51.100.7:" + str(int(timezone.now().timestamp() // 60))
    assert another_process.get(key) == WRONG_TOKENS_PER_MINUTE

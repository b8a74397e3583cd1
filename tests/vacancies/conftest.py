from __future__ import annotations

import pytest

from nextround.vacancies import watching
from tests.vacancies.site import FixtureSite, start


@pytest.fixture
def site():
    """A fixture web site on 127.0.0.1, reachable because private addresses are allowed here."""
    found = FixtureSite()
    server = start(found)
    yield found
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _watch_may_visit_localhost(settings, monkeypatch):
    settings.WATCH_ALLOW_PRIVATE = True
    # No waiting between tries of a busy server in tests.
    monkeypatch.setattr(watching, "RETRY_PAUSE", 0)

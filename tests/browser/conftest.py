"""Browser tests: Playwright driving Debian's Chromium against a live server.

How to write one (put it in ``tests/browser/test_<feature>.py``; every test in
this folder is marked ``browser`` for you)::

    from tests.browser.accessibility import assert_accessible

    def test_it_lists_my_applications(logged_in_page, live_server, user):
        ApplicationFactory(owner=user, role="Archivist")   # the test and the
        page = logged_in_page                               # server share a DB
        page.goto("/applications/")                         # relative to live_server
        assert_accessible(page)                             # axe, zero violations:
        page.get_by_role("link", name="Archivist").click()  # after every page you visit
        assert_accessible(page)

Fixtures: ``page`` (a fresh, signed-out tab whose relative URLs go to the live
server), ``logged_in_page`` (the same, signed in as the ``user`` fixture),
``log_in(page, person)`` (sign any user in), ``axe`` (the same check as
``assert_accessible``, as a fixture). Prefer role and label locators
(``get_by_role``, ``get_by_label``): they fail when a control loses its name.

The browser is always /usr/bin/chromium (``apt install chromium``), never a
downloaded one. Without it these tests skip, except under CI=true, where a
missing browser fails the run.

Playwright's sync API keeps an asyncio loop running in the test's thread, which
trips Django's "async unsafe" guard on every ORM call. The guard is lifted only
while a browser test runs, and Playwright is started and stopped per test so
that no loop outlives it into the rest of the suite.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from nextround.accounts.middleware import FirstRunMiddleware
from tests.browser.accessibility import assert_accessible

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# Long enough for a loaded CI machine, short enough that a wrong locator fails fast.
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def chromium_browser(monkeypatch):
    """Debian's Chromium, started for this test alone."""
    if not CHROMIUM.exists():
        message = f"Browser tests need Chromium at {CHROMIUM} (apt install chromium)."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " CI must run them.")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            # Code run inside Playwright's context gets its own database
            # connections (Django keeps them in context variables); close
            # them here, or they outlive the test and block dropping the
            # test database on PostgreSQL.
            connections.close_all()


@pytest.fixture
def page(chromium_browser, live_server):
    """A fresh, signed-out tab; ``page.goto("/path/")`` goes to the live server."""
    # The live server outlives each test's database; let it notice an empty one.
    FirstRunMiddleware.has_account = False
    context = chromium_browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    # The content policy is in force on every page a browser test visits:
    # anything it blocks (an inline script or style, a foreign host) fails.
    blocked = []
    tab.on(
        "console",
        lambda message: (
            blocked.append(f"{tab.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    try:
        yield tab
    finally:
        context.close()
    assert not blocked, "The content policy blocked something:\n" + "\n".join(blocked)


@pytest.fixture
def log_in(live_server):
    """Sign a user in by giving the tab a session cookie (quicker than the form)."""

    def sign_in(tab, person) -> None:
        client = Client()
        client.force_login(person)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        tab.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
        )

    return sign_in


@pytest.fixture
def logged_in_page(page, log_in, user):
    """A tab signed in as the ``user`` fixture."""
    log_in(page, user)
    return page


@pytest.fixture
def axe():
    """``axe(page)`` fails the test with a readable report unless axe finds nothing."""
    return assert_accessible

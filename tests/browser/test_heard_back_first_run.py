"""From an empty install to a plan with a drafted feedback request: counted clicks and fields.

A newcomer on their worst day makes the account, says they heard back, and
has a plan with the feedback request drafted, in at most five clicks and six
fields, at phone and desktop width, in light and dark mode, with axe on
every page.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible

MOST_CLICKS = 5
MOST_FIELDS = 6


class Newcomer:
    """Does what a person does on the page, counting each click and each field filled in."""

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.fields = 0

    def click(self, locator) -> None:
        self.clicks += 1
        locator.click()
        assert_accessible(self.page)

    def fill(self, locator, value: str) -> None:
        self.fields += 1
        locator.fill(value)

    def choose(self, locator, value: str) -> None:
        self.fields += 1
        locator.select_option(value)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_newcomer_reaches_a_drafted_feedback_request_quickly(
    page, transactional_db, width, scheme
):
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    person = Newcomer(page)

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/setup/$"))
    assert_accessible(page)
    person.fill(page.get_by_label("Login name"), "robin")
    person.fill(page.get_by_label("Password", exact=True), "a-long-test-password-42")
    person.fill(page.get_by_label("Your name, to sign letters with"), "Robin Ashdown")
    person.click(page.get_by_role("button", name="Create my account"))

    # Today, new: ways in, not empty sections.
    expect(page.get_by_role("heading", name="Where would you like to start?")).to_be_visible()
    expect(page.get_by_role("heading", name="Your plan")).to_have_count(0)
    person.click(page.get_by_role("link", name="I've heard back"))

    outcome = page.get_by_label("What did you hear?")
    expect(outcome).to_have_value("")
    person.fill(page.get_by_label("Organisation"), "Harbour Maritime Museum")
    person.fill(page.get_by_label("Role"), "Collections Assistant")
    person.choose(outcome, "rejected")
    person.click(page.get_by_role("button", name="Save and see my plan"))

    # The plan's first step, with the request drafted and ready to send.
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for feedback")
    expect(page.get_by_text("Collections Assistant").first).to_be_visible()
    send = page.locator("a[href^='mailto:']").first
    expect(send).to_be_visible()
    assert "Collections%20Assistant" in (send.get_attribute("href") or "")

    # And the whole plan on Today.
    person.click(page.get_by_role("link", name="Next Round").first)
    expect(page.get_by_role("heading", name="Your plan")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Ask for feedback")).first).to_be_visible()

    assert person.clicks <= MOST_CLICKS, person.clicks
    assert person.fields <= MOST_FIELDS, person.fields


def test_the_outcome_select_refuses_a_hurried_save(page, transactional_db, log_in, user):
    log_in(page, user)
    page.goto("/plan/heard-back/")
    page.get_by_label("Organisation").fill("Harbour Maritime Museum")
    page.get_by_label("Role").fill("Collections Assistant")
    page.get_by_role("button", name="Save and see my plan").click()
    assert_accessible(page)
    expect(page.get_by_text("Choose what you heard: an offer, a no, no reply…")).to_be_visible()
    expect(page.get_by_label("Organisation")).to_have_value("Harbour Maritime Museum")


def test_setup_asks_the_password_once_and_can_show_it(page, transactional_db):
    page.goto("/accounts/setup/")
    password = page.get_by_label("Password", exact=True)
    password.fill("a-long-test-password-42")
    expect(password).to_have_attribute("type", "password")
    page.get_by_label("Show password").check()
    expect(password).to_have_attribute("type", "text")
    assert_accessible(page)
    page.get_by_label("Show password").uncheck()
    expect(password).to_have_attribute("type", "password")

"""The first story a newcomer lives through, end to end in a real browser:
setup, an organisation, an application, an interview with a panel member, a
rejection, and that rejection told on every page that should tell it."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible


def visit(page, path=None):
    """Go somewhere (or stay), then hold the page to the accessibility check."""
    if path is not None:
        page.goto(path)
    assert_accessible(page)


def test_it_carries_a_newcomer_from_setup_to_a_recorded_rejection(page, transactional_db):
    today = timezone.localdate()
    applied_on = today - datetime.timedelta(days=20)
    interviewed_at = timezone.localtime() - datetime.timedelta(days=3)
    promised_by = today + datetime.timedelta(days=7)

    # First run: every page leads to setup, where the first account is made.
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/setup/$"))
    visit(page)
    page.get_by_label("Login name").fill("robin")
    page.get_by_label("Password", exact=True).fill("a-long-test-password-42")
    page.get_by_label("Your name, to sign letters with").fill("Robin Ashdown")
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Today")
    visit(page)

    # An organisation.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organisations").click()
    visit(page)
    page.get_by_role("link", name=re.compile("Add an organisation|New organisation")).click()
    visit(page)
    page.get_by_label("Name").fill("Harbour Maritime Museum")
    page.get_by_label("Kind").select_option("museum")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Harbour Maritime Museum")
    visit(page)

    # An application there.
    page.get_by_role("link", name="New application here").click()
    visit(page)
    page.get_by_label("Role").fill("Collections Assistant")
    page.get_by_label("Applied on").fill(applied_on.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Collections Assistant")
    visit(page)
    application_url = page.url

    # An interview with a panel member named on the spot.
    page.get_by_role("link", name="Add an interview").click()
    visit(page)
    page.get_by_label("Stage").fill("First interview")
    page.get_by_label("Date and time").fill(interviewed_at.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("New panel members").fill("Morgan Reed, Head of Collections")
    page.get_by_label("Decision promised by").fill(promised_by.isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Morgan Reed")).to_be_visible()
    visit(page)

    # Today: the interview waits on the panel, with the promised date.
    visit(page, "/")
    awaiting = page.get_by_role("region", name="Awaiting a decision")
    expect(awaiting).to_contain_text("Collections Assistant")
    expect(awaiting).to_contain_text(f"promised by {promised_by.day} {promised_by:%b}")

    # The rejection, recorded with its date.
    visit(page, application_url)
    page.get_by_label("Outcome", exact=True).select_option("rejected")
    page.get_by_label("Date of the decision").fill(today.isoformat())
    page.get_by_role("button", name="Save outcome").click()
    visit(page)

    # The application's timeline tells the whole story in order.
    # (The plan's steps sit on the timeline too; the story's own moments come first here.)
    story = page.get_by_role("region", name="The story so far")
    expect(story).to_contain_text("Ask for feedback")
    expect(story.locator("li:not([class^='timeline-action'])")).to_have_text(
        [
            re.compile("Applied for Collections Assistant"),
            re.compile("First interview.*Morgan Reed", re.S),
            re.compile("Rejected after interview"),
            re.compile("Decision promised by this date"),
        ]
    )

    # Today no longer waits on a panel that has answered.
    visit(page, "/")
    expect(page.get_by_role("region", name="Awaiting a decision")).not_to_contain_text(
        "Collections Assistant"
    )

    # The organisation keeps the history.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Organisations").click()
    visit(page)
    page.get_by_role("link", name="Harbour Maritime Museum").click()
    visit(page)
    history = page.get_by_role("listitem").filter(has_text="Collections Assistant")
    expect(history).to_contain_text("Rejected after interview")

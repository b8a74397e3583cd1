"""Every drafted message in the browser: the send link carries the edits, copy, and a warning."""

from __future__ import annotations

import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind
from nextround.playbook.plan import record_outcome
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import TIMEOUT_MS
from tests.expenses.factories import ExpenseFactory
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory

# Follows every click on a mailto: link, keeps its address at that moment, and
# stays on the page (a test browser has no mail program to open).
CATCH_MAILTO = """() => {
  window.sentTo = [];
  document.addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="mailto:"]');
    if (!link) return;
    window.sentTo.push(link.href);
    event.preventDefault();
  });
}"""


@pytest.fixture
def rejection(user):
    user.username, user.signing_name = "jo.bloggs", "Jo Bloggs"
    user.save()
    application = ApplicationFactory(owner=user, role="Assistant Curator")
    interview = InterviewFactory(
        owner=user,
        application=application,
        format=InterviewFormat.IN_PERSON,
        starts_at=timezone.now() - datetime.timedelta(days=7),
    )
    interview.panel.add(
        ContactFactory(owner=user, name="Robin Examplefield", email="r@example.org")
    )
    ExpenseFactory(owner=user, interview=interview, amount=Decimal("18.20"))
    record_outcome(application, "rejected", timezone.localdate())
    return application


def sent(page) -> tuple[str, dict]:
    page.wait_for_function("() => window.sentTo.length > 0")
    link = urlsplit(page.evaluate("() => window.sentTo[0]"))
    assert link.scheme == "mailto"
    return link.path, parse_qs(link.query)


def test_the_send_link_carries_what_is_in_the_boxes_and_keeps_it(logged_in_page, rejection):
    page = logged_in_page
    ask = Action.objects.get(application=rejection, kind=ActionKind.ASK_FEEDBACK)
    page.goto(ask.get_absolute_url())
    assert_accessible(page)
    assert (
        "With best wishes,\nJo Bloggs" in page.get_by_role("textbox", name="Message").input_value()
    )
    page.evaluate(CATCH_MAILTO)
    page.get_by_label("Subject").fill("Feedback, if you have a moment")
    page.get_by_role("textbox", name="Message").fill(
        "Dear Robin,\n\nAny thoughts at all would help.\n\nJo"
    )
    with page.expect_response(lambda response: response.url.endswith("/draft/")) as kept:
        page.get_by_role("link", name="Open it in your mail program").click()
    assert kept.value.status == 204
    to, query = sent(page)
    assert to == "r@example.org"
    assert query["subject"] == ["Feedback, if you have a moment"]
    assert query["body"] == ["Dear Robin,\n\nAny thoughts at all would help.\n\nJo"]
    ask.refresh_from_db()
    assert ask.draft_subject == "Feedback, if you have a moment"
    # Kept, so leaving asks nothing; the saved edits are there on coming back.
    page.reload()
    assert page.get_by_label("Subject").input_value() == "Feedback, if you have a moment"
    assert_accessible(page)


def test_the_copy_button_copies_the_message_and_says_so(logged_in_page, rejection):
    page = logged_in_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    ask = Action.objects.get(application=rejection, kind=ActionKind.ASK_FEEDBACK)
    page.goto(ask.get_absolute_url())
    page.get_by_role("textbox", name="Message").fill("Dear Robin, thank you.")
    page.get_by_role("button", name="Copy the message").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == "Dear Robin, thank you."
    assert_accessible(page)


def test_leaving_with_unsaved_edits_asks_first_and_not_once_they_are_kept(
    logged_in_page, rejection
):
    page = logged_in_page
    ask = Action.objects.get(application=rejection, kind=ActionKind.ASK_FEEDBACK)
    page.goto(ask.get_absolute_url())
    page.get_by_label("Subject").click()
    page.keyboard.type(" (edited)")
    # Answer "stay on the page" whenever asked; a question after saving would keep us here.
    page.on("dialog", lambda dialog: dialog.dismiss())
    with page.expect_event("dialog") as asked:
        page.get_by_role("link", name="Next Round").click()
    assert asked.value.type == "beforeunload"
    assert page.url.endswith(ask.get_absolute_url())
    page.get_by_role("button", name="Save my edits").click()
    page.get_by_text("Your edits are saved").wait_for()
    page.get_by_role("link", name="Next Round").click()
    page.wait_for_url(lambda url: not url.endswith(ask.get_absolute_url()))


def test_the_expense_claim_and_the_connection_note_behave_the_same(logged_in_page, rejection):
    page = logged_in_page
    interview = rejection.interviews.get()
    page.goto(f"/expenses/claim/{interview.pk}/")
    assert_accessible(page)
    assert page.get_by_role("textbox", name="Message").input_value().endswith("Jo Bloggs")
    page.evaluate(CATCH_MAILTO)
    page.get_by_label("Subject").fill("Travel to the interview")
    page.get_by_role("link", name="Open it in my email app").click()
    _, query = sent(page)
    assert query["subject"] == ["Travel to the interview"]
    assert page.get_by_role("button", name="Copy the message").is_visible()

    robin = interview.panel.get()
    page.goto(robin.get_absolute_url())
    assert_accessible(page)
    page.evaluate(CATCH_MAILTO)
    note = page.get_by_role("textbox", name="Your note")
    note.fill("Thank you for Tuesday.")
    count = page.locator("#id_note_count")
    assert count.inner_text().startswith("22 of 300")
    page.get_by_role("link", name="Send it by email").click()
    to, query = sent(page)
    assert (to, query["body"]) == ("r@example.org", ["Thank you for Tuesday."])
    assert page.get_by_role("button", name="Copy the note").is_visible()


def test_without_javascript_one_button_keeps_the_edits_and_opens_them(
    chromium_browser, live_server, log_in, user, rejection
):
    context = chromium_browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        log_in(page, user)
        ask = Action.objects.get(application=rejection, kind=ActionKind.ASK_FEEDBACK)
        page.goto(ask.get_absolute_url())
        assert not page.get_by_role("button", name="Copy the message").is_visible()
        page.get_by_label("Subject").fill("Edited without scripts")
        page.get_by_role("textbox", name="Message").fill("Dear Robin,\nEdited.")
        with page.expect_response(lambda response: response.url.endswith("/draft/")) as kept:
            page.get_by_role("button", name="Open it in your mail program").click()
        assert kept.value.status == 302
        link = urlsplit(kept.value.headers["location"])
        assert link.scheme == "mailto"
        assert parse_qs(link.query) == {
            "subject": ["Edited without scripts"],
            "body": ["Dear Robin,\nEdited."],
        }
        ask.refresh_from_db()
        assert ask.draft_subject == "Edited without scripts"
    finally:
        context.close()


def test_the_panel_step_offers_searches_a_live_count_and_copy(logged_in_page, rejection):
    page = logged_in_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    step = Action.objects.get(application=rejection, kind=ActionKind.CONNECT_PANEL)
    robin = rejection.interviews.get().panel.get()
    page.goto(step.get_absolute_url())
    assert_accessible(page)
    search = page.get_by_role("link", name="Search people on LinkedIn for Robin Examplefield")
    assert "keywords=Robin+Examplefield" in search.get_attribute("href")
    note = page.get_by_role("textbox", name="Your note")
    note.fill("Thank you, Robin.")
    assert page.locator(f"#note-{robin.pk}-note_count").inner_text().startswith("17 of 300")
    page.get_by_role("button", name="Copy the note").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("() => navigator.clipboard.readText()") == "Thank you, Robin."
    page.get_by_role("button", name="Save the note").click()
    page.get_by_text("Note saved.").wait_for()
    assert page.url.endswith(step.get_absolute_url())
    assert note.input_value() == "Thank you, Robin."
    assert_accessible(page)

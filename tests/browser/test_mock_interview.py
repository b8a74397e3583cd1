"""The mock interview in Chromium with a fake microphone: time, record, play back, rate."""

from __future__ import annotations

import pytest
from django.db import connections
from playwright.sync_api import expect

from nextround.questions.models import Rating, Review
from tests.browser import conftest as browser
from tests.browser.accessibility import assert_accessible
from tests.questions.factories import QuestionFactory

PHONE = {"width": 390, "height": 844}
FAKE_MICROPHONE = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture
def chromium_browser(monkeypatch):
    """The shared browser, started with a fake microphone that needs no permission prompt."""
    if not browser.CHROMIUM.exists():
        pytest.skip(f"Browser tests need Chromium at {browser.CHROMIUM} (apt install chromium).")
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(browser.CHROMIUM), args=browser.CHROMIUM_ARGS + FAKE_MICROPHONE
        )
        try:
            yield launched
        finally:
            launched.close()
            connections.close_all()


def test_a_mock_interview_records_plays_back_and_rates(logged_in_page, user):
    first = QuestionFactory(
        owner=user,
        text="Tell us about a time you rescued a damaged object",
        star_result="The folio went back on display",
        tricky=True,
    )
    QuestionFactory(owner=user, text="What would you change about our galleries?", tricky=True)
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/questions/practice/mock/")
    assert_accessible(page)
    page.get_by_label("Which of them").select_option("tricky")
    page.get_by_label("Minutes for each answer").fill("1")
    page.get_by_role("button", name="Start the mock interview").click()
    page.get_by_role("heading", name=first.text).wait_for()
    assert page.get_by_text("never uploaded").is_visible()
    # The list of recordings is read from IndexedDB after the page has shown.
    expect(page.get_by_text("No recordings yet.")).to_be_visible()
    assert_accessible(page)

    # Space starts the timer; R starts and stops a recording.
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press(" ")
    page.get_by_role("button", name="Stop the timer").wait_for()
    page.keyboard.press("r")
    page.get_by_text("Recording: the microphone can hear you.").wait_for()
    page.keyboard.press("r")
    page.get_by_text("Recording kept on this device.").wait_for()

    recording = page.get_by_label(f"Recording: {first.text}")
    recording.wait_for()
    playing = recording.evaluate(
        """audio => audio.play().then(() => { audio.pause(); return audio.currentTime >= 0; })"""
    )
    assert playing
    assert_accessible(page)

    page.get_by_text("Show my STAR answer").click()
    assert page.get_by_text("The folio went back on display").is_visible()
    page.keyboard.press("3")
    page.get_by_role("heading", name="What would you change about our galleries?").wait_for()
    assert Review.objects.get(question=first).rating == Rating.GOOD
    assert_accessible(page)

    # The recording stayed in this browser; deleting all leaves none.
    assert page.get_by_role("button", name="Delete this recording").count() == 1
    page.get_by_role("button", name="Delete all recordings").click()
    page.get_by_text("All recordings deleted.").wait_for()
    # The list of recordings is read from IndexedDB after the page has shown.
    expect(page.get_by_text("No recordings yet.")).to_be_visible()
    assert_accessible(page)


def test_one_recording_can_be_deleted_on_its_own(logged_in_page, user):
    QuestionFactory(owner=user, text="Why this gallery?")
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.goto("/questions/practice/mock/?minutes=2")
    deletes = page.get_by_role("button", name="Delete this recording")
    for count in (1, 2):
        page.get_by_role("button", name="Record my answer").click()
        page.get_by_text("Recording: the microphone can hear you.").wait_for()
        page.get_by_role("button", name="Stop recording").click()
        expect(deletes).to_have_count(count)

    deletes.first.click()
    page.get_by_text("Recording deleted.").wait_for()
    expect(deletes).to_have_count(1)

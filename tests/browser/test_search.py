"""The search box in the header, at phone and desktop width, with axe on each page."""

from __future__ import annotations

import pytest

from tests.browser.accessibility import assert_accessible
from tests.factories import ApplicationFactory, ContactFactory


@pytest.mark.parametrize("width", [390, 1280])
def test_finding_an_application_from_the_header(logged_in_page, user, width):
    application = ApplicationFactory(owner=user, role="Digital Archivist")
    ContactFactory(owner=user, name="Morwenna Archer", notes="Runs the archive's volunteers")
    page = logged_in_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    box = page.get_by_role("search").get_by_label("Search everything")
    box.fill("archiv")
    box.press("Enter")
    page.get_by_role("heading", level=1, name="Search").wait_for()
    assert_accessible(page)
    assert page.get_by_role("status").inner_text() == "2 matches for “archiv”."
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.get_by_role("link", name="Digital Archivist at").click()
    page.wait_for_url(f"**/applications/{application.pk}/")
    assert_accessible(page)

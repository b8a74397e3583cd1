"""On a phone every area is two taps away and nothing runs off the side;
dark colours follow the device or the person's choice; focus lands on Undo."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from nextround.accounts.models import Theme
from nextround.home import demo
from nextround.playbook.models import ActionKind
from tests.browser.accessibility import assert_accessible
from tests.playbook.factories import ActionFactory

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

LIST_PAGES = [
    "jobs:application_list",
    "jobs:applications",
    "jobs:organisations",
    "network:contacts",
    "expenses:expenses",
    "questions:questions",
    "feedback:gaps",
    "happybox:items",
    "vacancies:list",
    "jobs:activity",
    "playbook:plan",
    "insights",
    "accounts:settings",
]


@pytest.fixture
def demo_page(page, log_in):
    """A tab signed in as the demo account, with its whole story."""
    story = demo.build()
    log_in(page, story.user)
    return page


def main_menu(page) -> list[tuple[str, str]]:
    return page.eval_on_selector_all(
        "nav[aria-label=Main] a", "links => links.map(a => [a.textContent.trim(), a.pathname])"
    )


def test_every_area_is_two_taps_away_on_a_phone(demo_page):
    page = demo_page
    page.set_viewport_size(PHONE)
    page.goto("/")
    areas = main_menu(page)
    assert "Settings" in [name for name, _ in areas]
    for name, path in areas:
        page.goto("/")
        menu = page.locator(".site-menu > summary")
        link = page.get_by_role("navigation", name="Main").get_by_role(
            "link", name=name, exact=True
        )
        assert not link.is_visible(), "the menu starts folded on a phone"
        menu.click()  # first tap
        link.click()  # second tap
        page.wait_for_url(re.compile(re.escape(path) + "$"))
    assert_accessible(page)


def test_the_menu_is_open_on_a_wide_screen(demo_page):
    page = demo_page
    page.set_viewport_size(DESKTOP)
    page.goto("/")
    assert not page.locator(".site-menu > summary").is_visible()
    assert page.get_by_role("link", name="Contacts", exact=True).is_visible()


def test_list_pages_fit_a_phone_and_keep_the_status_in_view(demo_page):
    page = demo_page
    page.set_viewport_size(PHONE)
    for name in LIST_PAGES:
        page.goto(reverse(name))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} is {width}px wide"
        assert_accessible(page)
    page.goto(reverse("jobs:application_list"))
    status = page.locator('td[data-label="Status"] .badge').first
    assert status.is_visible()
    box = status.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_chart_text_is_never_below_12px(demo_page, viewport):
    page = demo_page
    page.set_viewport_size(viewport)
    page.goto(reverse("insights"))
    sizes = page.eval_on_selector_all(
        ".bar-chart .group-label, .bar-chart .bar-label",
        "labels => labels.map(label => parseFloat(getComputedStyle(label).fontSize))",
    )
    assert sizes, "the insights page drew no chart labels"
    assert min(sizes) >= 12
    page.goto(reverse("questions:stats"))
    sizes = page.eval_on_selector_all(
        ".heatmap td, .heatmap th, .heatmap .date",
        "cells => cells.map(cell => parseFloat(getComputedStyle(cell).fontSize))",
    )
    assert sizes, "the review statistics drew no heatmap"
    assert min(sizes) >= 12


def background(page) -> tuple[int, ...]:
    colour = page.evaluate("getComputedStyle(document.body).backgroundColor")
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def is_dark(page) -> bool:
    return sum(background(page)) < 3 * 100


def test_colours_follow_the_device_unless_the_person_chose(logged_in_page, user):
    page = logged_in_page
    page.emulate_media(color_scheme="dark")
    page.goto("/")
    assert is_dark(page)
    user.theme = Theme.LIGHT
    user.save()
    page.goto("/")
    assert page.locator("html").get_attribute("data-theme") == "light"
    assert not is_dark(page)
    page.emulate_media(color_scheme="light")
    user.theme = Theme.DARK
    user.save()
    page.goto("/")
    assert is_dark(page)


def test_the_colour_switch_in_settings_is_kept(logged_in_page, user):
    page = logged_in_page
    page.emulate_media(color_scheme="light")
    page.goto(reverse("accounts:settings"))
    page.get_by_label("Always dark").check()
    page.get_by_role("button", name="Save colours").click()
    page.get_by_text("Colours saved.").wait_for()
    assert page.locator("html").get_attribute("data-theme") == "dark"
    assert is_dark(page)
    user.refresh_from_db()
    assert user.theme == Theme.DARK


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_pass_axe_in_both_colours(demo_page, scheme):
    page = demo_page
    page.emulate_media(color_scheme=scheme)
    for name in ["today", "jobs:applications", "insights", "feedback:gaps", "accounts:settings"]:
        page.goto(reverse(name))
        assert is_dark(page) == (scheme == "dark")
        assert_accessible(page)
    page.set_viewport_size(PHONE)
    page.goto(reverse("jobs:application_list"))
    page.locator(".site-menu > summary").click()
    assert_accessible(page)


def test_the_favicon_is_linked_and_served(page):
    page.goto(reverse("accounts:login"))
    for selector in ['link[rel=icon][type="image/svg+xml"]', 'link[rel=icon][type="image/png"]']:
        href = page.locator(selector).get_attribute("href")
        assert page.request.get(href).status == 200, href


def test_after_a_one_click_done_focus_is_on_undo(logged_in_page, user):
    ActionFactory(owner=user, kind=ActionKind.BE_KIND)
    page = logged_in_page
    page.goto(reverse("playbook:plan"))
    page.get_by_role("button", name=re.compile(r"^Done")).first.click()
    undo = page.get_by_role("button", name=re.compile(r"^Undo"))
    undo.wait_for()
    page.wait_for_function(
        "document.activeElement && document.activeElement.textContent.startsWith('Undo')"
    )
    assert_accessible(page)


def test_an_add_page_focuses_its_first_field(logged_in_page):
    page = logged_in_page
    page.goto(reverse("jobs:organisation_create"))
    assert page.evaluate("document.activeElement.id") == "id_name"


@pytest.mark.parametrize(
    "name", ["jobs:application_list", "network:contacts", "questions:questions"]
)
def test_on_a_phone_the_list_comes_before_its_filters(demo_page, name):
    """The filters fold under one line on a phone, open while one is in use, and always show wider."""
    page = demo_page
    fold = page.locator("details.filter-fold")
    search = fold.locator("input[name=q]")
    page.set_viewport_size(PHONE)
    page.goto(reverse(name))
    assert fold.get_attribute("open") is None
    assert not search.is_visible()
    page.get_by_text("Search and filter").click()
    assert search.is_visible()
    assert_accessible(page)

    page.goto(reverse(name) + "?q=museum")
    assert fold.get_attribute("open") is not None
    assert search.input_value() == "museum"

    page.goto(reverse(name))
    page.set_viewport_size(DESKTOP)
    assert search.is_visible()
    assert not page.get_by_text("Search and filter").is_visible()

"""The harness itself: the browser reaches the live server, signed out and in."""

from django.urls import reverse

from tests.browser.accessibility import assert_accessible
from tests.factories import UserFactory


def test_it_shows_the_login_page_to_a_signed_out_visitor(page, user):
    page.goto(reverse("accounts:login"))
    assert page.get_by_role("heading", level=1).is_visible()
    assert_accessible(page)


def test_a_logged_in_page_opens_today(logged_in_page, user):
    logged_in_page.goto("/")
    assert logged_in_page.get_by_text(f"Signed in as {user.username}").is_visible()
    assert_accessible(logged_in_page)


def test_log_in_signs_in_any_user(page, log_in, db):
    someone = UserFactory(username="second-seeker")
    log_in(page, someone)
    page.goto("/")
    assert page.get_by_text("Signed in as second-seeker").is_visible()

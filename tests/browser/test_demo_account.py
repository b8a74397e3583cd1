"""A newcomer builds the demo and logs in with the password the README gives."""

import io

from django.core.management import call_command

from nextround.home import demo
from tests.browser.accessibility import assert_accessible


def test_the_demo_account_logs_in_to_a_living_today_page(page, db):
    call_command("demo", stdout=io.StringIO())
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(demo.DEMO_USERNAME)
    page.get_by_label("Password").fill(demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Awaiting a decision").wait_for()
    assert page.get_by_role("link", name="Collections assistant (12 months)").first.is_visible()
    assert page.get_by_text("Archive assistant").first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Applications", exact=True).first.click()
    page.get_by_text("Volunteer visitor guide").first.wait_for()
    assert_accessible(page)

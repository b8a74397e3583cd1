"""The login page's help for a forgotten password, opened as a person would."""

from django.urls import reverse

from tests.browser.accessibility import assert_accessible


def test_the_forgotten_password_help_opens_and_names_the_commands(page, user):
    page.goto(reverse("accounts:login"))
    page.get_by_text("Forgotten your password?").click()
    assert page.get_by_text("nextround changepassword NAME").is_visible()
    assert page.get_by_text("nextround unlock --user NAME").is_visible()
    assert_accessible(page)

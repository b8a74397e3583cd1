"""After an interview, on a phone: Today asks how it went, and the page keeps it all (axe on each)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from nextround.expenses.models import Expense
from nextround.questions.models import Category, Question
from tests.browser.accessibility import assert_accessible
from tests.factories import InterviewFactory

PHONE = {"width": 390, "height": 844}


def _fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_after_an_interview_a_phone_reaches_the_how_it_went_page_and_keeps_everything(
    logged_in_page, user, scheme
):
    interview = InterviewFactory(
        owner=user,
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        application__role="Archive assistant",
        application__organisation__name="Harbour Archives",
    )
    page = logged_in_page
    page.set_viewport_size(PHONE)
    page.emulate_media(color_scheme=scheme)
    page.goto(reverse("today"))
    assert_accessible(page)
    assert page.get_by_role("heading", name="How did it go?").is_visible()
    page.get_by_role("link", name="Tell how it went: Archive assistant at Harbour Archives").click()

    page.get_by_role("heading", name="How did it go?", level=1).wait_for()
    assert_accessible(page)
    assert _fits_the_width(page)
    page.get_by_label("It went well").check()
    page.get_by_label("How it went, in a few words").fill("Friendly panel. I rushed one answer.")
    page.get_by_label("Questions you were asked").fill(
        "Tell us about a time you helped a researcher\nWhy do you want this role?"
    )
    page.get_by_label("Amount").first.fill("18.40")
    page.get_by_label("When did they say you would hear?").fill(
        (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    )
    page.get_by_role("button", name="Save").click()

    # Nothing is kept yet: each question's suggested kind is shown to change.
    page.get_by_role("group", name="Check each question's kind, then save").wait_for()
    assert_accessible(page)
    assert _fits_the_width(page)
    assert not Question.objects.exists()
    assert page.locator("#category-0").input_value() == Category.COMPETENCY
    page.locator("#category-1").select_option(Category.MOTIVATION)
    page.get_by_role("button", name="Save everything").click()

    page.get_by_text("Saved. Well done for writing it down").wait_for()
    assert_accessible(page)
    interview.refresh_from_db()
    assert interview.feeling == 4
    assert Question.objects.filter(interviews=interview).count() == 2
    assert Expense.objects.get(interview=interview).amount == Decimal("18.40")
    # Today no longer asks about this one.
    assert page.get_by_role("link", name="Tell how it went: Archive assistant").count() == 0

"""The happy box and expenses in a real browser, with axe on every page."""

from decimal import Decimal

from django.urls import reverse

from nextround.core.uploads import check_file, save_with_file
from tests.browser.accessibility import assert_accessible
from tests.expenses.factories import ExpenseFactory
from tests.factories import InterviewFactory
from tests.happybox.factories import HappyItemFactory
from tests.uploads.samples import image_bytes, upload


def test_it_opens_the_box_and_draws_another_item(logged_in_page, user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = HappyItemFactory(owner=user, kind="photo", title="Open day on the ship")
    save_with_file(first, check_file(upload(image_bytes("PNG", size=(300, 200)), "ship.png")))
    HappyItemFactory(owner=user, kind="letter", title="Thank-you card from the Year 4 class")
    page = logged_in_page

    page.goto(reverse("happybox:items"))
    assert_accessible(page)
    page.get_by_role("link", name="Open the box").click()
    assert_accessible(page)
    heading = page.locator("#box-item h2")
    shown = heading.inner_text()
    page.get_by_role("link", name="Another").click()
    page.wait_for_function(
        "shown => document.querySelector('#box-item h2').innerText !== shown", arg=shown
    )
    # htmx swapped the item in place: still the same page, a different item.
    assert page.url.endswith(reverse("happybox:open"))
    assert heading.inner_text() != shown
    assert_accessible(page)
    page.get_by_role("link", name="I\N{RIGHT SINGLE QUOTATION MARK}m done").click()
    assert page.url.endswith("/")


def test_the_happy_box_pages_pass_axe(logged_in_page, user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = HappyItemFactory(
        owner=user, kind="post", title="Kind words", link="https://example.org/"
    )
    page = logged_in_page
    for url in (
        reverse("happybox:item_create"),
        item.get_absolute_url(),
        reverse("happybox:item_edit", args=[item.pk]),
        reverse("happybox:item_delete", args=[item.pk]),
    ):
        page.goto(url)
        assert_accessible(page)


def test_the_expense_pages_pass_axe_and_a_claim_is_marked_asked(
    logged_in_page, user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    interview = InterviewFactory(owner=user, application__role="Archive assistant")
    expense = ExpenseFactory(owner=user, interview=interview, amount=Decimal("27.90"))
    ExpenseFactory(owner=user, amount=Decimal("40.00"), currency="EUR", claim_status="asked")
    page = logged_in_page
    page.goto(reverse("expenses:expenses"))
    assert_accessible(page)
    for url in (reverse("expenses:expense_create"), expense.get_absolute_url()):
        page.goto(url)
        assert_accessible(page)
    page.goto(reverse("expenses:claim", args=[interview.pk]))
    assert_accessible(page)
    assert "27.90 GBP" in page.get_by_label("Message").input_value()
    page.get_by_role("button", name="Mark as asked").click()
    assert page.get_by_text("Marked 1 expense as asked").is_visible()
    assert_accessible(page)

"""Long lists, page by page, with the keyboard and a screen reader in mind."""

from nextround.jobs.models import Application
from tests.browser.accessibility import assert_accessible
from tests.factories import OrganisationFactory


def test_moving_through_the_pages_of_a_long_list_keeps_the_filter(logged_in_page, user):
    organisation = OrganisationFactory(owner=user, name="Estuary Library")
    Application.objects.bulk_create(
        Application(
            owner=user,
            organisation=organisation,
            role=f"Library assistant {n:02}",
            status="rejected",
            outcome="rejected",
        )
        for n in range(55)
    )
    page = logged_in_page
    page.goto("/applications/")
    assert_accessible(page)
    page.get_by_role("link", name="And 35 more applications closed").click()
    assert_accessible(page)
    pages = page.get_by_role("navigation", name="Pages of applications")
    pages.get_by_role("link", name="Next page").click()
    assert_accessible(page)
    assert "status=closed" in page.url and "page=2" in page.url
    assert page.get_by_text("Page 2 of 2").is_visible()
    assert page.get_by_role("row").count() == 1 + 5

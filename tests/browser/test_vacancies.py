"""A vacancy found by the watch, in a real browser: shown on the vacancies page
and turned into an application that tries again after the last one there."""

import datetime

from playwright.sync_api import expect

from nextround.jobs.models import Application
from nextround.vacancies.models import Vacancy, VacancyStatus
from tests.browser.accessibility import assert_accessible
from tests.factories import ApplicationFactory
from tests.vacancies.factories import VacancyFactory


def test_a_new_vacancy_becomes_an_application(logged_in_page, user):
    page = logged_in_page
    earlier = ApplicationFactory(
        owner=user,
        role="Collections Assistant",
        organisation__name="Worcester Cathedral Library",
        organisation__vacancies_url="https://library.example.org/jobs",
        status="rejected",
        outcome="rejected",
        decided_on=datetime.date(2026, 9, 1),
        applied_on=datetime.date(2026, 8, 1),
    )
    vacancy = VacancyFactory(
        owner=user,
        organisation=earlier.organisation,
        title="Trainee Curatorial Assistant",
        closes_on=datetime.date(2027, 1, 12),
    )
    VacancyFactory(owner=user, organisation=earlier.organisation, title="Volunteer Guide")

    # The organisation's page leads to what the watch found there.
    page.goto(earlier.organisation.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Vacancies found here").click()
    expect(page.get_by_role("heading", name="Trainee Curatorial Assistant")).to_be_visible()
    expect(page.get_by_text("closes 12 January 2027")).to_be_visible()
    assert_accessible(page)

    # Not every vacancy is for you.
    page.get_by_role("button", name="Dismiss Volunteer Guide").click()
    expect(page.get_by_role("heading", name="Volunteer Guide")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Apply for Trainee Curatorial Assistant").click()
    assert_accessible(page)
    expect(page.get_by_label("Role")).to_have_value("Trainee Curatorial Assistant")
    page.get_by_role("button", name="Save").click()
    assert_accessible(page)

    application = Application.objects.get(role="Trainee Curatorial Assistant")
    assert application.reapplies_to == earlier
    vacancy = Vacancy.objects.get(pk=vacancy.pk)
    assert vacancy.status == VacancyStatus.APPLIED
    assert vacancy.application == application


def test_the_watch_reminder_and_link_pages_are_accessible(logged_in_page, user):
    from nextround.playbook.models import ActionKind
    from tests.factories import OrganisationFactory
    from tests.playbook.factories import ActionFactory

    page = logged_in_page
    organisation = OrganisationFactory(owner=user, name="Harbour Gallery")
    step = ActionFactory(
        owner=user, kind=ActionKind.REAPPLY_WATCH, application=None, organisation=organisation
    )

    page.goto(step.get_absolute_url())
    assert_accessible(page)
    page.get_by_label("Their vacancies address").fill("https://gallery.example.org/jobs.rss")
    page.get_by_role("button", name="Watch their vacancies").click()
    expect(page.get_by_text("Next Round is watching")).to_be_visible()
    assert_accessible(page)

    page.goto("/reminders/")
    assert_accessible(page)
    page.get_by_label("Email me a morning digest").check()
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_text("Give the address the digest should go to.")).to_be_visible()
    assert_accessible(page)

    page.goto("/applications/from-link/")
    assert_accessible(page)

"""The standing watch against a real web server on 127.0.0.1."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from nextround.vacancies import fetching
from nextround.vacancies.models import Vacancy, VacancyStatus, WatchState
from nextround.vacancies.watching import MIN_INTERVAL, check_due_watches
from tests.factories import OrganisationFactory
from tests.racing import race

PAGES = Path(__file__).parent / "pages"
pytestmark = pytest.mark.django_db


def fixture(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def later(hours: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=hours)


def test_an_rss_feed_becomes_new_vacancies(site, user):
    site.serve("/jobs.rss", fixture("feed.rss"), "application/rss+xml")
    organisation = OrganisationFactory(owner=user, vacancies_url=site.url("/jobs.rss"))

    report = check_due_watches()

    assert report.checked == 1 and report.new_vacancies == 2
    titles = set(Vacancy.objects.filter(organisation=organisation).values_list("title", flat=True))
    assert titles == {"Trainee Curatorial Assistant", "Library Volunteer Coordinator"}
    assert set(Vacancy.objects.values_list("status", flat=True)) == {VacancyStatus.NEW}
    assert all("Next Round" in agent for agent in site.user_agents)


def test_an_atom_feed_is_read_too(site, user):
    site.serve("/jobs.atom", fixture("feed.atom"), "application/atom+xml")
    OrganisationFactory(owner=user, vacancies_url=site.url("/jobs.atom"))

    check_due_watches()

    vacancy = Vacancy.objects.get()
    assert vacancy.title == "Learning Officer (fixed term)"
    assert vacancy.url == "https://gallery.example.org/jobs/learning-officer"


def test_a_page_with_jobposting_data_gives_closing_date_salary_and_place(site, user):
    site.serve("/vacancy", fixture("advert.html"))
    OrganisationFactory(owner=user, vacancies_url=site.url("/vacancy"))

    check_due_watches()

    vacancy = Vacancy.objects.get()
    assert vacancy.title == "Trainee Curatorial Assistant"
    assert vacancy.url == site.url("/jobs/trainee-curatorial-assistant")
    assert vacancy.closes_on == datetime.date(2027, 1, 12)
    assert vacancy.salary == "GBP 24,000 to 26,000 a year"
    assert vacancy.location == "Worcester, Worcestershire"


def test_a_plain_page_reports_only_links_that_were_not_there_last_time(site, user):
    page = fixture("jobs_page.html").decode()
    site.serve("/work-with-us", page)
    OrganisationFactory(owner=user, vacancies_url=site.url("/work-with-us"))

    assert check_due_watches().new_vacancies == 0  # the first look learns the page

    site.serve(
        "/work-with-us",
        page.replace("</ul>", '<li><a href="/jobs/conservator">Paper Conservator</a></li></ul>'),
    )
    report = check_due_watches(now=later(7))

    assert report.new_vacancies == 1
    vacancy = Vacancy.objects.get()
    assert (vacancy.title, vacancy.url) == ("Paper Conservator", site.url("/jobs/conservator"))


def test_an_unchanged_page_is_asked_for_conditionally_and_adds_nothing(site, user):
    site.serve("/jobs.rss", fixture("feed.rss"), "application/rss+xml")
    OrganisationFactory(owner=user, vacancies_url=site.url("/jobs.rss"))
    check_due_watches()

    report = check_due_watches(now=later(7))

    assert site.hits["/jobs.rss"] == 2
    assert site.conditional_hits["/jobs.rss"] == 1
    assert report.new_vacancies == 0
    assert Vacancy.objects.count() == 2


def test_an_address_is_visited_at_most_once_in_six_hours(site, user, other_user):
    site.serve("/jobs.rss", fixture("feed.rss"), "application/rss+xml")
    OrganisationFactory(owner=user, vacancies_url=site.url("/jobs.rss"))
    # Someone else watching the same address does not make the site busier.
    OrganisationFactory(owner=other_user, vacancies_url=site.url("/jobs.rss"))

    check_due_watches()
    check_due_watches(now=later(1))
    check_due_watches(now=later(5.9))

    assert site.hits["/jobs.rss"] == 1
    watch = WatchState.objects.filter(last_checked_at__isnull=True).get()
    assert watch.next_check_at >= timezone.now() + MIN_INTERVAL - datetime.timedelta(minutes=1)


def test_robots_txt_that_forbids_the_page_is_obeyed_and_reported(site, user, client_for):
    site.serve("/robots.txt", "User-agent: *\nDisallow: /jobs\n", "text/plain")
    site.serve("/jobs.rss", fixture("feed.rss"), "application/rss+xml")
    organisation = OrganisationFactory(owner=user, vacancies_url=site.url("/jobs.rss"))

    report = check_due_watches()

    assert site.hits["/robots.txt"] == 1
    assert site.hits["/jobs.rss"] == 0
    assert "robots.txt" in report.failures[0]
    page = client_for(user).get(organisation.get_absolute_url())
    assert "robots.txt" in page.content.decode()


def test_robots_txt_for_another_crawler_does_not_stop_next_round(site, user):
    site.serve("/robots.txt", "User-agent: BadBot\nDisallow: /\n", "text/plain")
    site.serve("/jobs.rss", fixture("feed.rss"), "application/rss+xml")
    OrganisationFactory(owner=user, vacancies_url=site.url("/jobs.rss"))

    assert check_due_watches().new_vacancies == 2


def test_a_failing_address_backs_off_and_shows_on_the_organisation_page(site, user, client_for):
    organisation = OrganisationFactory(owner=user, vacancies_url=site.url("/gone"))

    check_due_watches()
    watch = WatchState.objects.get()
    assert watch.failures == 1
    assert "404" in watch.last_error
    first_wait = watch.next_check_at - watch.last_checked_at

    check_due_watches(now=watch.next_check_at)
    watch.refresh_from_db()
    assert watch.failures == 2
    assert watch.next_check_at - watch.last_checked_at == 2 * first_wait

    page = client_for(user).get(organisation.get_absolute_url())
    assert page.status_code == 200
    assert "failed 2 times in a row" in page.content.decode()


def test_a_busy_server_is_tried_again_within_the_visit(site, user):
    site.pages["/busy"] = __import__("tests.vacancies.site", fromlist=["Page"]).Page(
        b"", status=503
    )
    OrganisationFactory(owner=user, vacancies_url=site.url("/busy"))

    check_due_watches()

    assert site.hits["/busy"] == 2
    assert "503" in WatchState.objects.get().last_error


def test_a_page_over_two_megabytes_is_not_read_to_the_end(site, user, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_BYTES", 1000)
    site.serve("/huge", b"<html>" + b"x" * 5000)
    OrganisationFactory(owner=user, vacancies_url=site.url("/huge"))

    check_due_watches()

    assert "larger than 2 MB" in WatchState.objects.get().last_error


def test_changing_the_address_starts_the_watch_afresh(site, user):
    site.serve("/a.rss", fixture("feed.rss"), "application/rss+xml")
    site.serve("/b.atom", fixture("feed.atom"), "application/atom+xml")
    organisation = OrganisationFactory(owner=user, vacancies_url=site.url("/a.rss"))
    check_due_watches()

    organisation.vacancies_url = site.url("/b.atom")
    organisation.save()
    report = check_due_watches()

    assert report.new_vacancies == 1
    assert WatchState.objects.get().url == site.url("/b.atom")


def test_clearing_the_address_ends_the_watch_and_keeps_the_vacancies(site, user):
    site.serve("/a.rss", fixture("feed.rss"), "application/rss+xml")
    organisation = OrganisationFactory(owner=user, vacancies_url=site.url("/a.rss"))
    check_due_watches()

    organisation.vacancies_url = ""
    organisation.save()
    check_due_watches(now=later(7))

    assert not WatchState.objects.exists()
    assert Vacancy.objects.count() == 2
    assert site.hits["/a.rss"] == 1


def test_only_the_named_persons_watches_run_with_user(site, user, other_user):
    site.serve("/a.rss", fixture("feed.rss"), "application/rss+xml")
    site.serve("/b.atom", fixture("feed.atom"), "application/atom+xml")
    OrganisationFactory(owner=user, vacancies_url=site.url("/a.rss"))
    OrganisationFactory(owner=other_user, vacancies_url=site.url("/b.atom"))

    check_due_watches(user=user)

    assert site.hits["/a.rss"] == 1 and site.hits["/b.atom"] == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_visit_an_address_once(site):
    from tests.factories import UserFactory

    person = UserFactory()
    site.serve("/jobs.rss", fixture("feed.rss"), "application/rss+xml")
    OrganisationFactory(owner=person, vacancies_url=site.url("/jobs.rss"))
    from nextround.vacancies.watching import sync_watches

    sync_watches()

    results, errors = race(check_due_watches)

    assert not errors
    assert sorted(report.checked for report in results) == [0, 1]
    assert site.hits["/jobs.rss"] == 1
    assert Vacancy.objects.count() == 2


def test_the_backoff_doubles_and_stops_at_a_week():
    from nextround.vacancies.watching import MAX_BACKOFF, backoff

    assert [backoff(n) for n in (1, 2, 3)] == [MIN_INTERVAL, 2 * MIN_INTERVAL, 4 * MIN_INTERVAL]
    assert backoff(30) == MAX_BACKOFF == datetime.timedelta(days=7)

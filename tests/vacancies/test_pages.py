"""The vacancies page, Apply, Add from a link, and asking for the address."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from nextround.jobs.models import Application, Status
from nextround.playbook.models import ActionKind, ActionStatus
from nextround.vacancies.models import VacancyStatus, WatchState
from nextround.vacancies.today import today_context
from tests.factories import ApplicationFactory, OrganisationFactory
from tests.playbook.factories import ActionFactory
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db
ADVERT = (Path(__file__).parent / "pages" / "advert.html").read_text()


def test_the_vacancies_page_lists_new_ones_with_their_details(user_client, user):
    VacancyFactory(
        owner=user,
        title="Paper Conservator",
        closes_on=datetime.date(2027, 1, 12),
        salary="GBP 30,000",
    )
    VacancyFactory(owner=user, title="Old news", status=VacancyStatus.DISMISSED)

    page = user_client.get(reverse("vacancies:list")).content.decode()

    assert "Paper Conservator" in page and "closes 12 January 2027" in page
    assert "GBP 30,000" in page
    assert "Old news" not in page


def test_the_list_can_show_one_organisation_and_another_status(user_client, user):
    mine = VacancyFactory(owner=user, title="Archivist", status=VacancyStatus.DISMISSED)
    VacancyFactory(owner=user, title="Elsewhere", status=VacancyStatus.DISMISSED)

    page = user_client.get(
        reverse("vacancies:list"), {"status": "dismissed", "organisation": mine.organisation_id}
    ).content.decode()

    assert "Archivist" in page and "Elsewhere" not in page


def test_another_persons_organisation_filter_is_not_found(user_client, other_user):
    theirs = OrganisationFactory(owner=other_user)
    response = user_client.get(reverse("vacancies:list"), {"organisation": theirs.pk})
    assert response.status_code == 404


def test_dismissing_a_vacancy_takes_it_off_the_list(user_client, user):
    vacancy = VacancyFactory(owner=user)

    response = user_client.post(reverse("vacancies:dismiss", args=[vacancy.pk]))

    assert response.status_code == 302
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.DISMISSED


def test_apply_prefills_an_application_linked_to_the_earlier_one(user_client, user):
    earlier = ApplicationFactory(owner=user, status=Status.REJECTED)
    vacancy = VacancyFactory(
        owner=user,
        organisation=earlier.organisation,
        title="Trainee Curatorial Assistant",
        closes_on=datetime.date(2027, 1, 12),
        location="Worcester",
    )
    url = reverse("vacancies:apply", args=[vacancy.pk])

    form = user_client.get(url).context["form"]
    assert form.initial["organisation"] == earlier.organisation_id
    assert form.initial["reapplies_to"] == earlier.pk
    assert form.initial["role"] == "Trainee Curatorial Assistant"
    assert form.initial["notes"] == "Location: Worcester"

    response = user_client.post(
        url,
        {
            "organisation": earlier.organisation_id,
            "role": "Trainee Curatorial Assistant",
            "contract": "paid",
            "status": "preparing",
            "link": vacancy.url,
            "closing_on": "2027-01-12",
            "reapplies_to": earlier.pk,
        },
    )

    application = Application.objects.exclude(pk=earlier.pk).get()
    assert response.status_code == 302
    assert application.reapplies_to == earlier
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.APPLIED
    assert vacancy.application == application


def test_apply_with_errors_shows_the_form_and_keeps_the_vacancy_new(user_client, user):
    vacancy = VacancyFactory(owner=user)

    response = user_client.post(reverse("vacancies:apply", args=[vacancy.pk]), {"role": ""})

    assert response.status_code == 200
    assert response.context["form"].errors
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.NEW


def test_add_from_a_link_prefills_the_form_from_the_advert(user_client, user, site):
    site.serve("/advert", ADVERT)
    OrganisationFactory(owner=user, name="Worcester Cathedral Library")

    response = user_client.post(
        reverse("vacancies:from_link"), {"step": "read", "advert": site.url("/advert")}
    )

    form = response.context["form"]
    assert form.initial["role"] == "Trainee Curatorial Assistant"
    assert form.initial["closing_on"] == datetime.date(2027, 1, 12)
    assert form.initial["contract"] == "fixed_term"
    assert "Salary: GBP 24,000 to 26,000 a year" in form.initial["notes"]
    assert "organisation" in form.initial


def test_the_bookmarklet_opens_it_with_the_address_in_the_query(user_client, user, site):
    site.serve("/advert", ADVERT)

    response = user_client.get(reverse("vacancies:from_link"), {"advert": site.url("/advert")})

    assert response.context["form"].initial["new_organisation"] == "Worcester Cathedral Library"


def test_pasted_advert_text_works_without_a_fetch(user_client):
    response = user_client.post(reverse("vacancies:from_link"), {"step": "read", "advert": ADVERT})
    assert response.context["form"].initial["role"] == "Trainee Curatorial Assistant"


def test_saving_the_prefilled_form_adds_the_application(user_client, user):
    response = user_client.post(
        reverse("vacancies:from_link"),
        {
            "new_organisation": "Worcester Cathedral Library",
            "new_organisation_kind": "library",
            "role": "Trainee Curatorial Assistant",
            "contract": "fixed_term",
            "status": "preparing",
        },
    )
    assert response.status_code == 302
    assert Application.objects.get().organisation.name == "Worcester Cathedral Library"


@pytest.mark.parametrize(
    ("advert", "message"),
    [("http://10.0.0.1/jobs", "private network"), ("<p>no data</p>", "No job advert details")],
)
def test_an_advert_that_cannot_be_read_is_an_error_on_the_field(
    user_client, settings, advert, message
):
    settings.WATCH_ALLOW_PRIVATE = False
    response = user_client.post(reverse("vacancies:from_link"), {"step": "read", "advert": advert})
    assert response.status_code == 200
    assert message in response.context["advert_form"].errors["advert"][0]


def test_the_reapply_step_asks_for_the_address_and_becomes_a_watch(user_client, user):
    organisation = OrganisationFactory(owner=user, name="Harbour Gallery")
    step = ActionFactory(
        owner=user, kind=ActionKind.REAPPLY_WATCH, application=None, organisation=organisation
    )
    page = user_client.get(step.get_absolute_url()).content.decode()
    assert "Their vacancies address" in page

    response = user_client.post(
        reverse("vacancies:watch", args=[organisation.pk]),
        {
            "vacancies_url": "https://gallery.example.org/jobs.rss",
            "step": step.pk,
            "next": step.get_absolute_url(),
        },
    )

    assert response.status_code == 302
    organisation.refresh_from_db()
    step.refresh_from_db()
    assert organisation.vacancies_url == "https://gallery.example.org/jobs.rss"
    assert step.status == ActionStatus.DONE
    assert WatchState.objects.get().url == organisation.vacancies_url
    assert "watching" in user_client.get(step.get_absolute_url()).content.decode().lower()


def test_a_bad_address_is_refused_naming_the_field(user_client, user):
    organisation = OrganisationFactory(owner=user)

    response = user_client.post(
        reverse("vacancies:watch", args=[organisation.pk]),
        {"vacancies_url": "not a link"},
        follow=True,
    )

    assert "Vacancies address" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.vacancies_url == ""


def test_another_persons_step_cannot_be_finished_through_the_watch(user_client, user, other_user):
    organisation = OrganisationFactory(owner=user)
    theirs = ActionFactory(owner=other_user, kind=ActionKind.REAPPLY_WATCH)

    response = user_client.post(
        reverse("vacancies:watch", args=[organisation.pk]),
        {"vacancies_url": "https://example.org/jobs", "step": theirs.pk},
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == ActionStatus.OPEN


def test_the_organisation_page_links_its_vacancies(user_client, user):
    organisation = OrganisationFactory(owner=user, vacancies_url="https://example.org/jobs")
    page = user_client.get(organisation.get_absolute_url()).content.decode()
    assert f"{reverse('vacancies:list')}?organisation={organisation.pk}" in page


def test_the_organisation_form_takes_a_vacancies_address(user_client, user):
    organisation = OrganisationFactory(owner=user, name="Harbour Gallery")
    user_client.post(
        reverse("jobs:organisation_edit", args=[organisation.pk]),
        {
            "name": "Harbour Gallery",
            "kind": "gallery",
            "vacancies_url": "https://h.example.org/jobs",
        },
    )
    organisation.refresh_from_db()
    assert organisation.vacancies_url == "https://h.example.org/jobs"


def test_today_gets_the_newest_fresh_vacancies(user, other_user, client_for):
    for number in range(7):
        VacancyFactory(owner=user, title=f"Post {number}")
    VacancyFactory(owner=user, status=VacancyStatus.DISMISSED)
    VacancyFactory(owner=other_user)

    context = today_context(user)

    assert len(context["new_vacancies"]) == 5
    assert context["new_vacancy_count"] == 7


def test_the_today_fragment_says_what_is_new_where_and_when_it_closes(user, rf):
    from django.template.loader import render_to_string

    VacancyFactory(
        owner=user,
        title="Trainee Curatorial Assistant",
        organisation__name="Worcester Cathedral Library",
        closes_on=datetime.date(2027, 1, 12),
    )

    html = render_to_string("vacancies/_today.html", today_context(user))

    assert "New at Worcester Cathedral Library:" in html
    assert "Trainee Curatorial Assistant</a> — closes 12 January" in html
    assert "The new vacancy" in html


def test_the_today_fragment_is_empty_without_new_vacancies(user):
    from django.template.loader import render_to_string

    assert render_to_string("vacancies/_today.html", today_context(user)).strip() == ""


def test_dismiss_goes_back_only_to_this_site(user_client, user):
    vacancy = VacancyFactory(owner=user)
    url = reverse("vacancies:dismiss", args=[vacancy.pk])

    inside = user_client.post(url, {"next": "/vacancies/?status=new"})
    outside = user_client.post(url, {"next": "https://evil.example.com/"})

    assert inside["Location"] == "/vacancies/?status=new"
    assert outside["Location"] == reverse("vacancies:list")

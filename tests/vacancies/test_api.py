"""Vacancies and "Add from a link" over the JSON API."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextround.vacancies.models import VacancyStatus
from tests.factories import OrganisationFactory
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db
ADVERT = (Path(__file__).parent / "pages" / "advert.html").read_bytes()


def test_it_lists_vacancies_filtered_by_status(api, user, other_user):
    fresh = VacancyFactory(owner=user, title="Archivist")
    VacancyFactory(owner=user, status=VacancyStatus.DISMISSED)
    VacancyFactory(owner=other_user)

    everything = api.get("/api/v1/vacancies").json()
    new = api.get("/api/v1/vacancies", status="new").json()

    assert len(everything) == 2
    assert [item["id"] for item in new] == [fresh.pk]
    assert set(new[0]) >= {
        "id",
        "organisation_id",
        "title",
        "url",
        "closes_on",
        "first_seen_at",
        "status",
    }
    assert new[0]["organisation_id"] == fresh.organisation_id


def test_an_unknown_status_filter_is_refused(api):
    response = api.get("/api/v1/vacancies", status="maybe")
    assert response.status_code == 422
    assert "status" in response.content.decode()


def test_patching_the_status_dismisses_a_vacancy(api, user):
    vacancy = VacancyFactory(owner=user)

    response = api.patch(f"/api/v1/vacancies/{vacancy.pk}", {"status": "dismissed"})

    assert response.status_code == 200
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.DISMISSED
    assert api.get(f"/api/v1/vacancies/{vacancy.pk}").json()["status"] == "dismissed"


@pytest.mark.parametrize("body", [{"status": "hired"}, {"status": None}, {"status": 3}])
def test_a_bad_patch_is_refused_naming_the_field(api, user, body):
    vacancy = VacancyFactory(owner=user)

    response = api.patch(f"/api/v1/vacancies/{vacancy.pk}", body)

    assert response.status_code == 422
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.NEW


def test_another_persons_vacancy_is_not_found(api, other_user):
    vacancy = VacancyFactory(owner=other_user)
    assert api.get(f"/api/v1/vacancies/{vacancy.pk}").status_code == 404
    assert api.patch(f"/api/v1/vacancies/{vacancy.pk}", {"status": "dismissed"}).status_code == 404


def test_from_url_returns_the_unsaved_draft(api, site):
    site.serve("/advert", ADVERT)

    response = api.post("/api/v1/applications/from-url", {"url": site.url("/advert")})

    assert response.status_code == 200, response.content
    assert response.json() == {
        "organisation_name": "Worcester Cathedral Library",
        "role": "Trainee Curatorial Assistant",
        "closes_on": "2027-01-12",
        "salary": "GBP 24,000 to 26,000 a year",
        "location": "Worcester, Worcestershire",
        "contract": "fixed_term",
        "url": site.url("/jobs/trainee-curatorial-assistant"),
    }
    assert api.get("/api/v1/applications").json() == []


def test_from_url_refuses_a_page_with_no_advert_naming_the_url(api, site):
    site.serve("/plain", "<html><body>Hello</body></html>")

    response = api.post("/api/v1/applications/from-url", {"url": site.url("/plain")})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "url"]


def test_from_url_refuses_a_private_address(api, settings):
    settings.WATCH_ALLOW_PRIVATE = False

    response = api.post("/api/v1/applications/from-url", {"url": "http://169.254.169.254/"})

    assert response.status_code == 422
    assert "private network" in response.json()["detail"][0]["msg"]


def test_an_organisation_carries_its_vacancies_address(api, user):
    created = api.post(
        "/api/v1/organisations",
        {"name": "Harbour Gallery", "vacancies_url": "https://gallery.example.org/jobs.rss"},
    ).json()
    assert created["vacancies_url"] == "https://gallery.example.org/jobs.rss"

    organisation = OrganisationFactory(owner=user)
    bad = api.patch(f"/api/v1/organisations/{organisation.pk}", {"vacancies_url": "not a link"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "vacancies_url"]

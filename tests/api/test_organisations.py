import pytest

from nextround.jobs.models import Application, Organisation
from tests.factories import ApplicationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return response.content.decode()


def test_it_creates_an_organisation_with_defaults_for_what_is_left_out(api):
    response = api.post("/api/v1/organisations", {"name": "Quarry Hill Archive"})
    assert response.status_code == 201, body(response)
    created = response.json()
    assert created["id"]
    assert created["kind"] == "other"
    assert created["website"] == ""


def test_it_lists_reads_updates_and_deletes_an_organisation(api, user):
    organisation = OrganisationFactory(owner=user, name="Tidewater Gallery", kind="gallery")
    assert [item["name"] for item in api.get("/api/v1/organisations").json()] == [
        "Tidewater Gallery"
    ]
    path = f"/api/v1/organisations/{organisation.pk}"
    assert api.get(path).json()["kind"] == "gallery"
    patched = api.patch(path, {"notes": "Friendly front-of-house team."})
    assert patched.status_code == 200, body(patched)
    assert patched.json()["notes"] == "Friendly front-of-house team."
    assert patched.json()["name"] == "Tidewater Gallery"
    assert api.delete(path).status_code == 204
    assert not Organisation.objects.exists()


def test_deleting_an_organisation_takes_its_applications_with_it(api, user):
    application = ApplicationFactory(owner=user)
    api.delete(f"/api/v1/organisations/{application.organisation_id}")
    assert not Application.objects.exists()


def test_it_filters_by_kind(api, user):
    archive = OrganisationFactory(owner=user, kind="archive")
    OrganisationFactory(owner=user, kind="museum")
    found = api.get("/api/v1/organisations", kind="archive").json()
    assert [item["id"] for item in found] == [archive.pk]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", None),
        ("name", "x" * 201),
        ("kind", "castle"),
        ("website", "not a web address"),
        ("notes", "x" * 20001),
    ],
)
def test_bad_changes_are_refused_naming_the_field(api, user, field, value):
    organisation = OrganisationFactory(owner=user, name="Lockside Museum")
    response = api.patch(f"/api/v1/organisations/{organisation.pk}", {field: value})
    assert response.status_code == 422, body(response)
    assert field in body(response)
    organisation.refresh_from_db()
    assert organisation.name == "Lockside Museum"


def test_another_users_organisation_is_not_found(api, other_user):
    organisation = OrganisationFactory(owner=other_user)
    path = f"/api/v1/organisations/{organisation.pk}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"name": "Mine"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/api/v1/organisations").json() == []
    organisation.refresh_from_db()
    assert organisation.name != "Mine"

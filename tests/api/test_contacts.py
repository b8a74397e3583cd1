import pytest

from nextround.network.models import Contact
from tests.factories import ContactFactory, InterviewFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return response.content.decode()


def test_it_creates_a_contact_with_links_and_connections(api, user):
    organisation = OrganisationFactory(owner=user)
    response = api.post(
        "/api/v1/contacts",
        {
            "name": "Rowan Ashdown",
            "role": "Senior curator",
            "organisation_id": organisation.pk,
            "email": "rowan@example.org",
            "links": {"linkedin": "https://www.example.org/in/rowan"},
            "connections": {"linkedin": "requested"},
            "notes": "Chaired the panel.",
        },
    )
    assert response.status_code == 201, body(response)
    created = response.json()
    assert created["id"]
    assert created["organisation_id"] == organisation.pk
    assert created["links"] == {"linkedin": "https://www.example.org/in/rowan"}
    assert created["connections"] == {"linkedin": "requested"}
    assert created["email"] == "rowan@example.org"


def test_it_lists_reads_updates_and_deletes_a_contact(api, user):
    contact = ContactFactory(owner=user, name="Ines Calloway")
    assert [item["name"] for item in api.get("/api/v1/contacts").json()] == ["Ines Calloway"]
    path = f"/api/v1/contacts/{contact.pk}"
    patched = api.patch(path, {"role": "Keeper", "connections": {"bluesky": "followed"}})
    assert patched.status_code == 200, body(patched)
    assert patched.json()["role"] == "Keeper"
    assert patched.json()["connections"] == {"bluesky": "followed"}
    assert api.patch(path, {"links": None}).json()["links"] == {}
    assert api.delete(path).status_code == 204
    assert not Contact.objects.exists()


def test_it_filters_by_organisation_interview_and_name(api, user):
    organisation = OrganisationFactory(owner=user)
    at_museum = ContactFactory(owner=user, organisation=organisation, name="Nell Fairweather")
    on_panel = ContactFactory(owner=user, name="Otto Brennan")
    interview = InterviewFactory(owner=user)
    interview.panel.add(on_panel)
    by_org = api.get("/api/v1/contacts", organisation_id=organisation.pk).json()
    by_interview = api.get("/api/v1/contacts", interview_id=interview.pk).json()
    by_name = api.get("/api/v1/contacts", q="fairw").json()
    assert api.get("/api/v1/contacts", q="fair\x00").status_code == 422
    assert [item["id"] for item in by_org] == [at_museum.pk]
    assert [item["id"] for item in by_interview] == [on_panel.pk]
    assert [item["id"] for item in by_name] == [at_museum.pk]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "x" * 201),
        ("email", "not-an-email"),
        ("links", {"friendster": "https://example.org/me"}),
        ("links", {"linkedin": "not a url"}),
        ("links", ["https://example.org"]),
        ("connections", {"linkedin": "best friends"}),
        ("notes", "x" * 20001),
    ],
)
def test_bad_input_is_refused_naming_the_field(api, field, value):
    response = api.post("/api/v1/contacts", {"name": "Kit Marlowe-Vance", field: value})
    assert response.status_code in (400, 422), body(response)
    assert field in body(response)
    assert not Contact.objects.exists()


def test_another_users_organisation_is_refused_by_name(api, other_user):
    theirs = OrganisationFactory(owner=other_user)
    response = api.post("/api/v1/contacts", {"name": "Bea Lorne", "organisation_id": theirs.pk})
    assert response.status_code == 422
    assert "organisation_id" in body(response)
    assert not Contact.objects.exists()


def test_another_users_contact_is_not_found(api, other_user):
    contact = ContactFactory(owner=other_user)
    path = f"/api/v1/contacts/{contact.pk}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"name": "Mine"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/api/v1/contacts").json() == []
    contact.refresh_from_db()
    assert contact.name != "Mine"

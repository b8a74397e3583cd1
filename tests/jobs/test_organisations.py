from django.urls import reverse

from nextround.jobs.models import Organisation
from tests.factories import ApplicationFactory, OrganisationFactory


def test_it_adds_an_organisation(user, user_client):
    response = user_client.post(
        reverse("jobs:organisation_create"), {"name": "Harbour Gallery", "kind": "gallery"}
    )
    organisation = Organisation.objects.get(owner=user)
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert organisation.name == "Harbour Gallery"


def test_it_shows_the_missing_name_beside_the_field(user, user_client):
    response = user_client.post(
        reverse("jobs:organisation_create"), {"name": "", "kind": "gallery"}
    )
    assert response.status_code == 200
    assert b'id="id_name_error"' in response.content
    assert not Organisation.objects.exists()


def test_the_organisation_page_lists_every_application_made_there(user, user_client):
    organisation = OrganisationFactory(owner=user)
    first = ApplicationFactory(owner=user, organisation=organisation, role="Volunteer guide")
    ApplicationFactory(
        owner=user, organisation=organisation, role="Visitor host", reapplies_to=first
    )
    response = user_client.get(organisation.get_absolute_url())
    assert b"Volunteer guide" in response.content
    assert b"Visitor host" in response.content


def test_another_users_organisation_is_not_found(user_client, other_user):
    organisation = OrganisationFactory(owner=other_user)
    for name in ("jobs:organisation", "jobs:organisation_edit", "jobs:organisation_delete"):
        assert user_client.get(reverse(name, args=[organisation.pk])).status_code == 404
    assert (
        user_client.post(reverse("jobs:organisation_delete", args=[organisation.pk])).status_code
        == 404
    )
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_the_api_creates_and_reads_an_organisation(api):
    response = api.post("/api/v1/organisations", {"name": "County Archives", "kind": "archive"})
    assert response.status_code == 201, response.content
    created = response.json()
    assert api.get(f"/api/v1/organisations/{created['id']}").json()["name"] == "County Archives"


def test_the_api_names_the_field_that_is_wrong(api):
    response = api.post("/api/v1/organisations", {"name": "", "kind": "castle"})
    assert response.status_code == 422
    assert "name" in response.content.decode()
    assert "kind" in response.content.decode()


def test_the_api_refuses_a_missing_token(db, client):
    assert client.get("/api/v1/organisations").status_code == 401

"""API lists stay plain arrays, at most a thousand items, the rest with limit and offset."""

import pytest

from nextround.api.lists import MAX_ITEMS
from nextround.jobs.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_list_comes_in_parts_with_limit_and_offset(user, api):
    Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Lighthouse Museum {n:02}") for n in range(12)
    )
    first = api.get("/api/v1/organisations", limit=5)
    rest = api.get("/api/v1/organisations", limit=5, offset=10)
    assert first.status_code == 200 and isinstance(first.json(), list)
    assert [o["name"] for o in first.json()] == [f"Lighthouse Museum {n:02}" for n in range(5)]
    assert [o["name"] for o in rest.json()] == ["Lighthouse Museum 10", "Lighthouse Museum 11"]


def test_without_a_limit_a_list_is_bounded(user, api):
    Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Pier Gallery {n:04}") for n in range(MAX_ITEMS + 3)
    )
    assert len(api.get("/api/v1/organisations").json()) == MAX_ITEMS
    assert len(api.get("/api/v1/organisations", offset=MAX_ITEMS).json()) == 3


@pytest.mark.parametrize("limit", [0, MAX_ITEMS + 1, "many"])
def test_a_limit_out_of_range_is_refused_naming_it(api, limit):
    response = api.get("/api/v1/questions", limit=limit)
    assert response.status_code == 422
    assert "limit" in response.content.decode()


def test_the_limits_are_in_the_openapi_document(client):
    document = client.get("/api/v1/openapi.json").json()
    parameters = document["paths"]["/api/v1/actions"]["get"]["parameters"]
    limit = next(p for p in parameters if p["name"] == "limit")
    assert limit["schema"]["maximum"] == MAX_ITEMS

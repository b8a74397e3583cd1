"""API lists stay plain arrays: a hundred items unless asked for up to a thousand,
the rest with limit and offset, and a Link header to the next part."""

import pytest

from nextround.api.lists import DEFAULT_ITEMS, MAX_ITEMS
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
    assert len(api.get("/api/v1/organisations").json()) == DEFAULT_ITEMS
    assert len(api.get("/api/v1/organisations", limit=MAX_ITEMS).json()) == MAX_ITEMS
    assert len(api.get("/api/v1/organisations", offset=MAX_ITEMS).json()) == 3


def test_the_link_header_leads_through_every_part_once(user, api):
    Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Harbour Archive {n:03}")
        for n in range(2 * DEFAULT_ITEMS + 1)
    )
    names, url, params, parts = [], "/api/v1/organisations", {}, 0
    while url:
        response = api.get(url, **params)
        names += [o["name"] for o in response.json()]
        parts += 1
        link = response.headers.get("Link")
        if link:
            assert link.endswith('>; rel="next"')
            url, params = link[1 : link.index(">")].removeprefix("http://testserver"), {}
        else:
            url = None
    assert parts == 3
    assert names == [f"Harbour Archive {n:03}" for n in range(2 * DEFAULT_ITEMS + 1)]


def test_a_list_that_ends_names_no_next_part(user, api):
    Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Quay Library {n}") for n in range(DEFAULT_ITEMS)
    )
    response = api.get("/api/v1/organisations")
    assert len(response.json()) == DEFAULT_ITEMS
    assert "Link" not in response.headers


def test_the_next_part_keeps_the_lists_filters(user, api):
    Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Museum {n}", kind="museum") for n in range(3)
    )
    Organisation.objects.create(owner=user, name="A gallery", kind="gallery")
    link = api.get("/api/v1/organisations", kind="museum", limit=2).headers["Link"]
    assert "kind=museum" in link and "offset=2" in link and "limit=2" in link
    url = link[1 : link.index(">")].removeprefix("http://testserver")
    assert [o["name"] for o in api.get(url).json()] == ["Museum 2"]


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

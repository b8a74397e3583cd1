"""An id too large for the database is a client's mistake: 4xx naming it, never a 500."""

import pytest

from nextround.api.urls import api as ninja_api

HUGE = 2**70


def id_query_parameters():
    schema = ninja_api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if not get or "{" in path:
            continue
        for parameter in get.get("parameters", []):
            if parameter["in"] == "query" and parameter["name"].endswith("_id"):
                yield path, parameter["name"]


@pytest.mark.parametrize(("path", "name"), list(id_query_parameters()))
def test_a_huge_id_in_a_list_filter_is_refused_by_name(api, path, name):
    response = api.get(path, **{name: HUGE})
    assert response.status_code == 422, response.content
    assert name in response.content.decode()


def test_the_filters_were_found():
    assert ("/api/v1/applications", "organisation_id") in set(id_query_parameters())


def test_a_huge_panel_id_is_refused_by_name(api):
    response = api.post(
        "/api/v1/interviews",
        {"application_id": 1, "starts_at": "2026-12-01T10:00:00Z", "panel_ids": [HUGE]},
    )
    assert response.status_code == 422
    assert "panel_ids" in response.content.decode()


def test_a_huge_id_in_an_address_is_simply_not_found(api):
    assert api.get(f"/api/v1/applications/{HUGE}").status_code == 404

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_openapi_document_is_public_and_lists_every_collection(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/organisations",
        "/api/v1/applications/{application_id}",
        "/api/v1/applications/{application_id}/outcome",
        "/api/v1/interviews",
        "/api/v1/contacts/{contact_id}",
        "/api/v1/me",
    ):
        assert path in paths


def test_the_docs_page_loads_nothing_from_another_host(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources
    for source in sources:
        assert not re.match(r"^(https?:)?//", source), source
    assert "cdn" not in html.lower()


def test_the_docs_page_assets_are_served_by_the_app(client):
    html = client.get("/api/v1/docs").content.decode()
    for source in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        response = client.get(source)
        assert response.status_code == 200, source
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        if hasattr(response, "close"):
            response.close()


def test_the_docs_do_not_call_the_online_validator(client):
    html = client.get("/api/v1/docs").content.decode()
    assert '"validatorUrl": null' in html

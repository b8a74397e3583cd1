"""Every body the jobs routes take is a JSON object; anything else is a 422 naming the body."""

from __future__ import annotations

import json

import pytest

from nextround.jobs.models import Application, Interview, Organisation
from tests.factories import ApplicationFactory, InterviewFactory

pytestmark = pytest.mark.django_db

NOT_OBJECTS = [[None, None], [], "hello world", 5, None, True]


def _routes(user):
    application = ApplicationFactory(owner=user)
    interview = InterviewFactory(owner=user, application=application)
    return [
        ("post", "/api/v1/organisations"),
        ("patch", f"/api/v1/organisations/{application.organisation_id}"),
        ("post", "/api/v1/applications"),
        ("patch", f"/api/v1/applications/{application.pk}"),
        ("post", f"/api/v1/applications/{application.pk}/outcome"),
        ("post", "/api/v1/interviews"),
        ("patch", f"/api/v1/interviews/{interview.pk}"),
    ]


@pytest.mark.parametrize("body", NOT_OBJECTS, ids=json.dumps)
def test_a_body_that_is_not_an_object_is_refused_naming_the_body(api, user, body):
    routes = _routes(user)
    before = [
        list(model.objects.order_by("id").values())
        for model in (Organisation, Application, Interview)
    ]
    for method, path in routes:
        response = getattr(api.client, method)(
            path, json.dumps(body), content_type="application/json", headers=api.headers
        )
        assert response.status_code == 422, (method, path, response.content)
        assert "body" in response.json()["detail"][0]["loc"], response.content
    after = [
        list(model.objects.order_by("id").values())
        for model in (Organisation, Application, Interview)
    ]
    assert after == before

"""``null`` in a PATCH means the same in every router: it clears the field.

A field that must have a value (a title, a status, a flag) refuses ``null``
with a 422 naming it; any other field becomes empty, or takes the default a
new record would get. Nothing is silently kept. The PATCH operations are
read from the OpenAPI document.
"""

from __future__ import annotations

import json

import pytest

from tests.api.test_bodies import SCHEMA, _fields, _locs, _send, _url

pytestmark = pytest.mark.django_db


def _patch_operations():
    for path, operations in SCHEMA["paths"].items():
        operation = operations.get("patch")
        if not operation or "application/json" not in operation.get("requestBody", {}).get(
            "content", {}
        ):
            continue
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        yield pytest.param(path, body, id=path)


def _defaults_for_new(path: str) -> dict:
    """The defaults of the POST that makes a record of this PATCH's collection."""
    creating = SCHEMA["paths"].get(path.rsplit("/", 1)[0], {}).get("post", {})
    content = creating.get("requestBody", {}).get("content", {}).get("application/json")
    if not content:
        return {}
    return {
        name: field["default"]
        for name, field in _fields(content["schema"]).items()
        if "default" in field
    }


def _empty(value) -> bool:
    if isinstance(value, dict):
        return all(_empty(inner) for inner in value.values())
    return value in (None, "", [], {})


@pytest.mark.parametrize(("path", "body_schema"), list(_patch_operations()))
def test_null_clears_a_field_or_is_refused_naming_it(api, user, path, body_schema):
    url = _url(user, path)
    defaults = _defaults_for_new(path)

    kept = []
    for name in _fields(body_schema):
        response = _send(api, "PATCH", url, json.dumps({name: None}))
        if response.status_code == 422:
            assert any(name in loc for loc in _locs(response)), (name, response.content)
            continue
        assert response.status_code == 200, (name, response.content)
        shown = response.json()
        if name in shown and not _empty(shown[name]) and shown[name] != defaults.get(name):
            kept.append((name, shown[name]))

    assert not kept, f"null was ignored for {kept}"


def test_null_for_a_required_field_is_refused_and_changes_nothing(api, user):
    from tests.happybox.factories import HappyItemFactory

    item = HappyItemFactory(owner=user, title="Thank-you card", text="From the museum")
    response = api.patch(f"/api/v1/happy-items/{item.pk}", {"title": None, "text": "Lovely"})

    assert response.status_code == 422
    assert _locs(response) == [["body", "title"]]
    item.refresh_from_db()
    assert (item.title, item.text) == ("Thank-you card", "From the museum")


def test_null_gaps_clear_the_gaps_of_feedback(api, user):
    from tests.feedback.factories import FeedbackFactory, GapMentionFactory

    feedback = FeedbackFactory(owner=user)
    GapMentionFactory(owner=user, feedback=feedback)
    assert api.get(f"/api/v1/feedback/{feedback.pk}").json()["gaps"]

    response = api.patch(f"/api/v1/feedback/{feedback.pk}", {"gaps": None})

    assert response.status_code == 200
    assert response.json()["gaps"] == []

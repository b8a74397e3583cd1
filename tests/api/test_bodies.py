"""One body convention for every operation of the API that takes JSON.

The operations are read from the OpenAPI document, so a new route is walked
without anyone adding it here. Ids in the path name the acting user's own
records (made by the factories registered in tests/test_ownership.py), so
that the only thing wrong with each request is its body.
"""

from __future__ import annotations

import json
import re
import typing

import pydantic
import pytest
from django.test import Client

from nextround.api.fields import Payload
from nextround.api.urls import api
from nextround.feedback.models import Skill
from nextround.happybox.models import HappyItem
from nextround.network.models import Interaction
from tests.test_ownership import API_PREFIX, PARAMETERS, Route, everything_stored, example_body

pytestmark = pytest.mark.django_db

SCHEMA = api.get_openapi_schema()
COMPONENTS = SCHEMA["components"]["schemas"]


def _json_operations() -> list[tuple[str, str, dict]]:
    """(method, path template, body schema) of every operation with a JSON body."""
    return [
        (method.upper(), path, operation["requestBody"]["content"]["application/json"]["schema"])
        for path, operations in SCHEMA["paths"].items()
        for method, operation in operations.items()
        if "application/json" in operation.get("requestBody", {}).get("content", {})
    ]


JSON_OPERATIONS = _json_operations()


def _params(operations):
    return [
        pytest.param(method, path, body, id=f"{method} {path}") for method, path, body in operations
    ]


def _resolve(schema: dict) -> dict:
    """The schema behind a ``$ref``, and the non-null choice of an optional field."""
    if "$ref" in schema:
        return _resolve(COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]])
    if "anyOf" in schema:
        return _resolve(next(s for s in schema["anyOf"] if s.get("type") != "null"))
    if "allOf" in schema:
        return _resolve(schema["allOf"][0])
    return schema


def _fields(body_schema: dict) -> dict[str, dict]:
    return _resolve(body_schema).get("properties", {})


def wrong_values(field_schema: dict) -> list:
    """Values of the wrong JSON type for a field, at its top and one level down."""
    schema = _resolve(field_schema)
    kind = schema.get("type")
    if kind == "string" or "enum" in schema:
        # 0 is what a date must not be taken for; 42 is no text either.
        return [0] if schema.get("format") in ("date", "date-time") else [42]
    if kind == "integer":
        return ["1", 1.5, True]
    if kind == "number":
        return [True]
    if kind == "boolean":
        return ["1", 1]
    if kind == "array":
        return ["hello world", {"0": 1}, *([value] for value in wrong_values(schema["items"])[:1])]
    if kind == "object":
        nested = []
        if isinstance(schema.get("additionalProperties"), dict):
            nested = [{"key": wrong_values(schema["additionalProperties"])[0]}]
        for name, inner in schema.get("properties", {}).items():
            nested = [{name: wrong_values(inner)[0]}]
            break
        return ["hello world", [], *nested]
    raise AssertionError(f"no wrong value known for {schema}")


def _url(user, path: str) -> str:
    where = Route(f"api:{path.removeprefix(API_PREFIX)}")
    values = {name: PARAMETERS[name](user, where) for name in re.findall(r"{(\w+)}", path)}
    if "interaction_id" in values:
        # An interaction is reached through its own contact.
        values["contact_id"] = Interaction.objects.get(pk=values["interaction_id"]).contact_id
    return path.format(**values)


def _own(user, path: str):
    where = Route(f"api:{path.removeprefix(API_PREFIX)}")
    return lambda name: PARAMETERS[name](user, where)


def _send(api, method: str, url: str, text: str, content_type: str = "application/json"):
    send = getattr(api.client, method.lower())
    return send(url, text, content_type=content_type, headers=api.headers)


def _locs(response) -> list[list]:
    return [item["loc"] for item in response.json()["detail"]]


def test_the_walk_finds_the_operations_with_bodies():
    walked = {(method, path) for method, path, _ in JSON_OPERATIONS}
    for expected in (
        ("POST", "/api/v1/happy-items"),
        ("PATCH", "/api/v1/happy-items/{item_id}"),
        ("PATCH", "/api/v1/actions/{action_id}"),
        ("PATCH", "/api/v1/skills/{skill_id}"),
        ("POST", "/api/v1/import"),
        ("POST", "/api/v1/applications/{application_id}/outcome"),
    ):
        assert expected in walked


def _body_schemas():
    """(operation, schema class) for every body parameter of every operation of the API."""
    # ninja keeps its routers in a private list; the OpenAPI document names no classes.
    for _, router in api._routers:
        for path, path_operation in router.path_operations.items():
            for operation in path_operation.operations:
                for model in operation.models:
                    if model.__ninja_param_source__ != "body":
                        continue
                    for field in model.model_fields.values():
                        yield f"{operation.methods} {path}", field.annotation


def _nested_models(annotation) -> typing.Iterator[type]:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        yield annotation
        for field in annotation.model_fields.values():
            yield from _nested_models(field.annotation)
    for argument in typing.get_args(annotation):
        yield from _nested_models(argument)


def test_every_body_and_every_object_in_it_is_a_payload():
    found = list(_body_schemas())
    assert len(found) >= len(JSON_OPERATIONS)
    not_payloads = [
        (operation, model.__name__)
        for operation, annotation in found
        for model in _nested_models(annotation)
        if not issubclass(model, Payload)
    ]
    assert not not_payloads


NOT_OBJECTS = {
    "an array": "[null, null]",
    "a string": '"hello world"',
    "a number": "42",
    "null": "null",
    "a boolean": "true",
}


@pytest.mark.parametrize(("method", "path", "body_schema"), _params(JSON_OPERATIONS))
def test_a_body_that_is_not_an_object_is_refused_naming_the_body(
    api, user, method, path, body_schema
):
    url = _url(user, path)
    before = everything_stored(user)

    for what, text in NOT_OBJECTS.items():
        response = _send(api, method, url, text)
        assert response.status_code == 422, (what, response.content)
        assert response.json()["detail"] == [
            {"loc": ["body"], "msg": "Send a JSON object.", "type": "value_error"}
        ], what

    assert everything_stored(user) == before


@pytest.mark.parametrize(("method", "path", "body_schema"), _params(JSON_OPERATIONS))
def test_text_that_is_not_json_is_refused_naming_the_body(api, user, method, path, body_schema):
    url = _url(user, path)
    before = everything_stored(user)

    for text in ("{not json", '{"title": "x"', "\xff", '{"title": NaN}', "{'title': 'x'}"):
        response = _send(api, method, url, text)
        assert response.status_code == 422, (text, response.content)
        assert _locs(response) == [["body"]]
        assert response.json()["detail"][0]["msg"] == "The body is not valid JSON."

    assert everything_stored(user) == before


@pytest.mark.parametrize(("method", "path", "body_schema"), _params(JSON_OPERATIONS))
def test_a_body_not_sent_as_json_is_415_naming_the_content_type(
    api, user, method, path, body_schema
):
    url = _url(user, path)
    body = json.dumps(example_body(body_schema, COMPONENTS, _own(user, path)))
    before = everything_stored(user)

    for content_type in ("text/plain", "application/x-www-form-urlencoded", "application/xml"):
        response = _send(api, method, url, body, content_type)
        assert response.status_code == 415, (content_type, response.content)
        assert _locs(response) == [["header", "Content-Type"]]

    assert everything_stored(user) == before


@pytest.mark.parametrize(("method", "path", "body_schema"), _params(JSON_OPERATIONS))
def test_a_field_of_the_wrong_type_is_refused_naming_the_field(
    api, user, method, path, body_schema
):
    url = _url(user, path)
    valid = example_body(body_schema, COMPONENTS, _own(user, path))
    before = everything_stored(user)

    refused = []
    for name, field_schema in _fields(body_schema).items():
        for wrong in wrong_values(field_schema):
            response = _send(api, method, url, json.dumps({**valid, name: wrong}))
            named = response.status_code == 422 and any(name in loc for loc in _locs(response))
            if not named:
                refused.append((name, wrong, response.status_code, response.content[:200]))

    assert not refused, f"wrong types not refused by name: {refused}"
    assert everything_stored(user) == before


@pytest.mark.parametrize(("method", "path", "body_schema"), _params(JSON_OPERATIONS))
def test_unknown_fields_are_ignored_in_every_operation(api, user, method, path, body_schema):
    url = _url(user, path)

    plain = _send(api, method, url, "{}")
    with_unknown = _send(api, method, url, json.dumps({"no_such_field": ["\x00", 1]}))

    assert with_unknown.status_code == plain.status_code
    if plain.status_code >= 400:
        assert with_unknown.json() == plain.json()


def test_a_json_content_type_with_a_charset_or_a_json_dialect_is_read(api):
    for content_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        response = _send(api, "POST", "/api/v1/skills", '{"name": "Budgets"}', content_type)
        assert response.status_code == 201, content_type
        api.delete(f"/api/v1/skills/{response.json()['id']}")


def test_a_string_is_not_made_into_a_happy_item(api, user):
    response = _send(api, "POST", "/api/v1/happy-items", '"hello world"')

    assert response.status_code == 422
    assert not HappyItem.objects.filter(owner=user).exists()


def test_a_number_is_not_taken_as_a_date(api):
    response = api.post("/api/v1/happy-items", {"title": "Kind words", "happened_on": 0})

    assert response.status_code == 422
    assert _locs(response) == [["body", "payload", "happened_on"]]


def test_money_is_still_read_from_a_string_or_a_number(api, user):
    from tests.factories import InterviewFactory

    interview = InterviewFactory(owner=user)
    for amount in ("12.30", 12.3, 12):
        response = api.post("/api/v1/expenses", {"interview_id": interview.pk, "amount": amount})
        assert response.status_code == 201, response.content


def test_a_date_time_is_read_with_or_without_an_offset(api, user):
    from tests.questions.factories import QuestionFactory

    question = QuestionFactory(owner=user)
    for due in ("2031-05-06T09:30:00", "2031-05-06T09:30:00+02:00", "2031-05-06T07:30:00Z"):
        response = api.patch(f"/api/v1/questions/{question.pk}", {"due": due})
        assert response.status_code == 200, response.content


def test_a_year_out_of_range_is_refused_in_every_router(api, user):
    from tests.factories import InterviewFactory

    interview = InterviewFactory(owner=user)
    for url, body, field in (
        ("/api/v1/happy-items", {"title": "x", "happened_on": "1899-12-31"}, "happened_on"),
        (
            "/api/v1/expenses",
            {"interview_id": interview.pk, "amount": "1.00", "paid_on": "3000-01-01"},
            "paid_on",
        ),
        (
            "/api/v1/improvement-actions",
            {"skill": "Budgets", "title": "Course", "target_on": "0001-01-01"},
            "target_on",
        ),
    ):
        response = api.post(url, body)
        assert response.status_code == 422, url
        assert ["body", "payload", field] in _locs(response), url


# The OpenAPI document


def _operations():
    for path, operations in SCHEMA["paths"].items():
        for method, operation in operations.items():
            yield method.upper(), path, operation


def test_every_operation_with_a_body_documents_422():
    missing = [
        f"{method} {path}"
        for method, path, operation in _operations()
        if "requestBody" in operation and 422 not in operation["responses"]
    ]
    assert not missing


def test_every_operation_with_a_json_body_documents_415():
    missing = [
        f"{method} {path}"
        for method, path, body in JSON_OPERATIONS
        if 415 not in SCHEMA["paths"][path][method.lower()]["responses"]
    ]
    assert not missing


def test_every_operation_with_an_id_in_its_path_documents_404():
    missing = [
        f"{method} {path}"
        for method, path, operation in _operations()
        if "{" in path and 404 not in operation["responses"]
    ]
    assert not missing


def test_every_operation_that_needs_a_login_documents_401():
    missing = [
        f"{method} {path}"
        for method, path, operation in _operations()
        if operation.get("security") and 401 not in operation["responses"]
    ]
    assert not missing


def test_the_served_document_lists_the_refusals(client):
    document = client.get("/api/v1/openapi.json").json()
    patch = document["paths"]["/api/v1/happy-items/{item_id}"]["patch"]["responses"]

    assert {"401", "404", "415", "422"} <= set(patch)
    assert patch["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    assert "Error" in document["components"]["schemas"]
    assert "404" in document["paths"]["/api/v1/happy-items/random"]["get"]["responses"]


def test_a_form_sent_with_the_browser_session_is_415_not_a_500(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/settings/")
    token = client.cookies["csrftoken"].value

    response = client.post("/api/v1/skills", {"name": "Budgets", "csrfmiddlewaretoken": token})

    assert response.status_code == 415
    assert _locs(response) == [["header", "Content-Type"]]
    assert not Skill.objects.filter(owner=user).exists()

"""The Payload base on its own: what every request body schema inherits."""

from __future__ import annotations

import datetime

import pydantic
import pytest

from nextround.api.fields import Date, Payload, RecordId


class Part(Payload):
    name: str


class Example(Payload):
    title: str
    on: Date | None = None
    ids: list[RecordId] = []
    parts: list[Part] = []


def _errors(data) -> list[tuple[tuple, str]]:
    with pytest.raises(pydantic.ValidationError) as refused:
        Example.model_validate(data)
    return [(error["loc"], error["msg"]) for error in refused.value.errors()]


def test_a_json_body_of_the_right_types_is_read():
    example = Example.model_validate(
        {"title": "Budgets", "on": "2026-03-02", "ids": [1, 2], "parts": [{"name": "a"}]}
    )
    assert example.on == datetime.date(2026, 3, 2)
    assert example.parts[0].name == "a"


def test_values_from_python_code_are_read_as_python():
    # Code that builds a payload itself passes dates, not their JSON text.
    assert Example(title="x", on=datetime.date(2026, 3, 2)).on == datetime.date(2026, 3, 2)


@pytest.mark.parametrize("data", ["hello world", [None, None], 42, None, True])
def test_anything_but_an_object_is_refused(data):
    assert _errors(data) == [((), "Send a JSON object.")]


def test_a_string_is_not_taken_for_a_nested_object():
    assert _errors({"title": "x", "parts": ["hello world"]}) == [
        (("parts", 0), "Send a JSON object.")
    ]


def test_a_wrong_type_inside_a_nested_object_names_its_own_field():
    assert _errors({"title": "x", "parts": [{"name": 1}]}) == [
        (("parts", 0, "name"), "Input should be a valid string")
    ]


def test_a_wrong_type_inside_a_list_names_the_list_and_the_place():
    assert _errors({"title": "x", "ids": [1, "2"]}) == [
        (("ids",), "At 1: Input should be a valid integer")
    ]


@pytest.mark.parametrize(
    ("value", "field"),
    [({"title": 1}, "title"), ({"title": "x", "on": 0}, "on"), ({"title": "x", "ids": "1"}, "ids")],
)
def test_no_value_is_coerced_into_another_type(value, field):
    assert [loc for loc, _ in _errors(value)] == [(field,)]


def test_nul_and_implausible_years_are_refused():
    assert [loc for loc, _ in _errors({"title": "a\x00b"})] == [("title",)]
    assert [loc for loc, _ in _errors({"title": "x", "on": "1899-12-31"})] == [("on",)]


def test_unknown_fields_are_ignored():
    assert Example.model_validate({"title": "x", "colour": "blue"}).model_dump() == {
        "title": "x",
        "on": None,
        "ids": [],
        "parts": [],
    }

"""One range of years for every date a person types, in every form."""

from __future__ import annotations

import datetime
import importlib
import pkgutil

import pytest
from django import forms

import nextround
from nextround.core.dates import (
    PlausibleDatesForm,
    is_plausible,
    validate_not_in_future,
    validate_plausible_date,
)


def _every_form_class() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(nextround.__path__, "nextround."):
        if ".migrations" in module.name or module.name.endswith(("__main__", ".wsgi", ".asgi")):
            continue
        importlib.import_module(module.name)
    found, stack = [], [forms.BaseForm]
    while stack:
        for subclass in stack.pop().__subclasses__():
            stack.append(subclass)
            if subclass.__module__.startswith("nextround."):
                found.append(subclass)
    return found


def _has_dates(form_class) -> bool:
    return any(
        isinstance(field, (forms.DateField, forms.DateTimeField))
        for field in form_class.base_fields.values()
    )


def test_every_form_with_a_date_takes_only_the_one_range_of_years():
    with_dates = [form for form in _every_form_class() if _has_dates(form)]
    assert len(with_dates) >= 10
    missing = [
        f"{f.__module__}.{f.__name__}" for f in with_dates if not issubclass(f, PlausibleDatesForm)
    ]
    assert missing == []


class _Form(PlausibleDatesForm, forms.Form):
    day = forms.DateField()
    moment = forms.DateTimeField(required=False)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"day": "1899-12-31"}, "day"),
        ({"day": "3000-01-01"}, "day"),
        ({"day": "2026-01-01", "moment": "0001-01-01 10:00"}, "moment"),
    ],
)
def test_a_year_out_of_range_is_refused_naming_the_field(data, field):
    form = _Form(data)
    assert not form.is_valid()
    assert list(form.errors) == [field]
    assert "between 1900 and 2999" in form.errors[field][0]


def test_the_first_and_last_years_are_taken():
    assert _Form({"day": "1900-01-01", "moment": "2999-12-31 23:59"}).is_valid()
    assert is_plausible(datetime.date(1900, 1, 1))
    assert not is_plausible(datetime.date(1899, 12, 31))


def test_empty_values_pass_the_validators():
    validate_plausible_date(None)
    validate_not_in_future(None)

"""A workflow's refusal lands on the form, against the field it names."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from nextround.core.forms import show_refusal


class _Form(forms.Form):
    decided_on = forms.CharField(required=False)


def _checked_form() -> _Form:
    form = _Form({"decided_on": "x"})
    assert form.is_valid()
    return form


def test_a_named_field_gets_the_message():
    form = _checked_form()
    show_refusal(form, ValidationError({"decided_on": "The decision cannot be in the future."}))
    assert form.errors == {"decided_on": ["The decision cannot be in the future."]}


def test_a_field_the_form_does_not_show_becomes_an_error_of_the_whole_form():
    form = _checked_form()
    show_refusal(form, ValidationError({"panel": "Every panel member must be one of yours."}))
    assert form.non_field_errors() == ["Every panel member must be one of yours."]


def test_a_refusal_naming_no_field_is_kept_too():
    form = _checked_form()
    show_refusal(form, ValidationError("Something is wrong."))
    assert form.non_field_errors() == ["Something is wrong."]

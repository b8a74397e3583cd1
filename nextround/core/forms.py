"""Small helpers for forms whose saving goes through a workflow function."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError


def show_refusal(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a workflow's refusal on the form, against the field it names.

    A field the form does not show (or a refusal naming none) becomes an
    error of the whole form, so nothing the workflow said is lost.
    """
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages in problems.items():
        form.add_error(field if field in form.fields else None, messages)

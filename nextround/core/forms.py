"""Small helpers for forms whose saving goes through a workflow function."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates


def show_refusal(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a workflow's refusal on the form, against the field it names.

    A field the form does not show (or a refusal naming none) becomes an
    error of the whole form, so nothing the workflow said is lost.
    """
    problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for field, messages in problems.items():
        form.add_error(field if field in form.fields else None, messages)


# Django's empty choice, shown in every select whose model field may be blank.
STOCK_EMPTY_LABEL = "---------"


class KindFormRenderer(DjangoTemplates):
    """Django's form renderer, with words instead of dashes for "nothing chosen yet".

    One place for every select and radio list: "Choose one" where a choice is
    needed, "Not set" where it may be left.
    """

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if isinstance(widget, dict) and "optgroups" in widget:
            required = bool(widget.get("attrs", {}).get("required"))
            for _, options, _ in widget["optgroups"]:
                for option in options:
                    if option.get("label") == STOCK_EMPTY_LABEL:
                        option["label"] = "Choose one" if required else "Not set"
        return super().render(template_name, context, request)

"""Small helpers for forms whose saving goes through a workflow function."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe


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
        if template_name == SELECT_TEMPLATE and has_plain_options(widget):
            return select_html(widget)
        return super().render(template_name, context, request)


SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def has_plain_options(widget: dict) -> bool:
    return all(
        option.get("template_name", OPTION_TEMPLATE) == OPTION_TEMPLATE
        for _, options, _ in widget["optgroups"]
        for option in options
    )


def attributes_html(attrs: dict) -> str:
    """An element's attributes written as Django's ``attrs.html`` writes them."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def select_html(widget: dict) -> str:
    """Django's ``select.html``, written in Python.

    The same markup, without one template include per option: a list of
    countries and regions, or an account's hundreds of organisations, is
    the bulk of a page's rendering time otherwise.
    """
    parts = [f'<select name="{escape(widget["name"])}"{attributes_html(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(str(option["value"]))}"'
                f"{attributes_html(option['attrs'])}>{escape(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))


# How many of a long history a select offers, beyond those that matter now.
LATEST_OFFERED = 50


def offer_some(field: forms.ModelChoiceField, *shown: QuerySet, chosen=None) -> None:
    """Show only the records of ``shown`` in ``field``'s select or checkboxes, and ``chosen``.

    Years of history make a select of every application thousands of
    options long. The page offers the few that matter now (each of ``shown``
    may be sliced: "the latest fifty"); any record of the field's own
    queryset is still accepted, as it is through the API, and a choice
    already made stays on the page.
    """
    values = chosen if isinstance(chosen, list | tuple) else [chosen]
    kept = [
        int(value)
        for value in (getattr(value, "pk", value) for value in values)
        if str(value).isdigit()
    ]
    offered = Q(pk__in=kept)
    for part in shown:
        offered |= Q(pk__in=part.values("pk"))
    choices = ModelChoiceIterator(field)
    choices.queryset = field.queryset.filter(offered)
    field.widget.choices = choices

"""Template helpers for forms."""

from __future__ import annotations

from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def with_autofocus(field: BoundField) -> str:
    """The field's widget, focused when the page opens (the first field of an add or edit page)."""
    return field.as_widget(attrs={"autofocus": True})

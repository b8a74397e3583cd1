"""Long selects are written in Python, and must read exactly as Django's templates write them."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.core.forms import KindFormRenderer

labels = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12
)
choices = st.lists(st.tuples(st.text(alphabet="abc<>&\"' 01", max_size=5), labels), max_size=6)


def both_ways(widget: forms.Widget, name: str, value) -> tuple[str, str]:
    """The widget through Django's templates, and through ours."""
    stock = widget.render(name, value, attrs={"id": f"id_{name}"}, renderer=DjangoTemplates())
    ours = widget.render(name, value, attrs={"id": f"id_{name}"}, renderer=KindFormRenderer())
    return stock, ours


@settings(max_examples=60, deadline=None)
@given(choices=choices, value=st.text(alphabet="abc<>&01", max_size=3), required=st.booleans())
def test_a_select_reads_as_django_writes_it(choices, value, required):
    widget = forms.Select(choices=choices, attrs={"required": required, "data-x": 'a"b<'})
    stock, ours = both_ways(widget, "pick", value)
    assert ours == stock


@settings(max_examples=30, deadline=None)
@given(groups=st.lists(st.tuples(labels, choices), max_size=3), value=st.lists(st.text(max_size=2)))
def test_option_groups_and_several_chosen_read_as_django_writes_them(groups, value):
    widget = forms.SelectMultiple(
        choices=[(label, inner or [("x", "X")]) for label, inner in groups]
    )
    stock, ours = both_ways(widget, "several", value)
    assert ours == stock


def test_the_stock_dashes_still_become_words():
    field = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)
    html = field.widget.render("pick", "", renderer=KindFormRenderer())
    assert "Not set" in html
    assert "---------" not in html


@pytest.mark.parametrize("escaped", ["<script>", '"quoted"', "&amp;"])
def test_labels_and_values_are_escaped(escaped):
    widget = forms.Select(choices=[(escaped, escaped)])
    html = widget.render("pick", escaped, renderer=KindFormRenderer())
    assert "<script>" not in html.replace("<select", "").replace("<option", "")
    assert "selected" in html

"""Colours: as the device asks, or always light or dark, kept per account."""

from __future__ import annotations

import pytest
from django import forms
from django.urls import reverse

from nextround.accounts.models import Theme
from nextround.core.forms import KindFormRenderer

pytestmark = pytest.mark.django_db


def test_a_new_account_follows_the_device(user, user_client):
    assert user.theme == Theme.SYSTEM
    page = user_client.get(reverse("today")).content.decode()
    assert '<meta name="color-scheme" content="light dark">' in page


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_a_chosen_colour_is_saved_and_set_on_every_page(user, user_client, theme):
    response = user_client.post(reverse("accounts:appearance"), {"theme": theme})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.theme == theme
    page = user_client.get(reverse("today")).content.decode()
    assert f'<html lang="en-GB" data-theme="{theme}">' in page
    assert f'<meta name="color-scheme" content="{theme}">' in page


def test_an_unknown_colour_is_refused_kindly_and_nothing_changes(user, user_client):
    response = user_client.post(reverse("accounts:appearance"), {"theme": "purple"}, follow=True)
    assert response.status_code == 200
    assert "Choose light, dark, or as your device is set." in response.content.decode()
    user.refresh_from_db()
    assert user.theme == Theme.SYSTEM


def test_the_settings_page_offers_the_three_choices(user_client):
    page = user_client.get(reverse("accounts:settings")).content.decode()
    for label in ("Light or dark, as my device is set", "Always light", "Always dark"):
        assert label in page


def test_every_page_links_the_favicon(user, client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert 'rel="icon" href="/static/nextround/favicon.svg" type="image/svg+xml"' in page
    assert "favicon-32.png" in page


class Choosing(forms.Form):
    needed = forms.ChoiceField(choices=[("", "---------"), ("a", "A")])
    optional = forms.ChoiceField(choices=[("", "---------"), ("a", "A")], required=False)


def test_an_empty_choice_is_said_in_words():
    form = Choosing(renderer=KindFormRenderer())
    needed, optional = str(form["needed"]), str(form["optional"])
    assert "---------" not in needed + optional
    assert '<option value="" selected>Choose one</option>' in needed
    assert '<option value="" selected>Not set</option>' in optional

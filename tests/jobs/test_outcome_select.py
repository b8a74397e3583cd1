"""The outcome select starts empty: a hurried Save never records an offer (finding 5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def _first_option(page: str) -> str:
    select = page[page.index('<select name="outcome"') :]
    return select[select.index("<option") : select.index("</option>")]


def test_the_application_page_s_outcome_select_starts_empty(user, user_client):
    application = ApplicationFactory(owner=user)
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert _first_option(page).startswith('<option value="" selected>')
    assert 'value="offered" selected' not in page


def test_saving_the_outcome_without_a_choice_is_refused_naming_it(user, user_client):
    application = ApplicationFactory(owner=user)
    response = user_client.post(
        reverse("jobs:application_outcome", args=[application.pk]), {"decided_on": "2026-01-01"}
    )
    assert response.status_code == 422
    assert "outcome" in response.context["outcome_form"].errors
    assert b'id="id_outcome_error"' in response.content
    application.refresh_from_db()
    assert (application.outcome, application.status) == ("", "applied")


def test_a_recorded_outcome_is_shown_chosen_for_changing(user, user_client):
    application = ApplicationFactory(owner=user, outcome="rejected", status="rejected")
    page = user_client.get(application.get_absolute_url()).content.decode()
    assert 'value="rejected" selected' in page

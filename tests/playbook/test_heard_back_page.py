"""The "I've heard back" page: one form, an outcome that must be chosen, then the plan."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from nextround.jobs.models import Application, Organisation
from nextround.playbook.models import ActionKind
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)
URL = reverse("playbook:heard_back")


@time_machine.travel(NOW, tick=False)
def test_a_new_account_names_the_application_instead_of_choosing(user_client):
    form = user_client.get(URL).context["form"]
    assert list(form.fields) == ["organisation", "role", "outcome", "decided_on"]
    assert form["decided_on"].value() == datetime.date(2026, 3, 2)


def test_the_outcome_select_starts_empty(user_client):
    page = user_client.get(URL).content.decode()
    select = page[page.index('<select name="outcome"') :]
    first_option = select[select.index("<option") : select.index("</option>")]
    assert first_option.startswith('<option value="" selected>')
    assert 'value="offered" selected' not in page


def test_saving_without_an_outcome_is_refused_naming_the_field(user, user_client):
    response = user_client.post(
        URL, {"organisation": "Harbour Gallery", "role": "Curator", "decided_on": "2026-03-01"}
    )
    assert response.status_code == 422
    assert response.context["form"].errors["outcome"] == [
        "Choose what you heard: an offer, a no, no reply…"
    ]
    assert b'id="id_outcome_error"' in response.content
    assert not Application.objects.filter(owner=user).exists()
    assert not Organisation.objects.filter(owner=user).exists()


@time_machine.travel(NOW, tick=False)
def test_a_no_lands_on_the_drafted_feedback_request(user, user_client):
    response = user_client.post(
        URL,
        {
            "organisation": "Harbour Gallery",
            "role": "Curator",
            "outcome": "rejected",
            "decided_on": "2026-03-02",
        },
        follow=True,
    )
    action = response.context["action"]
    assert action.kind == ActionKind.ASK_FEEDBACK
    assert action.application.role == "Curator"
    page = response.content.decode()
    assert "mailto:" in page
    assert "The first is asking for feedback" in page


@time_machine.travel(NOW, tick=False)
def test_an_offer_lands_on_today(user, user_client):
    response = user_client.post(
        URL,
        {"organisation": "Harbour Gallery", "role": "Curator", "outcome": "offered"}
        | {"decided_on": "2026-03-02"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("today")


def test_the_list_offers_only_applications_still_waiting(user, user_client):
    waiting = ApplicationFactory(owner=user, role="Archivist")
    ApplicationFactory(owner=user, role="Registrar", outcome="rejected", status="rejected")
    form = user_client.get(URL).context["form"]
    assert list(form.fields["application"].queryset) == [waiting]


def test_the_list_is_bounded_and_an_older_application_is_found_by_name(user, user_client):
    from nextround.playbook.forms import LISTED_APPLICATIONS

    oldest = ApplicationFactory(owner=user, role="Archivist", organisation__name="Old Mill")
    ApplicationFactory.create_batch(LISTED_APPLICATIONS, owner=user)
    form = user_client.get(URL).context["form"]
    assert len(form.fields["application"].choices) == LISTED_APPLICATIONS + 1
    response = user_client.post(
        URL,
        {"organisation": "old mill", "role": "archivist", "outcome": "no_reply"}
        | {"decided_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    oldest.refresh_from_db()
    assert oldest.outcome == "no_reply"

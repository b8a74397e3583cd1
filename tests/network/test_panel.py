"""Engaging with the panel: reaching every member finishes the application's connect_panel step."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextround.network.connections import set_connection
from nextround.playbook.models import ActionKind, ActionStatus
from tests.factories import ContactFactory, InterviewFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel(user):
    interview = InterviewFactory(owner=user)
    members = [ContactFactory(owner=user), ContactFactory(owner=user)]
    interview.panel.add(*members)
    step = ActionFactory(
        owner=user, kind=ActionKind.CONNECT_PANEL, application=interview.application
    )
    return interview, members, step


def test_the_step_stays_open_until_everyone_on_the_panel_is_reached(panel):
    _, (first, second), step = panel
    set_connection(first, "linkedin", "requested")
    step.refresh_from_db()
    assert step.status == ActionStatus.OPEN
    set_connection(second, "bluesky", "followed")
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_marking_from_the_contact_page_finishes_the_step(user_client, panel):
    _, (first, second), step = panel
    set_connection(first, "x", "connected")
    user_client.post(
        reverse("network:connection_set", args=[second.pk]),
        {"network": "mastodon", "state": "requested"},
    )
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_saving_the_contact_form_with_a_connection_finishes_the_step(user_client, panel):
    _, (first, second), step = panel
    set_connection(first, "x", "connected")
    user_client.post(
        reverse("network:contact_edit", args=[second.pk]),
        {"name": second.name, "connection_linkedin": "requested"},
    )
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_clearing_a_state_never_finishes_it(panel):
    _, (first, second), step = panel
    set_connection(first, "x", "connected")
    set_connection(second, "x", "none")
    step.refresh_from_db()
    assert step.status == ActionStatus.OPEN


def test_the_contact_page_offers_a_drafted_note_thanking_the_panel(user, user_client, panel):
    interview, (first, _), _ = panel
    page = user_client.get(reverse("network:contact", args=[first.pk])).content.decode()
    assert f"the {interview.application.role} role" in page
    assert "a draft: change it as you like" in page

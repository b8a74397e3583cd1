"""The contact page's quick edits: interactions, connection states, connection notes."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from nextround.network.models import Interaction
from tests.factories import ContactFactory
from tests.network.factories import InteractionFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def test_logging_an_interaction_adds_it_and_moves_last_contact(user, user_client):
    contact = ContactFactory(owner=user)
    response = user_client.post(
        reverse("network:interaction_add", args=[contact.pk]),
        {
            "interaction-happened_on": "2026-04-02",
            "interaction-channel": "meeting",
            "interaction-note": "Tea after the talk",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#keeping-in-touch")
    page = user_client.get(reverse("network:contact", args=[contact.pk])).content.decode()
    assert "Tea after the talk" in page
    assert "2 April 2026" in page


def test_with_htmx_logging_answers_with_the_section_only(user, user_client):
    contact = ContactFactory(owner=user)
    response = user_client.post(
        reverse("network:interaction_add", args=[contact.pk]),
        {"interaction-happened_on": "2026-04-02", "interaction-channel": "email"},
        headers=HTMX,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<section id="keeping-in-touch"')
    assert "<html" not in body
    assert "2 April 2026" in body


def test_an_interaction_without_a_date_is_refused_beside_the_field(user, user_client):
    contact = ContactFactory(owner=user)
    for headers in ({}, HTMX):
        response = user_client.post(
            reverse("network:interaction_add", args=[contact.pk]),
            {"interaction-channel": "carrier-pigeon"},
            headers=headers,
        )
        assert response.status_code == 200
        form = response.context["interaction_form"]
        assert "happened_on" in form.errors
        assert "channel" in form.errors
    assert not Interaction.objects.exists()


def test_deleting_an_interaction_takes_it_out_of_the_log(user, user_client):
    interaction = InteractionFactory(contact=ContactFactory(owner=user), note="Phoned")
    url = reverse("network:interaction_delete", args=[interaction.contact_id, interaction.pk])
    assert user_client.get(url).status_code == 200
    response = user_client.post(url, headers=HTMX)
    assert response.status_code == 200
    assert "Phoned" not in response.content.decode()
    assert not Interaction.objects.exists()


def test_marking_a_connection_state_is_one_click(user, user_client):
    contact = ContactFactory(owner=user)
    url = reverse("network:connection_set", args=[contact.pk])
    response = user_client.post(url, {"network": "linkedin", "state": "requested"})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.connections == {"linkedin": "requested"}
    response = user_client.post(url, {"network": "linkedin", "state": "none"}, headers=HTMX)
    assert response.content.decode().lstrip().startswith('<section id="connections"')
    contact.refresh_from_db()
    assert contact.connections == {}


def test_an_unknown_network_or_state_changes_nothing(user, user_client):
    contact = ContactFactory(owner=user, connections={"x": "followed"})
    url = reverse("network:connection_set", args=[contact.pk])
    user_client.post(url, {"network": "myspace", "state": "requested"})
    response = user_client.post(url, {"network": "x", "state": "best-friends"}, follow=True)
    assert "Choose a network and a connection state." in response.content.decode()
    contact.refresh_from_db()
    assert contact.connections == {"x": "followed"}


def test_a_connection_note_is_saved_and_its_length_shown(user, user_client):
    contact = ContactFactory(owner=user)
    url = reverse("network:connection_note", args=[contact.pk, "linkedin"])
    response = user_client.post(url, {"linkedin-note": "Thank you for your time on Tuesday."})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.connection_notes == {"linkedin": "Thank you for your time on Tuesday."}
    page = user_client.get(reverse("network:contact", args=[contact.pk])).content.decode()
    assert "<span>35</span> of 300 characters" in page


def test_a_note_over_300_characters_is_refused_with_a_clear_message(user, user_client):
    contact = ContactFactory(owner=user)
    url = reverse("network:connection_note", args=[contact.pk, "linkedin"])
    for headers in ({}, HTMX):
        response = user_client.post(url, {"linkedin-note": "a" * 301}, headers=headers)
        assert response.status_code == 200
        assert "Keep the note to 300 characters (it has 301)" in response.content.decode()
    contact.refresh_from_db()
    assert contact.connection_notes == {}


def test_a_note_for_an_unknown_network_is_404(user, user_client):
    contact = ContactFactory(owner=user)
    url = reverse("network:connection_note", args=[contact.pk, "myspace"])
    assert user_client.post(url, {"myspace-note": "hi"}).status_code == 404


def test_last_contact_is_the_latest_interaction(user):
    from nextround.network.models import Contact

    contact = ContactFactory(owner=user)
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 1, 5))
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 3, 5))
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 2, 5))
    assert Contact.objects.with_last_contact().get().last_contact_on == datetime.date(2026, 3, 5)

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
    url = reverse("network:connection_note", args=[contact.pk])
    response = user_client.post(url, {"note": "Thank you for your time on Tuesday."})
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.connection_notes == {"linkedin": "Thank you for your time on Tuesday."}
    page = user_client.get(reverse("network:contact", args=[contact.pk])).content.decode()
    assert "<span>35</span> of 300 characters" in page


def test_the_contact_page_shows_one_note_and_a_state_per_network(user, user_client):
    contact = ContactFactory(owner=user, name="Robin Examplefield")
    contact.connections = {"linkedin": "requested", "mastodon": "followed"}
    contact.save()
    page = user_client.get(reverse("network:contact", args=[contact.pk])).content.decode()
    assert page.count('name="note"') == 1
    assert page.count("Hello Robin,") == 1
    for network in ("LinkedIn", "Bluesky", "X", "Mastodon"):
        assert f'aria-label="Mark your {network} connection"' in page
    assert "Requested" in page and "Followed" in page


def test_a_note_kept_per_network_before_shows_once(user, user_client):
    contact = ContactFactory(owner=user)
    contact.connection_notes = {"bluesky": "Lovely to meet you.", "x": "Lovely to meet you."}
    contact.save()
    page = user_client.get(reverse("network:contact", args=[contact.pk])).content.decode()
    assert page.count("Lovely to meet you.") == 1
    user_client.post(reverse("network:connection_note", args=[contact.pk]), {"note": "Hi."})
    contact.refresh_from_db()
    assert contact.connection_notes == {"linkedin": "Hi."}


def test_a_note_over_300_characters_is_refused_with_a_clear_message(user, user_client):
    contact = ContactFactory(owner=user)
    url = reverse("network:connection_note", args=[contact.pk])
    response = user_client.post(url, {"note": "a" * 301})
    assert response.status_code == 200
    assert "Keep the note to 300 characters (it has 301)" in response.content.decode()
    contact.refresh_from_db()
    assert contact.connection_notes == {}


def test_without_javascript_sending_the_note_by_email_keeps_it_and_opens_it(user, user_client):
    contact = ContactFactory(owner=user, email="robin@example.org")
    response = user_client.post(
        reverse("network:connection_note", args=[contact.pk]),
        {"note": "Thank you for Tuesday.", "send": "1"},
    )
    assert response["Location"] == (
        "mailto:robin@example.org?subject=Thank%20you&body=Thank%20you%20for%20Tuesday."
    )
    contact.refresh_from_db()
    assert contact.connection_notes == {"linkedin": "Thank you for Tuesday."}


def test_a_note_saved_from_the_panel_step_goes_back_there(user, user_client):
    contact = ContactFactory(owner=user)
    response = user_client.post(
        reverse("network:connection_note", args=[contact.pk]),
        {"note": "Hello.", "next": "/plan/actions/1/"},
    )
    assert response["Location"] == "/plan/actions/1/"
    response = user_client.post(
        reverse("network:connection_note", args=[contact.pk]),
        {"note": "Hello.", "next": "https://elsewhere.example.org/"},
    )
    assert response["Location"].startswith(reverse("network:contact", args=[contact.pk]))


def test_last_contact_is_the_latest_interaction(user):
    from nextround.network.models import Contact

    contact = ContactFactory(owner=user)
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 1, 5))
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 3, 5))
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 2, 5))
    assert Contact.objects.with_last_contact().get().last_contact_on == datetime.date(2026, 3, 5)

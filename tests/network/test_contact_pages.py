"""The contacts list (search, filters, flat query counts) and the contact page."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.factories import ContactFactory, InterviewFactory, OrganisationFactory
from tests.network.factories import InteractionFactory

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [contact.name for contact in response.context["contacts"]]


def test_it_lists_contacts_with_their_connections_and_last_contact(user, user_client):
    contact = ContactFactory(
        owner=user, name="Rowan Example", connections={"linkedin": "connected"}
    )
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 3, 4))
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 5, 6))
    response = user_client.get(reverse("network:contacts"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rowan Example" in body
    assert "LinkedIn: connected" in body
    assert "6 May 2026" in body


def test_it_searches_by_name_role_email_and_organisation(user, user_client):
    gallery = OrganisationFactory(owner=user, name="Lantern Gallery")
    ContactFactory(owner=user, name="Ines Example", organisation=gallery)
    ContactFactory(owner=user, name="Tomas Example", role="Registrar")
    ContactFactory(owner=user, name="Kit Example", email="kit@archive.example.org")
    url = reverse("network:contacts")
    assert names(user_client.get(url, {"q": "lantern"})) == ["Ines Example"]
    assert names(user_client.get(url, {"q": "registrar"})) == ["Tomas Example"]
    assert names(user_client.get(url, {"q": "archive.example"})) == ["Kit Example"]


def test_it_filters_by_connection_state_network_and_panel(user, user_client):
    ContactFactory(owner=user, name="A Requested", connections={"linkedin": "requested"})
    ContactFactory(owner=user, name="B Followed", connections={"bluesky": "followed"})
    panelist = ContactFactory(owner=user, name="C Untouched")
    InterviewFactory(owner=user).panel.add(panelist)
    url = reverse("network:contacts")
    assert names(user_client.get(url, {"state": "requested"})) == ["A Requested"]
    assert names(user_client.get(url, {"network": "bluesky"})) == ["B Followed"]
    assert names(user_client.get(url, {"network": "linkedin", "state": "none"})) == [
        "B Followed",
        "C Untouched",
    ]
    assert names(user_client.get(url, {"state": "none"})) == ["C Untouched"]
    assert names(user_client.get(url, {"panel": "on"})) == ["C Untouched"]


def test_a_filter_that_matches_nobody_says_so_kindly(user, user_client):
    ContactFactory(owner=user)
    response = user_client.get(reverse("network:contacts"), {"q": "nobody-like-this"})
    assert "No contacts match" in response.content.decode()


def test_the_list_costs_the_same_queries_for_ten_contacts_or_a_hundred(
    user, user_client, django_assert_max_num_queries
):
    def make(count):
        organisation = OrganisationFactory(owner=user)
        for _ in range(count):
            contact = ContactFactory(owner=user, organisation=organisation)
            InteractionFactory(contact=contact)
            InterviewFactory(owner=user).panel.add(contact)

    make(10)
    with django_assert_max_num_queries(6) as few:
        user_client.get(reverse("network:contacts"), {"panel": "on", "q": "Alex"})
    make(90)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = user_client.get(reverse("network:contacts"), {"panel": "on", "q": "Alex"})
    assert response.context["contacts"].paginator.count == 100


def test_the_contact_page_shows_where_they_were_met_and_the_log(user, user_client):
    contact = ContactFactory(owner=user, name="Noor Example", notes="Kind and direct.")
    interview = InterviewFactory(owner=user, stage="Second interview")
    interview.panel.add(contact)
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 2, 1), note="Coffee")
    response = user_client.get(reverse("network:contact", args=[contact.pk]))
    body = response.content.decode()
    assert "Second interview" in body
    assert interview.application.role in body
    assert "Coffee" in body
    assert "1 February 2026" in body
    assert "Kind and direct." in body


def test_the_contact_page_costs_a_fixed_number_of_queries(
    user, user_client, django_assert_max_num_queries
):
    contact = ContactFactory(owner=user)
    for _ in range(3):
        InterviewFactory(owner=user).panel.add(contact)
        InteractionFactory(contact=contact)
    with django_assert_max_num_queries(12) as few:
        user_client.get(reverse("network:contact", args=[contact.pk]))
    for _ in range(20):
        InterviewFactory(owner=user).panel.add(contact)
        InteractionFactory(contact=contact)
    with django_assert_max_num_queries(len(few.captured_queries)):
        user_client.get(reverse("network:contact", args=[contact.pk]))


def test_the_keep_in_touch_interval_is_set_on_the_form(user, user_client):
    response = user_client.post(
        reverse("network:contact_create"),
        {"name": "Bea Example", "keep_in_touch_days": "90", "connection_linkedin": "none"},
    )
    assert response.status_code == 302
    response = user_client.get(response["Location"])
    assert "every 90 days" in response.content.decode()


def test_a_bad_profile_address_is_named_beside_its_field(user, user_client):
    response = user_client.post(
        reverse("network:contact_create"), {"name": "Cy Example", "link_linkedin": "not a url"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["link_linkedin"] == ["Enter a valid URL."]

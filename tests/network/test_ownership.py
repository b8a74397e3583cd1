"""Another user's contact or interaction is 404 on every page of the network area."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextround.network.models import Contact, Interaction
from tests.factories import ContactFactory
from tests.network.factories import InteractionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theirs(other_user):
    return InteractionFactory(contact=ContactFactory(owner=other_user, name="Not Yours"))


def contact_urls(contact_id: int, interaction_id: int) -> list[tuple[str, str, dict]]:
    return [
        ("get", reverse("network:contact", args=[contact_id]), {}),
        ("get", reverse("network:contact_edit", args=[contact_id]), {}),
        ("post", reverse("network:contact_edit", args=[contact_id]), {"name": "Mine now"}),
        ("get", reverse("network:contact_delete", args=[contact_id]), {}),
        ("post", reverse("network:contact_delete", args=[contact_id]), {}),
        ("get", reverse("network:contact_vcard", args=[contact_id]), {}),
        (
            "post",
            reverse("network:interaction_add", args=[contact_id]),
            {"interaction-happened_on": "2026-01-01", "interaction-channel": "email"},
        ),
        ("get", reverse("network:interaction_delete", args=[contact_id, interaction_id]), {}),
        ("post", reverse("network:interaction_delete", args=[contact_id, interaction_id]), {}),
        (
            "post",
            reverse("network:connection_set", args=[contact_id]),
            {"network": "linkedin", "state": "connected"},
        ),
        (
            "post",
            reverse("network:connection_note", args=[contact_id]),
            {"note": "hi"},
        ),
    ]


def test_every_contact_page_is_404_for_another_users_contact(user_client, theirs):
    for method, url, data in contact_urls(theirs.contact_id, theirs.pk):
        response = getattr(user_client, method)(url, data)
        assert response.status_code == 404, (method, url)
    contact = Contact.objects.get()
    assert contact.name == "Not Yours"
    assert contact.connections == {}
    assert Interaction.objects.count() == 1


def test_an_interaction_is_404_through_another_contact_of_ones_own(user, user_client, theirs):
    mine = ContactFactory(owner=user)
    url = reverse("network:interaction_delete", args=[mine.pk, theirs.pk])
    assert user_client.post(url).status_code == 404
    assert Interaction.objects.count() == 1


def test_another_users_contacts_never_appear_in_the_list_or_the_export(user_client, theirs):
    assert "Not Yours" not in user_client.get(reverse("network:contacts")).content.decode()
    assert "Not Yours" not in user_client.get(reverse("network:contacts_vcard")).content.decode()


def test_pages_ask_anonymous_visitors_to_log_in(client, theirs):
    for method, url, data in contact_urls(theirs.contact_id, theirs.pk):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert "/login" in response["Location"]

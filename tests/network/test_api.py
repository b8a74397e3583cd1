"""The contacts API's network fields: interactions, follow-ups, connection notes."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.network.models import Interaction
from nextround.playbook.models import Action, ActionKind, ActionStatus
from tests.factories import ContactFactory, InterviewFactory
from tests.network.factories import InteractionFactory
from tests.playbook.factories import ActionFactory

pytestmark = pytest.mark.django_db

frozen = time_machine.travel("2026-03-04 10:00Z", tick=False)


def body(response) -> str:
    return response.content.decode()


@frozen
def test_a_contact_with_an_interval_gets_its_follow_up_and_notes(api):
    response = api.post(
        "/api/v1/contacts",
        {
            "name": "Della Example",
            "keep_in_touch_days": 30,
            "connection_notes": {"linkedin": "Thank you for Tuesday."},
        },
    )
    assert response.status_code == 201, body(response)
    created = response.json()
    assert created["next_follow_up_on"] == "2026-04-03"
    assert created["last_contact_on"] is None
    assert created["connection_notes"] == {"linkedin": "Thank you for Tuesday."}
    assert created["interview_ids"] == []


@frozen
def test_logging_an_interaction_moves_last_contact_and_the_follow_up(api, user):
    contact = ContactFactory(owner=user, keep_in_touch_days=10)
    path = f"/api/v1/contacts/{contact.pk}/interactions"
    response = api.post(path, {"happened_on": "2026-03-02", "channel": "call", "note": "Chat"})
    assert response.status_code == 201, body(response)
    interaction = response.json()
    assert interaction["channel"] == "call"
    read = api.get(f"/api/v1/contacts/{contact.pk}").json()
    assert read["last_contact_on"] == "2026-03-02"
    assert read["next_follow_up_on"] == "2026-03-12"
    assert [item["id"] for item in api.get(path).json()] == [interaction["id"]]

    one = f"{path}/{interaction['id']}"
    assert api.get(one).json()["note"] == "Chat"
    patched = api.patch(one, {"happened_on": "2026-03-04"})
    assert patched.status_code == 200, body(patched)
    assert api.get(f"/api/v1/contacts/{contact.pk}").json()["next_follow_up_on"] == "2026-03-14"
    assert api.delete(one).status_code == 204
    assert not Interaction.objects.exists()


@frozen
def test_the_next_follow_up_is_set_and_cleared_by_patch(api, user):
    contact = ContactFactory(owner=user)
    path = f"/api/v1/contacts/{contact.pk}"
    assert api.patch(path, {"next_follow_up_on": "2026-05-01"}).json()["next_follow_up_on"] == (
        "2026-05-01"
    )
    action = Action.objects.get(contact=contact)
    assert action.kind == ActionKind.FOLLOW_UP
    assert api.patch(path, {"next_follow_up_on": None}).json()["next_follow_up_on"] is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("connection_notes", {"linkedin": "x" * 301}),
        ("connection_notes", {"friendster": "hello"}),
        ("connection_notes", {"linkedin": 42}),
        ("keep_in_touch_days", 0),
        ("keep_in_touch_days", "often"),
        ("next_follow_up_on", "next week"),
        ("connections", {"friendster": "requested"}),
        ("links", {"website": "javascript:alert(1)"}),
    ],
)
def test_bad_network_fields_are_refused_naming_the_field(api, user, field, value):
    contact = ContactFactory(owner=user)
    response = api.patch(f"/api/v1/contacts/{contact.pk}", {field: value})
    assert response.status_code == 422, body(response)
    assert field in body(response)
    contact.refresh_from_db()
    assert contact.connection_notes == {}
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"channel": "email"}, "happened_on"),
        ({"happened_on": "2026-02-30"}, "happened_on"),
        ({"happened_on": "2026-03-01", "channel": "telepathy"}, "channel"),
        ({"happened_on": "2026-03-01", "note": "x" * 2001}, "note"),
    ],
)
def test_a_bad_interaction_is_refused_naming_the_field(api, user, payload, field):
    contact = ContactFactory(owner=user)
    response = api.post(f"/api/v1/contacts/{contact.pk}/interactions", payload)
    assert response.status_code == 422, body(response)
    assert field in body(response)
    assert not Interaction.objects.exists()


def test_another_users_contact_and_interactions_are_404(api, other_user, user):
    theirs = InteractionFactory(contact=ContactFactory(owner=other_user))
    mine = ContactFactory(owner=user)
    base = f"/api/v1/contacts/{theirs.contact_id}/interactions"
    assert api.get(base).status_code == 404
    assert api.post(base, {"happened_on": "2026-03-01"}).status_code == 404
    for contact_id in (theirs.contact_id, mine.pk):
        one = f"/api/v1/contacts/{contact_id}/interactions/{theirs.pk}"
        assert api.get(one).status_code == 404
        assert api.patch(one, {"note": "mine now"}).status_code == 404
        assert api.delete(one).status_code == 404
    assert (
        api.patch(
            f"/api/v1/contacts/{theirs.contact_id}", {"next_follow_up_on": "2026-05-01"}
        ).status_code
        == 404
    )
    assert Interaction.objects.get().note == theirs.note
    assert not Action.objects.exists()


def test_reaching_the_whole_panel_through_the_api_finishes_connect_panel(api, user):
    interview = InterviewFactory(owner=user)
    first, second = ContactFactory(owner=user), ContactFactory(owner=user)
    interview.panel.add(first, second)
    step = ActionFactory(
        owner=user, kind=ActionKind.CONNECT_PANEL, application=interview.application
    )
    api.patch(f"/api/v1/contacts/{first.pk}", {"connections": {"linkedin": "requested"}})
    step.refresh_from_db()
    assert step.status == ActionStatus.OPEN
    response = api.patch(f"/api/v1/contacts/{second.pk}", {"connections": {"x": "followed"}})
    assert response.json()["interview_ids"] == [interview.pk]
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_the_contact_list_costs_the_same_queries_for_many_rows(
    api, user, django_assert_max_num_queries
):
    def make(count):
        for _ in range(count):
            contact = ContactFactory(owner=user)
            InteractionFactory(contact=contact, happened_on=datetime.date(2026, 1, 1))
            InterviewFactory(owner=user).panel.add(contact)

    make(3)
    with django_assert_max_num_queries(8) as few:
        api.get("/api/v1/contacts")
    make(30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        items = api.get("/api/v1/contacts").json()
    assert len(items) == 33
    assert all(item["last_contact_on"] == "2026-01-01" for item in items)

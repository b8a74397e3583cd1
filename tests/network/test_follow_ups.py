"""Next follow-ups: set by hand, or scheduled from the keep-in-touch interval after each interaction."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from nextround.network.followups import next_follow_up, schedule_from_interval, set_follow_up
from nextround.network.interactions import delete_interaction, log_interaction
from nextround.playbook.models import Action, ActionKind, ActionStatus
from tests.factories import ContactFactory
from tests.network.factories import InteractionFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 4)
frozen = time_machine.travel("2026-03-04 10:00Z", tick=False)


def follow_ups(contact):
    return list(
        Action.objects.filter(contact=contact, kind=ActionKind.FOLLOW_UP)
        .order_by("id")
        .values_list("due_on", "status")
    )


@frozen
def test_setting_an_interval_puts_a_follow_up_on_the_agenda_from_today(user, user_client):
    contact = ContactFactory(owner=user)
    user_client.post(
        reverse("network:contact_edit", args=[contact.pk]),
        {"name": contact.name, "keep_in_touch_days": "30"},
    )
    assert follow_ups(contact) == [(datetime.date(2026, 4, 3), ActionStatus.OPEN)]


@frozen
def test_the_interval_counts_from_the_last_interaction(user):
    contact = ContactFactory(owner=user, keep_in_touch_days=14)
    InteractionFactory(contact=contact, happened_on=datetime.date(2026, 2, 20))
    schedule_from_interval(contact)
    assert next_follow_up(contact).due_on == datetime.date(2026, 3, 6)


@frozen
def test_each_interaction_finishes_the_follow_up_and_schedules_the_next(user):
    contact = ContactFactory(owner=user, keep_in_touch_days=30)
    schedule_from_interval(contact)
    log_interaction(contact, happened_on=TODAY, channel="email")
    assert follow_ups(contact) == [
        (datetime.date(2026, 4, 3), ActionStatus.DONE),
        (datetime.date(2026, 4, 3), ActionStatus.OPEN),
    ]
    with time_machine.travel("2026-04-10 09:00Z", tick=False):
        log_interaction(contact, happened_on=datetime.date(2026, 4, 10), channel="call")
    assert follow_ups(contact)[-1] == (datetime.date(2026, 5, 10), ActionStatus.OPEN)
    assert Action.objects.filter(contact=contact, status=ActionStatus.OPEN).count() == 1


@frozen
def test_logging_an_older_interaction_later_finishes_nothing(user):
    contact = ContactFactory(owner=user, keep_in_touch_days=30)
    log_interaction(contact, happened_on=TODAY, channel="email")
    log_interaction(contact, happened_on=datetime.date(2026, 1, 2), channel="letter")
    assert follow_ups(contact) == [(datetime.date(2026, 4, 3), ActionStatus.OPEN)]


@frozen
def test_deleting_the_latest_interaction_counts_from_the_one_before(user):
    contact = ContactFactory(owner=user, keep_in_touch_days=10)
    log_interaction(contact, happened_on=datetime.date(2026, 3, 1), channel="email")
    latest = log_interaction(contact, happened_on=TODAY, channel="email")
    delete_interaction(latest)
    assert next_follow_up(contact).due_on == datetime.date(2026, 3, 11)


@frozen
def test_without_an_interval_an_interaction_finishes_a_follow_up_set_by_hand(user):
    contact = ContactFactory(owner=user)
    set_follow_up(contact, datetime.date(2026, 3, 10))
    log_interaction(contact, happened_on=TODAY, channel="meeting")
    assert follow_ups(contact) == [(datetime.date(2026, 3, 10), ActionStatus.DONE)]
    assert next_follow_up(contact) is None


@frozen
def test_clearing_the_interval_takes_back_only_its_own_follow_up(user, user_client):
    contact = ContactFactory(owner=user, keep_in_touch_days=30)
    schedule_from_interval(contact)
    user_client.post(reverse("network:contact_edit", args=[contact.pk]), {"name": contact.name})
    assert next_follow_up(contact) is None
    assert follow_ups(contact) == [(datetime.date(2026, 4, 3), ActionStatus.SKIPPED)]


@frozen
def test_the_follow_up_is_set_moved_and_cleared_on_the_contact_page(user, user_client):
    contact = ContactFactory(owner=user)
    url = reverse("network:follow_up", args=[contact.pk])
    user_client.post(url, {"follow_up-due_on": "2026-03-20"})
    assert next_follow_up(contact).due_on == datetime.date(2026, 3, 20)
    response = user_client.post(
        url, {"follow_up-due_on": "2026-03-25"}, headers={"HX-Request": "true"}
    )
    assert "25 March 2026" in response.content.decode()
    assert Action.objects.filter(contact=contact).count() == 1
    user_client.post(url, {"clear": "1"})
    assert next_follow_up(contact) is None


@frozen
def test_a_bad_follow_up_date_is_named_beside_the_field(user, user_client):
    contact = ContactFactory(owner=user)
    response = user_client.post(
        reverse("network:follow_up", args=[contact.pk]), {"follow_up-due_on": "soon"}
    )
    assert response.status_code == 200
    assert response.context["follow_up_form"].errors["due_on"] == ["Enter a valid date."]
    assert next_follow_up(contact) is None


@frozen
def test_the_list_shows_and_filters_follow_ups_that_are_due(user, user_client):
    due = ContactFactory(owner=user, name="Due Example")
    later = ContactFactory(owner=user, name="Later Example")
    set_follow_up(due, datetime.date(2026, 3, 1))
    set_follow_up(later, datetime.date(2026, 6, 1))
    response = user_client.get(reverse("network:contacts"), {"due": "on"})
    assert [c.name for c in response.context["contacts"]] == ["Due Example"]
    assert "1 Mar 2026" in response.content.decode()


def test_another_users_follow_up_cannot_be_set(user_client, other_user):
    contact = ContactFactory(owner=other_user)
    response = user_client.post(
        reverse("network:follow_up", args=[contact.pk]), {"follow_up-due_on": "2026-03-20"}
    )
    assert response.status_code == 404
    assert not Action.objects.exists()

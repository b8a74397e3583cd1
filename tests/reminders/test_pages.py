"""Reminder settings and the unsubscribe link that needs no login."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.urls import reverse

from nextround.reminders.digest import TIMED_UNSUBSCRIBE_SALT, unsubscribe_token
from nextround.reminders.models import ReminderSettings
from nextround.reminders.views import settings_context

pytestmark = pytest.mark.django_db


def test_saving_reminder_settings(user_client, user):
    response = user_client.post(
        reverse("reminders:settings"),
        {"digest_enabled": "on", "email": "me@example.org", "alarm_time": "07:45"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:settings")
    chosen = ReminderSettings.objects.get(user=user)
    assert chosen.digest_enabled and chosen.email == "me@example.org"
    assert chosen.alarm_time == datetime.time(7, 45)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"digest_enabled": "on", "email": "", "alarm_time": "09:00"}, "email"),
        ({"email": "not an address", "alarm_time": "09:00"}, "email"),
        ({"email": "", "alarm_time": "25:00"}, "alarm_time"),
    ],
)
def test_bad_settings_are_shown_on_their_field(user_client, user, data, field):
    response = user_client.post(reverse("reminders:settings"), data)

    assert response.status_code == 200
    assert field in response.context["reminder_form"].errors
    assert not ReminderSettings.objects.exists()


def test_the_settings_fragment_starts_from_the_defaults(user, settings):
    settings.EMAIL_ENABLED = False
    context = settings_context(user)
    assert context["reminder_form"].initial["alarm_time"] == datetime.time(9, 0)
    assert context["email_enabled"] is False


def test_the_unsubscribe_link_works_without_logging_in(user):
    ReminderSettings.objects.create(user=user, digest_enabled=True, email="me@example.org")
    url = reverse("reminders:unsubscribe", args=[unsubscribe_token(user)])
    browser = Client(enforce_csrf_checks=True)

    page = browser.get(url)
    assert page.status_code == 200
    assert ReminderSettings.objects.get().digest_enabled  # a look does not unsubscribe

    # A mail program's one-click unsubscribe: a POST with no cookie or token.
    assert browser.post(url).status_code == 200
    assert not ReminderSettings.objects.get().digest_enabled


def test_a_link_from_an_older_digest_still_unsubscribes(user):
    ReminderSettings.objects.create(user=user, digest_enabled=True, email="me@example.org")
    older = signing.dumps({"user": user.pk}, salt=TIMED_UNSUBSCRIBE_SALT, compress=True)

    response = Client().post(reverse("reminders:unsubscribe", args=[older]))

    assert response.status_code == 200
    assert not ReminderSettings.objects.get().digest_enabled


def test_every_digest_carries_the_same_unsubscribe_link(user):
    with time_machine.travel("2026-12-02 10:00:00Z", tick=False):
        first = unsubscribe_token(user)
    with time_machine.travel("2026-12-03 10:00:01Z", tick=False):
        assert unsubscribe_token(user) == first


def test_a_forged_unsubscribe_token_changes_nothing(user):
    ReminderSettings.objects.create(user=user, digest_enabled=True, email="me@example.org")
    forged = unsubscribe_token(user)[:-2] + "xx"

    response = Client().post(reverse("reminders:unsubscribe", args=[forged]))

    assert response.status_code == 404
    assert ReminderSettings.objects.get().digest_enabled


def test_the_reminders_page_offers_the_bookmarklet(user_client):
    page = user_client.get(reverse("reminders:settings")).content.decode()
    assert "http://testserver/applications/from-link/?advert=" in page


def test_settings_and_today_carry_the_reminders_and_new_vacancies(user_client, user):
    settings_page = user_client.get(reverse("accounts:settings")).content.decode()
    assert 'id="reminders-heading"' in settings_page
    assert "reminder_form" in user_client.get(reverse("accounts:settings")).context
    assert "new_vacancies" in user_client.get(reverse("today")).context

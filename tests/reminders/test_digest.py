"""The morning digest, received by a real SMTP server."""

from __future__ import annotations

import datetime
import email
from email import policy

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from nextround.reminders.digest import send_due_digests, unsubscribe_token
from nextround.reminders.models import DigestSent, ReminderSettings
from tests.factories import InterviewFactory, UserFactory
from tests.playbook.factories import ActionFactory
from tests.racing import race
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db
# 10:00 in London on a winter morning: after the default 09:00.
MORNING = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=datetime.UTC)


def subscribe(person, address="me@example.org", **extra) -> ReminderSettings:
    return ReminderSettings.objects.create(user=person, digest_enabled=True, email=address, **extra)


def with_news(person):
    today = timezone.localdate(MORNING)
    ActionFactory(owner=person, due_on=today - datetime.timedelta(days=2))
    ActionFactory(owner=person, due_on=today)
    InterviewFactory(owner=person, starts_at=MORNING + datetime.timedelta(hours=26))
    VacancyFactory(
        owner=person,
        title="Trainee Curatorial Assistant",
        organisation__name="Worcester Cathedral Library",
        closes_on=datetime.date(2027, 1, 12),
        first_seen_at=MORNING - datetime.timedelta(hours=3),
    )


def received(inbox):
    return [
        email.message_from_bytes(envelope.content, policy=policy.default)
        for envelope in inbox.envelopes
    ]


def test_the_digest_arrives_with_steps_interviews_and_vacancies(smtp_inbox, user):
    subscribe(user)
    with_news(user)

    results = send_due_digests(MORNING)

    assert [result.outcome for result in results] == ["sent"]
    [message] = received(smtp_inbox)
    assert message["To"] == "me@example.org"
    assert message["Subject"] == "Next Round: 2 steps for today"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "OVERDUE" in text and "DUE TODAY" in text
    assert "https://nextround.example.org/plan/actions/" in text
    assert "INTERVIEWS IN THE NEXT TWO DAYS" in text
    assert (
        "New at Worcester Cathedral Library: Trainee Curatorial Assistant (closes 12 January)"
        in text
    )
    assert "<h2>Overdue</h2>" in html
    unsubscribe = f"https://nextround.example.org/reminders/unsubscribe/{unsubscribe_token(user)}/"
    assert unsubscribe in text
    assert message["List-Unsubscribe"].strip() == f"<{unsubscribe}>"


def test_running_twice_sends_once(smtp_inbox, user):
    subscribe(user)
    with_news(user)

    send_due_digests(MORNING)
    again = send_due_digests(MORNING + datetime.timedelta(hours=2))

    assert [result.outcome for result in again] == ["already sent"]
    assert len(smtp_inbox.envelopes) == 1
    assert DigestSent.objects.get().day == datetime.date(2026, 12, 2)


def test_the_next_day_sends_again(smtp_inbox, user):
    subscribe(user)
    with_news(user)
    send_due_digests(MORNING)

    ActionFactory(owner=user, due_on=datetime.date(2026, 12, 3))
    send_due_digests(MORNING + datetime.timedelta(days=1))

    assert len(smtp_inbox.envelopes) == 2


def test_nothing_goes_before_the_persons_time(smtp_inbox, user):
    subscribe(user, alarm_time=datetime.time(11, 30))
    with_news(user)

    assert send_due_digests(MORNING) == []
    assert [r.outcome for r in send_due_digests(MORNING + datetime.timedelta(hours=2))] == ["sent"]


def test_no_digest_without_the_switch_or_an_address(smtp_inbox, user, other_user):
    ReminderSettings.objects.create(user=user, digest_enabled=False, email="me@example.org")
    ReminderSettings.objects.create(user=other_user, digest_enabled=True, email="")
    with_news(user)
    with_news(other_user)

    assert send_due_digests(MORNING) == []
    assert smtp_inbox.envelopes == []


def test_a_morning_with_nothing_to_say_sends_nothing(smtp_inbox, user):
    subscribe(user)
    assert [r.outcome for r in send_due_digests(MORNING)] == ["nothing new"]
    assert smtp_inbox.envelopes == []


def test_a_mail_server_that_is_down_leaves_the_day_for_the_next_try(smtp_inbox, settings, user):
    subscribe(user)
    with_news(user)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens there

    [failed] = send_due_digests(MORNING)
    assert failed.outcome.startswith("failed")
    assert not DigestSent.objects.exists()

    settings.EMAIL_PORT = port
    assert [r.outcome for r in send_due_digests(MORNING)] == ["sent"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_send_one_digest(smtp_inbox):
    person = UserFactory()
    subscribe(person)
    with_news(person)

    results, errors = race(lambda: send_due_digests(MORNING))

    assert not errors
    outcomes = sorted(result.outcome for batch in results for result in batch)
    assert outcomes == ["already sent", "sent"]
    assert len(smtp_inbox.envelopes) == 1


def test_remind_sends_and_dry_run_only_tells(smtp_inbox, user, capsys):
    subscribe(user)
    with_news(user)

    with time_machine.travel(MORNING, tick=False):
        call_command("remind", "--dry-run")
        assert smtp_inbox.envelopes == []
        call_command("remind", "--user", user.username)
        call_command("remind")

    out = capsys.readouterr().out
    assert f"{user.username} <me@example.org>: would send" in out
    assert f"{user.username} <me@example.org>: sent" in out
    assert f"{user.username} <me@example.org>: already sent" in out
    assert len(smtp_inbox.envelopes) == 1


def test_remind_names_a_missing_account_and_missing_email(settings, user):
    settings.EMAIL_ENABLED = True
    with pytest.raises(CommandError, match="No account named 'nobody'"):
        call_command("remind", "--user", "nobody")
    settings.EMAIL_ENABLED = False
    with pytest.raises(CommandError, match="NEXTROUND_EMAIL_URL"):
        call_command("remind")
    # A mistyped name is named first, email set up or not.
    with pytest.raises(CommandError, match="No account named 'nobody'"):
        call_command("remind", "--user", "nobody")

"""Reminder settings and vacancies move with an export; the digest's bookkeeping stays."""

from __future__ import annotations

import datetime
import json

import pytest

from nextround.home.portability import export_user, import_user
from nextround.reminders.models import DigestSent, ReminderSettings
from nextround.vacancies.models import Vacancy
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db


def test_an_export_carries_reminders_and_vacancies_into_an_account_that_has_its_own(
    user, other_user
):
    ReminderSettings.objects.create(
        user=user, digest_enabled=True, email="me@example.org", alarm_time=datetime.time(7, 0)
    )
    DigestSent.objects.create(user=user, day=datetime.date(2026, 12, 2))
    VacancyFactory(
        owner=user,
        title="Paper Conservator",
        organisation__vacancies_url="https://example.org/jobs",
    )
    ReminderSettings.objects.create(user=other_user, email="other@example.org")
    DigestSent.objects.create(user=other_user, day=datetime.date(2026, 12, 2))

    document = json.loads(json.dumps(export_user(user), default=str))
    import_user(other_user, document)

    theirs = ReminderSettings.objects.get(user=other_user)
    assert (theirs.email, theirs.alarm_time) == ("me@example.org", datetime.time(7, 0))
    vacancy = Vacancy.objects.get(owner=other_user)
    assert vacancy.title == "Paper Conservator"
    assert vacancy.organisation.vacancies_url == "https://example.org/jobs"
    assert DigestSent.objects.filter(user=other_user).count() == 1

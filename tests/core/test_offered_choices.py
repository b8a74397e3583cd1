"""Selects that pick from years of history offer the latest few, and still take any.

An application, an interview's application and panel, and an expense's
interview are picked from lists that grow for as long as a search lasts. The
page offers what matters now; a record the page did not offer is still
accepted (as through the API), and a choice already made is never dropped.
"""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nextround.core.forms import LATEST_OFFERED
from nextround.expenses.forms import ExpenseForm
from nextround.jobs.forms import ApplicationForm
from nextround.jobs.models import Application, Interview
from nextround.network.interview_forms import InterviewForm
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def offered(form, name: str) -> set[int]:
    """The ids the page shows for ``name``."""
    return {int(str(value)) for value, _ in form.fields[name].widget.choices if value}


def history(user, count: int, **fields) -> list[Application]:
    """``count`` applications, the first the oldest, with outcomes unless told otherwise."""
    today = timezone.localdate()
    fields.setdefault("outcome", "rejected")
    return [
        ApplicationFactory(
            owner=user, applied_on=today - datetime.timedelta(days=count - n), **fields
        )
        for n in range(count)
    ]


def test_an_application_offers_the_latest_and_every_one_at_the_organisation(user):
    museum = OrganisationFactory(owner=user)
    at_the_museum = ApplicationFactory(
        owner=user, organisation=museum, applied_on=datetime.date(2020, 5, 1)
    )
    applications = history(user, LATEST_OFFERED + 10)

    blank = ApplicationForm(user=user)
    assert offered(blank, "reapplies_to") == {a.pk for a in applications[10:]}

    for_the_museum = ApplicationForm(user=user, initial={"organisation": museum.pk})
    assert at_the_museum.pk in offered(for_the_museum, "reapplies_to")


def test_a_choice_the_page_did_not_offer_is_still_taken_and_stays_on_the_page(user, user_client):
    old, *_ = history(user, LATEST_OFFERED + 5)
    museum = OrganisationFactory(owner=user)
    assert old.pk not in offered(ApplicationForm(user=user), "reapplies_to")

    refused = user_client.post(
        reverse("jobs:application_create"),
        {"organisation": museum.pk, "role": "", "reapplies_to": old.pk, "contract": "paid"},
    )
    # Refused for the missing role; the earlier application stays chosen.
    assert refused.status_code == 200
    assert old.pk in offered(refused.context["form"], "reapplies_to")
    assert f'<option value="{old.pk}" selected>' in refused.content.decode()

    user_client.post(
        reverse("jobs:application_create"),
        {
            "organisation": museum.pk,
            "role": "Archivist",
            "reapplies_to": old.pk,
            "contract": "paid",
            "status": "applied",
        },
    )
    assert Application.objects.get(role="Archivist").reapplies_to == old


def test_an_interview_offers_the_applications_waiting_and_the_panels_organisation(user):
    history(user, LATEST_OFFERED + 5)
    waiting = ApplicationFactory(
        owner=user, outcome="", applied_on=datetime.date(2021, 1, 4), status="interviewing"
    )
    colleague = ContactFactory(owner=user, organisation=waiting.organisation)
    for _ in range(LATEST_OFFERED):
        ContactFactory(owner=user)

    form = InterviewForm(user=user, initial={"application": waiting.pk})

    assert waiting.pk in offered(form, "application")
    assert len(offered(form, "application")) == LATEST_OFFERED + 1
    assert colleague.pk in offered(form, "panel")
    assert len(offered(form, "panel")) == LATEST_OFFERED + 1


def test_with_no_application_chosen_the_panel_offers_the_latest_contacts_only(user):
    # A contact at an organisation with no applications, older than the latest fifty.
    elsewhere = ContactFactory(owner=user, organisation=OrganisationFactory(owner=user))
    latest = [ContactFactory(owner=user) for _ in range(LATEST_OFFERED)]
    reapplying = ApplicationForm(user=user)

    assert offered(InterviewForm(user=user), "panel") == {contact.pk for contact in latest}
    assert elsewhere.pk not in offered(InterviewForm(user=user), "panel")
    assert offered(reapplying, "reapplies_to") == set()


def test_an_interview_keeps_its_panel_on_the_page(user):
    interview = InterviewFactory(owner=user)
    old_friend = ContactFactory(owner=user)
    interview.panel.add(old_friend)
    for _ in range(LATEST_OFFERED):
        ContactFactory(owner=user)

    assert old_friend.pk in offered(InterviewForm(user=user, instance=interview), "panel")


def test_an_expense_offers_the_latest_interviews_and_the_one_it_came_from(user, user_client):
    now = timezone.now()
    interviews = [
        InterviewFactory(owner=user, starts_at=now - datetime.timedelta(days=400 - n))
        for n in range(LATEST_OFFERED + 3)
    ]
    oldest = interviews[0]
    assert offered(ExpenseForm(user=user), "interview") == {i.pk for i in interviews[3:]}

    page = user_client.get(reverse("expenses:expense_create"), {"interview": oldest.pk})
    assert oldest.pk in offered(page.context["form"], "interview")
    assert f'<option value="{oldest.pk}" selected>' in page.content.decode()


def test_someone_elses_record_is_never_offered_nor_taken(user, other_user, user_client):
    theirs = ApplicationFactory(owner=other_user)
    form = InterviewForm(user=user, initial={"application": theirs.pk})
    assert theirs.pk not in offered(form, "application")

    response = user_client.post(
        reverse("jobs:interview_create"),
        {"application": theirs.pk, "starts_at": "2026-03-01T10:00", "format": "video"},
    )
    assert response.status_code == 200
    assert not Interview.objects.filter(application=theirs).exists()

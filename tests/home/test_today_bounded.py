"""Today lists a few things per group and says how many more there are, however long the plan."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from nextround.jobs.models import Application, Interview, Outcome
from nextround.playbook.calm import calm_panel
from nextround.playbook.models import Action, ActionKind
from nextround.playbook.today import TODAY_STEPS
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

NOW = "2026-03-04 10:00Z"
TODAY = datetime.date(2026, 3, 4)


def _steps(user, count, due_on):
    application = ApplicationFactory(owner=user)
    Action.objects.bulk_create(
        Action(owner=user, kind=ActionKind.BE_KIND, application=application, due_on=due_on)
        for _ in range(count)
    )


@time_machine.travel(NOW, tick=False)
def test_today_lists_a_few_steps_per_group_and_counts_the_rest(user, user_client):
    _steps(user, TODAY_STEPS + 12, TODAY - datetime.timedelta(days=3))
    _steps(user, 2, TODAY)
    _steps(user, TODAY_STEPS + 1, TODAY + datetime.timedelta(days=5))
    page = user_client.get(reverse("today")).content.decode()
    assert page.count('class="action-row"') == TODAY_STEPS + 2 + TODAY_STEPS
    assert "And 12 more steps overdue" in page
    assert "And 1 more step in the next two weeks" in page
    assert "more steps due today" not in page
    assert page.count(f'href="{reverse("playbook:plan")}"') >= 3


@time_machine.travel(NOW, tick=False)
def test_the_plan_page_has_every_step_a_page_at_a_time(user, user_client):
    _steps(user, 45, TODAY - datetime.timedelta(days=3))
    first = user_client.get(reverse("playbook:plan")).content.decode()
    second = user_client.get(reverse("playbook:plan"), {"page": 2}).content.decode()
    assert first.count('class="action-row"') == 30
    assert second.count('class="action-row"') == 15
    assert "Page 2 of 2" in second


@time_machine.travel(NOW, tick=False)
def test_today_lists_ten_decisions_awaited_and_counts_the_rest(user, user_client):
    organisation = OrganisationFactory(owner=user, name="Quayside Archive")
    applications = Application.objects.bulk_create(
        Application(owner=user, organisation=organisation, role=f"Archivist {n}") for n in range(13)
    )
    Interview.objects.bulk_create(
        Interview(
            owner=user,
            application=application,
            starts_at=datetime.datetime(2026, 2, 20, 10, tzinfo=datetime.UTC),
            decision_promised_by=TODAY + datetime.timedelta(days=n),
        )
        for n, application in enumerate(applications)
    )
    page = user_client.get(reverse("today")).content.decode()
    assert "Archivist 9<" in page
    assert "Archivist 10<" not in page
    assert "And 3 more awaiting a decision" in page


@time_machine.travel(NOW, tick=False)
def test_the_usual_wait_is_still_said_for_a_place_listed(user, user_client):
    organisation = OrganisationFactory(owner=user, name="Quayside Archive", kind="archive")
    before = ApplicationFactory(
        owner=user,
        organisation=organisation,
        outcome=Outcome.REJECTED,
        status=Outcome.REJECTED,
        decided_on=datetime.date(2025, 6, 11),
    )
    InterviewFactory(
        owner=user,
        application=before,
        starts_at=datetime.datetime(2025, 6, 2, 10, tzinfo=datetime.UTC),
    )
    waiting = ApplicationFactory(owner=user, organisation=organisation)
    InterviewFactory(
        owner=user,
        application=waiting,
        starts_at=datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC),
    )
    page = user_client.get(reverse("today")).content.decode()
    assert "Last time this archive answered in 9 days" in page


def _decided(user, organisation, outcome, on):
    return ApplicationFactory(
        owner=user, organisation=organisation, outcome=outcome, status=outcome, decided_on=on
    )


def test_the_calm_panel_counts_earlier_nos_followed_by_a_yes_anywhere_and_at_the_same_place(user):
    here = OrganisationFactory(owner=user)
    elsewhere = OrganisationFactory(owner=user)
    day = datetime.date(2026, 1, 1)
    _decided(user, here, Outcome.REJECTED, day)  # followed by a yes here
    _decided(user, elsewhere, Outcome.NOT_INVITED, day)  # followed by a yes, not here
    _decided(user, here, Outcome.OFFERED, day + datetime.timedelta(days=30))
    _decided(user, elsewhere, Outcome.REJECTED, day + datetime.timedelta(days=60))  # no yes after
    latest = _decided(user, here, Outcome.REJECTED, day + datetime.timedelta(days=90))
    panel = calm_panel(user, today=latest.decided_on)
    assert panel.application == latest
    assert panel.earlier_nos == 3
    assert panel.nos_followed_by_yes == 2
    assert panel.followed_here == 1

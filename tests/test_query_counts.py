"""The list pages and Today cost the same number of queries for 3 rows as for 30.

A ceiling alone lets a query per row hide under it while lists are short, so
each page is measured with 3 rows of everything and again with 30, and the
two counts must be equal. When your area adds to one of these pages, add its
rows to ``fill`` so that they are counted too.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nextround.jobs.models import Outcome
from nextround.playbook.models import ActionKind, ActionStatus
from tests.expenses.factories import ExpenseFactory
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
)
from tests.feedback.factories import (
    FeedbackFactory,
    GapMentionFactory,
    ImprovementActionFactory,
    SkillFactory,
)
from tests.happybox.factories import HappyItemFactory
from tests.network.factories import InteractionFactory
from tests.playbook.factories import ActionFactory
from tests.questions.factories import QuestionFactory
from tests.vacancies.factories import VacancyFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "today",
    "jobs:applications",
    "jobs:application_list",
    "jobs:application_list?q=Museum&status=interviewing&sort=organisation",
    "jobs:organisations",
    "network:contacts",
    "network:contacts?panel=on",
    "playbook:plan",
    "happybox:items",
    "happybox:open",
    "expenses:expenses",
    "questions:questions",
    "feedback:gaps",
    "insights",
    "jobs:activity",
    "vacancies:list",
]

# Generous on purpose: the test that matters is that the count stays flat.
CEILING = 30


def fill(user, rows: int) -> None:
    """``rows`` of everything these pages show, linked the way real data is."""
    now = timezone.now()
    today = timezone.localdate()
    for n in range(rows):
        organisation = OrganisationFactory(owner=user)
        earlier = ApplicationFactory(
            owner=user,
            organisation=organisation,
            outcome=Outcome.REJECTED,
            status=Outcome.REJECTED,
            decided_on=today - datetime.timedelta(days=40),
            applied_on=today - datetime.timedelta(days=90),
        )
        application = ApplicationFactory(
            owner=user, organisation=organisation, reapplies_to=earlier, status="interviewing"
        )
        panel_member = ContactFactory(owner=user, organisation=organisation)
        InteractionFactory(contact=panel_member)
        awaiting = InterviewFactory(
            owner=user,
            application=application,
            starts_at=now - datetime.timedelta(days=5),
            decision_promised_by=today + datetime.timedelta(days=n % 5 - 2),
        )
        awaiting.panel.add(panel_member)
        InterviewFactory(
            owner=user, application=application, starts_at=now + datetime.timedelta(days=n + 1)
        )
        skill = SkillFactory(owner=user)
        feedback = FeedbackFactory(owner=user, application=earlier)
        GapMentionFactory(owner=user, skill=skill, feedback=feedback)
        ImprovementActionFactory(owner=user, skill=skill)
        # The plan: steps about applications, people and places, live and finished.
        ActionFactory(
            owner=user, application=application, due_on=today + datetime.timedelta(days=n % 20 - 3)
        )
        ActionFactory(owner=user, application=None, contact=panel_member, kind=ActionKind.FOLLOW_UP)
        ActionFactory(
            owner=user,
            application=earlier,
            organisation=organisation,
            kind=ActionKind.REAPPLY_WATCH,
            status=ActionStatus.DONE,
            done_at=now,
        )
        HappyItemFactory(owner=user)
        VacancyFactory(owner=user, organisation=organisation)
        QuestionFactory(owner=user)
        ExpenseFactory(owner=user, interview=awaiting)
        # Recent bad news, so Today offers the happy box.
        ApplicationFactory(
            owner=user,
            organisation=organisation,
            outcome=Outcome.NOT_INVITED,
            status=Outcome.NOT_INVITED,
            decided_on=today - datetime.timedelta(days=1),
        )


def queries_for(client, url: str) -> int:
    client.get(url)  # once to warm per-process caches (first-run check, sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_the_page_costs_the_same_queries_for_3_rows_as_for_30(
    page, user, user_client, django_assert_max_num_queries
):
    name, _, query = page.partition("?")
    url = reverse(name) + (f"?{query}" if query else "")
    fill(user, 3)
    few = queries_for(user_client, url)
    fill(user, 27)
    user_client.get(url)  # figures kept for the account are worked out again after a change
    with django_assert_max_num_queries(min(few, CEILING)) as captured:
        response = user_client.get(url)
    assert response.status_code == 200
    assert len(captured) == few, f"{few} queries with 3 rows, {len(captured)} with 30"

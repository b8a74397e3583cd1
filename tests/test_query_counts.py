"""The list pages and Today cost the same, in queries and in HTML, however long the history.

A ceiling alone lets a query per row hide under it while lists are short, so
each page is measured with 3 rows of everything and again with 30, and the
two counts must be equal. When your area adds to one of these pages, add its
rows to ``fill`` so that they are counted too.

Then, at the size of a long search (``fill_in_bulk``: hundreds of rows of
everything, written in bulk to keep the suite quick), each page must cost the
same queries as at a fifth of that size, stay under ``MAX_PAGE_BYTES`` of
HTML, and not grow: a page shows what is needed now and pages the rest.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from nextround.core.forms import LATEST_OFFERED
from nextround.expenses.models import Expense
from nextround.feedback.models import Feedback, GapMention, ImprovementAction, Skill
from nextround.happybox.models import HappyItem
from nextround.jobs.models import Application, Interview, Organisation, Outcome
from nextround.network.models import Contact, Interaction
from nextround.playbook.models import Action, ActionKind, ActionStatus
from nextround.questions.models import Question, Review
from nextround.vacancies.models import Vacancy
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
    # Forms whose selects pick from the history: they offer the latest few.
    "jobs:application_create",
    "jobs:interview_create",
    "expenses:expense_create",
    "questions:ask",
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


# No page's HTML is bigger than this by default, whatever the history.
MAX_PAGE_BYTES = 100 * 1024
# Room for what does change with size: "and 240 more", "page 1 of 6".
GROWTH_ALLOWED_BYTES = 1024
# The contacts filter offers every organisation by name: one option each.
GROWS_WITH_ORGANISATIONS = {
    "network:contacts",
    "network:contacts?panel=on",
    "jobs:application_create",
}
OPTION_BYTES = 60
# These offer the latest of the history, up to LATEST_OFFERED of each kind,
# so they may still grow while a short history passes that many.
OFFERS_THE_LATEST = {"jobs:application_create", "jobs:interview_create", "expenses:expense_create"}
OFFERED_BYTES = 120


def fill_in_bulk(user, rows: int, years_ago: int = 0) -> None:
    """``rows`` of everything (four times that of plan steps and reviews), as a long search has.

    With ``years_ago``, the rows are that much older: the history behind the
    present rather than more of the present.
    """
    now = timezone.now() - datetime.timedelta(days=365 * years_ago)
    today = timezone.localdate() - datetime.timedelta(days=365 * years_ago)
    days = datetime.timedelta
    organisations = Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Gallery {years_ago}.{n}", kind="gallery")
        for n in range(rows // 2)
    )
    ended = [Outcome.REJECTED, Outcome.NOT_INVITED, Outcome.NO_REPLY, Outcome.OFFERED]
    applications = Application.objects.bulk_create(
        Application(
            owner=user,
            organisation=organisations[n % len(organisations)],
            role=f"Visitor experience assistant {n}",
            applied_on=today - days(days=n * 3 + 1),
            outcome=ended[n % 4] if n % 5 else "",
            status=ended[n % 4] if n % 5 else "interviewing",
            decided_on=today - days(days=n) if n % 5 else None,
        )
        for n in range(rows)
    )
    contacts = Contact.objects.bulk_create(
        Contact(
            owner=user,
            name=f"Panel member {years_ago}.{n}",
            organisation=organisations[n % 7 % len(organisations)],
        )
        for n in range(rows)
    )
    Interaction.objects.bulk_create(
        Interaction(owner=user, contact=contact, happened_on=today - days(days=n))
        for n, contact in enumerate(contacts)
    )
    interviews = Interview.objects.bulk_create(
        Interview(
            owner=user,
            application=application,
            # A few still to come, the rest one every day or so going back.
            starts_at=now + days(days=10 - n),
            decision_promised_by=today + days(days=n % 9 - 4),
        )
        for n, application in enumerate(applications)
    )
    Interview.panel.through.objects.bulk_create(
        Interview.panel.through(interview=interview, contact=contact)
        for interview, contact in zip(interviews, contacts, strict=True)
    )
    Action.objects.bulk_create(
        Action(
            owner=user,
            kind=ActionKind.CHASE_DECISION if n % 2 else ActionKind.FOLLOW_UP,
            application=applications[n % rows],
            contact=None if n % 2 else contacts[n % rows],
            due_on=today + days(days=n % 50 - 25),
            status=ActionStatus.OPEN if n % 3 else ActionStatus.DONE,
            done_at=None if n % 3 else now - days(days=n // 4),
        )
        for n in range(rows * 4)
    )
    skills = Skill.objects.bulk_create(
        Skill(owner=user, name=f"Skill {years_ago}.{n}") for n in range(rows // 6)
    )
    feedback = Feedback.objects.bulk_create(
        Feedback(
            owner=user,
            application=application,
            text="Strong, but less collections work.",
            received_on=today,
        )
        for application in applications[: rows // 2]
    )
    GapMention.objects.bulk_create(
        GapMention(owner=user, skill=skills[(n + k) % len(skills)], feedback=record)
        for n, record in enumerate(feedback)
        for k in range(3)
    )
    ImprovementAction.objects.bulk_create(
        ImprovementAction(owner=user, skill=skill, title=f"A short course on {skill.name}")
        for skill in skills
    )
    questions = Question.objects.bulk_create(
        Question(
            owner=user,
            text=f"Tell us about a time you welcomed a difficult visitor ({years_ago}.{n})?",
            star_situation="A busy half-term.",
            star_action="I listened first.",
            due=now + days(days=n % 30 - 10),
            last_reviewed_at=now - days(days=3) if n % 4 else None,
        )
        for n in range(rows)
    )
    Review.objects.bulk_create(
        Review(
            owner=user,
            question=questions[n % rows],
            rating="good" if n % 3 else "again",
            reviewed_at=now - days(days=n % 200, hours=1),
            due_after=now + days(days=3),
            was_mature=bool(n % 2),
        )
        for n in range(rows * 4)
    )
    HappyItem.objects.bulk_create(
        HappyItem(
            owner=user,
            title=f"A kind letter {n}",
            text="Thank you for the tour.",
            happened_on=today - days(days=n),
        )
        for n in range(rows)
    )
    Expense.objects.bulk_create(
        Expense(
            owner=user,
            interview=interview,
            category="train",
            amount=Decimal("12.40"),
            currency="GBP",
        )
        for interview in interviews
    )
    Vacancy.objects.bulk_create(
        Vacancy(
            owner=user,
            organisation=organisations[n % len(organisations)],
            title=f"Learning officer {n}",
            url=f"https://jobs.example.org/learning/{years_ago}.{n}",
            first_seen_at=now - days(hours=n),
        )
        for n in range(rows)
    )
    if years_ago:
        return
    # Bad news today, so Today offers the calm panel and the happy box too.
    Application.objects.filter(pk=applications[1].pk).update(
        outcome=Outcome.REJECTED, status=Outcome.REJECTED, decided_on=today
    )


def cost_of(client, url: str) -> tuple[int, int]:
    """(queries, bytes of HTML) of one request, once the page has been asked for."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), len(response.content)


@pytest.mark.parametrize("page", PAGES)
def test_the_page_stays_the_same_size_for_a_long_search(page, user, user_client):
    name, _, query = page.partition("?")
    url = reverse(name) + (f"?{query}" if query else "")
    fill_in_bulk(user, 120)
    queries_before, bytes_before = cost_of(user_client, url)
    fill_in_bulk(user, 240, years_ago=1)
    fill_in_bulk(user, 240, years_ago=2)
    queries_after, bytes_after = cost_of(user_client, url)
    assert queries_after == queries_before, (
        f"{queries_before} queries at 120 rows, {queries_after} at 600"
    )
    assert bytes_after <= MAX_PAGE_BYTES, f"{bytes_after // 1024} KB of HTML at 600 rows"
    allowed = GROWTH_ALLOWED_BYTES
    if page in GROWS_WITH_ORGANISATIONS:
        allowed += OPTION_BYTES * 240
    if page in OFFERS_THE_LATEST:
        allowed += OFFERED_BYTES * 2 * LATEST_OFFERED
    assert bytes_after <= bytes_before + allowed, (
        f"{bytes_before} bytes at 120 rows, {bytes_after} at 600"
    )

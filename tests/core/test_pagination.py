"""Every long list comes a page at a time: the next page has the rest, filters stay, odd pages are safe."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from nextround.expenses.models import Expense
from nextround.feedback.models import GapMention, Skill
from nextround.happybox.models import HappyItem
from nextround.jobs.models import Application, Interview, Organisation
from nextround.network.models import Contact
from nextround.playbook.models import Action, ActionKind
from nextround.questions.models import Question
from nextround.vacancies.models import Vacancy
from tests.factories import ApplicationFactory, OrganisationFactory
from tests.feedback.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def _organisation(user):
    return OrganisationFactory(owner=user, name="Harbour Museum")


def make_applications(user, count):
    organisation = _organisation(user)
    Application.objects.bulk_create(
        Application(owner=user, organisation=organisation, role=f"Role {n:03}", status="applied")
        for n in range(count)
    )


def make_organisations(user, count):
    Organisation.objects.bulk_create(
        Organisation(owner=user, name=f"Role {n:03}") for n in range(count)
    )


def make_contacts(user, count):
    Contact.objects.bulk_create(Contact(owner=user, name=f"Role {n:03}") for n in range(count))


def make_questions(user, count):
    Question.objects.bulk_create(
        Question(owner=user, text=f"Role {n:03}: why this museum?") for n in range(count)
    )


def make_happy_items(user, count):
    today = timezone.localdate()
    HappyItem.objects.bulk_create(
        HappyItem(owner=user, title=f"Role {n:03}", happened_on=today - datetime.timedelta(days=n))
        for n in range(count)
    )


def make_vacancies(user, count):
    organisation = _organisation(user)
    now = timezone.now()
    Vacancy.objects.bulk_create(
        Vacancy(
            owner=user,
            organisation=organisation,
            title=f"Role {n:03}",
            url=f"https://jobs.example.org/{n}",
            first_seen_at=now - datetime.timedelta(hours=n),
        )
        for n in range(count)
    )


def _interviews(user, count):
    organisation = _organisation(user)
    applications = Application.objects.bulk_create(
        Application(owner=user, organisation=organisation, role=f"Role {n:03}")
        for n in range(count)
    )
    now = timezone.now()
    return Interview.objects.bulk_create(
        Interview(owner=user, application=application, starts_at=now - datetime.timedelta(days=n))
        for n, application in enumerate(applications)
    )


def make_expenses(user, count):
    Expense.objects.bulk_create(
        Expense(owner=user, interview=interview, category="train", amount="9.80", currency="GBP")
        for interview in _interviews(user, count)
    )


def make_plan_steps(user, count):
    organisation = _organisation(user)
    applications = Application.objects.bulk_create(
        Application(owner=user, organisation=organisation, role=f"Role {n:03}")
        for n in range(count)
    )
    today = timezone.localdate()
    Action.objects.bulk_create(
        Action(
            owner=user,
            kind=ActionKind.CHASE_DECISION,
            application=application,
            due_on=today + datetime.timedelta(days=n),
        )
        for n, application in enumerate(applications)
    )


def make_gaps(user, count):
    feedback = FeedbackFactory(owner=user, application=ApplicationFactory(owner=user))
    skills = Skill.objects.bulk_create(Skill(owner=user, name=f"Role {n:03}") for n in range(count))
    GapMention.objects.bulk_create(
        GapMention(owner=user, skill=skill, feedback=feedback) for skill in skills
    )


# (list page, what makes its rows, rows on a page)
LISTS = [
    ("jobs:application_list", make_applications, 50),
    ("jobs:organisations", make_organisations, 50),
    ("network:contacts", make_contacts, 50),
    ("questions:questions", make_questions, 50),
    ("happybox:items", make_happy_items, 24),
    ("vacancies:list", make_vacancies, 50),
    ("expenses:expenses", make_expenses, 20),
    ("playbook:plan", make_plan_steps, 30),
    ("feedback:gaps", make_gaps, 20),
]


def shown(content: str) -> set[str]:
    return set(re.findall(r"Role \d{3}", content))


@pytest.mark.parametrize(("name", "make", "per_page"), LISTS)
def test_the_second_page_shows_the_rest(name, make, per_page, user, user_client):
    make(user, per_page + 5)
    first = user_client.get(reverse(name)).content.decode()
    second = user_client.get(reverse(name), {"page": 2}).content.decode()
    assert len(shown(first)) == per_page
    assert len(shown(second)) == 5
    assert not shown(first) & shown(second)
    assert 'aria-label="Pages of' in first
    assert 'rel="next"' in first and 'rel="prev"' in second


@pytest.mark.parametrize(("name", "make", "per_page"), LISTS)
@pytest.mark.parametrize("page", ["99", "0", "-1", "two", "9" * 30])
def test_a_page_that_does_not_exist_shows_a_real_one(name, make, per_page, page, user, user_client):
    make(user, per_page + 5)
    response = user_client.get(reverse(name), {"page": page})
    assert response.status_code == 200
    assert shown(response.content.decode())


def test_a_short_list_has_no_page_links(user, user_client):
    make_applications(user, 3)
    content = user_client.get(reverse("jobs:application_list")).content.decode()
    assert len(shown(content)) == 3
    assert "Pages of applications" not in content


def test_the_next_page_keeps_the_filters(user, user_client):
    make_applications(user, 60)
    ApplicationFactory(owner=user, role="Role 999", status="interviewing")
    url = reverse("jobs:application_list")
    first = user_client.get(url, {"status": "applied", "sort": "role"}).content.decode()
    next_link = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "status=applied" in next_link and "sort=role" in next_link and "page=2" in next_link
    second = user_client.get(url + next_link).content.decode()
    assert shown(second) == {f"Role {n:03}" for n in range(50, 60)}


def test_vacancies_keep_their_status_from_page_to_page(user, user_client):
    make_vacancies(user, 55)
    Vacancy.objects.filter(owner=user).update(status="dismissed")
    content = user_client.get(reverse("vacancies:list"), {"status": "dismissed"}).content.decode()
    assert "status=dismissed&amp;page=2" in content


def test_each_board_column_shows_its_newest_cards_and_links_to_the_rest(user, user_client):
    organisation = _organisation(user)
    today = timezone.localdate()
    Application.objects.bulk_create(
        Application(
            owner=user,
            organisation=organisation,
            role=f"Role {n:03}",
            status="rejected",
            outcome="rejected",
            applied_on=today - datetime.timedelta(days=n),
        )
        for n in range(25)
    )
    content = user_client.get(reverse("jobs:applications")).content.decode()
    assert shown(content) == {f"Role {n:03}" for n in range(20)}
    assert 'Closed <span class="muted">(25)</span>' in content
    assert "And 5 more applications" in content
    assert f'href="{reverse("jobs:application_list")}?status=closed"' in content
    listed = user_client.get(reverse("jobs:application_list"), {"status": "closed"})
    assert len(shown(listed.content.decode())) == 25

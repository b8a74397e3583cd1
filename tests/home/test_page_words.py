"""Every page reads in the job seeker's words: no stock texts, no maths, no jargon.

The walk renders every page of the site for the demo account (its whole
story, so that lists and charts have rows) and reads the text a person sees.
"""

from __future__ import annotations

import html
import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nextround.feedback.models import Feedback, Skill, SuccessfulCandidate
from nextround.happybox.models import HappyItem
from nextround.home import demo
from nextround.jobs.models import Application, Interview, Organisation
from nextround.network.models import Contact
from nextround.playbook.models import Action
from nextround.questions.models import Question
from tests.factories import UserFactory
from tests.test_ownership import NOT_OBJECTS, PARAMETERS, is_api, site_pages

pytestmark = pytest.mark.django_db

NOW = timezone.datetime(2026, 11, 20, 10, 0, tzinfo=timezone.get_current_timezone())

# What must never be read on a page, with why.
STOCK_PHRASES = {
    "---------": "Django's empty choice",
    "150 characters or fewer": "Django's username help text",
    "Please enter a correct": "Django's login error",
    "Enter the same password as before": "Django's password help text",
    "score": "a number from a formula",
    "True retention": "scheduler jargon",
    "retrievability": "scheduler jargon",
    "Message (optional)": "a message body is not an optional extra",
}
# A count of one with a plural noun ("1 problems", "1 expenses").
ONE_AND_A_PLURAL = re.compile(
    r"(?<![\d.,:/£€$-])\b1 (?!of\b)(?:[a-z]+ )?"
    r"(problems|expenses|applications|interviews|questions|contacts|steps|items|mentions|"
    r"organisations|reviews|days|weeks|months|times|rows|answers|gaps|tokens|vacancies|"
    r"records|notes|people|members|hours|minutes)\b"
)

# The demo's own records fill a page's parameters where it has one of that kind.
DEMO_RECORDS = {
    "organisation_id": Organisation,
    "application_id": Application,
    "interview_id": Interview,
    "contact_id": Contact,
    "skill_id": Skill,
    "feedback_id": Feedback,
    "candidate_id": SuccessfulCandidate,
    "item_id": HappyItem,
    "question_id": Question,
}


def visible_text(page: str) -> str:
    """What a person reads: the markup, scripts and attributes taken away."""
    page = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


def slips(text: str) -> list[str]:
    found = [f"{phrase!r} ({why})" for phrase, why in STOCK_PHRASES.items() if phrase in text]
    found += [f"{match.group(0)!r} (a plural after 1)" for match in ONE_AND_A_PLURAL.finditer(text)]
    return found


def own_parameters(user, page) -> dict:
    values = {}
    for name in page.parameters:
        if name in NOT_OBJECTS:
            return {}
        model = DEMO_RECORDS.get(name)
        record = model.objects.filter(owner=user).order_by("pk").first() if model else None
        if name == "action_id" and page.name.startswith("playbook:"):
            record = Action.objects.filter(owner=user).order_by("pk").first()
        values[name] = record.pk if record else PARAMETERS[name](user, page)
    return values


def pages_of(user) -> dict[str, str]:
    """Every page of the site a signed-in person can open, by URL."""
    urls = {}
    for page in site_pages():
        if is_api(page) or page.name.startswith(("admin:", "django")):
            continue
        parameters = own_parameters(user, page)
        if page.parameters and not parameters:
            continue
        urls[reverse(page.name, kwargs=parameters)] = page.name
    return urls


@time_machine.travel(NOW, tick=False)
def test_no_page_shows_stock_texts_scores_jargon_or_wrong_plurals():
    story = demo.build()
    client = Client()
    client.force_login(story.user)
    problems = {}
    read = 0
    for url, name in pages_of(story.user).items():
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        found = slips(visible_text(response.content.decode()))
        if found:
            problems[f"{name} {url}"] = found
    assert read > 40, f"only {read} pages were read"
    assert not problems, problems


def test_the_first_visit_pages_have_no_stock_texts(db):
    client = Client()
    for url in (reverse("accounts:setup"), reverse("accounts:login")):
        assert slips(visible_text(client.get(url).content.decode())) == [], url


def test_a_wrong_password_is_answered_kindly(db):
    UserFactory(username="sam")
    response = Client().post(reverse("accounts:login"), {"username": "sam", "password": "nope"})
    text = visible_text(response.content.decode())
    assert "do not match an account here" in text
    assert slips(text) == []


def test_the_walk_itself_catches_each_slip():
    assert slips("Status: ---------") and slips("score 1.23") and slips("1 problems found")
    assert slips("True retention") and slips("Message (optional)")
    assert not slips("What do you know about records retention schedules?")
    assert not slips("1 problem found · 2 problems · 11 expenses · 1 of 3 steps")


def test_the_applicants_hint_says_something_its_label_does_not(user_client):
    page = user_client.get("/applications/new/").content.decode()
    assert "Applicants per post" in page
    assert "Applicants per post, if known" not in page
    assert "how many others heard the same" in page

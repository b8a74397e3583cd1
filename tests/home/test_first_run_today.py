"""Today for a new account: ways in, and no empty sections (finding 4)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextround.accounts.demo import reset_demo_user
from tests.factories import ApplicationFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

EMPTY_SECTIONS = [
    'id="plan-heading"',
    'id="awaiting-heading"',
    'id="upcoming-heading"',
    'id="top-gaps-heading"',
    'id="reviews-heading"',
]


def test_a_new_account_s_today_offers_ways_in(user_client):
    page = user_client.get(reverse("today")).content.decode()
    assert "Where would you like to start?" in page
    heard_back = reverse("playbook:heard_back")
    assert f'href="{heard_back}">I\'ve heard back</a>' in page
    assert "I've just had an interview</a>" in page
    assert f'href="{reverse("jobs:application_create")}">Add an application</a>' in page
    assert f'href="{reverse("jobs:csv_import")}">Import from a spreadsheet</a>' in page
    assert "Look around the demo" in page


def test_a_new_account_s_today_shows_no_empty_sections(user_client):
    page = user_client.get(reverse("today")).content.decode()
    for section in EMPTY_SECTIONS:
        assert section not in page, section


def test_without_a_demo_the_ways_in_give_the_command_kindly(user_client):
    page = user_client.get(reverse("today")).content.decode()
    assert "<code>nextround demo</code>" in page
    assert "Log in to the demo</a>" not in page


def test_with_a_demo_the_ways_in_lead_to_its_login(user_client):
    reset_demo_user()
    page = user_client.get(reverse("today")).content.decode()
    assert f'<a href="{reverse("accounts:login")}">Log in to the demo</a>' in page
    assert "<code>next-round-demo</code>" in page
    assert "<code>nextround demo</code>" not in page


def test_questions_due_still_show_for_a_new_account(user, user_client):
    QuestionFactory(owner=user)
    page = user_client.get(reverse("today")).content.decode()
    assert "Where would you like to start?" in page
    assert 'id="reviews-heading"' in page


def test_the_first_application_brings_today_s_sections_back(user, user_client):
    ApplicationFactory(owner=user)
    page = user_client.get(reverse("today")).content.decode()
    assert "Where would you like to start?" not in page
    for section in EMPTY_SECTIONS:
        assert section in page, section


def test_today_keeps_a_way_to_tell_the_news_after_the_first_run(user, user_client):
    ApplicationFactory(owner=user)
    page = user_client.get(reverse("today")).content.decode()
    assert f'href="{reverse("playbook:heard_back")}">I\'ve heard back</a>' in page

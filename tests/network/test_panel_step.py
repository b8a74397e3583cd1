"""The "connect with the panel" step: searches for people with no profile, and one note each."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.urls import reverse

from nextround.network.panel import panel_members
from nextround.playbook.content import people_searches, winner_searches
from nextround.playbook.models import Action, ActionKind
from nextround.playbook.plan import record_outcome
from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db

NOW = "2026-03-04 10:00Z"


@pytest.fixture
def step(user):
    with time_machine.travel(NOW, tick=False):
        application = ApplicationFactory(
            owner=user,
            role="Assistant Curator",
            organisation=OrganisationFactory(owner=user, name="Harbour Gallery"),
        )
        interview = InterviewFactory(
            owner=user,
            application=application,
            starts_at=datetime.datetime(2026, 2, 25, 10, tzinfo=datetime.UTC),
        )
        interview.panel.add(ContactFactory(owner=user, name="Robin Examplefield"))
        interview.panel.add(
            ContactFactory(
                owner=user,
                name="Lee Brand",
                links={"linkedin": "https://linkedin.example.org/in/lee"},
            )
        )
        record_outcome(application, "rejected", datetime.date(2026, 3, 4))
    return Action.objects.get(application=application, kind=ActionKind.CONNECT_PANEL)


def test_a_person_is_searched_for_by_name_and_organisation():
    [(web_label, web), (linkedin_label, linkedin)] = people_searches(
        "Robin Examplefield", "Harbour Gallery"
    )
    assert parse_qs(urlsplit(web).query) == {"q": ['"Robin Examplefield" "Harbour Gallery"']}
    assert parse_qs(urlsplit(linkedin).query) == {
        "keywords": ["Robin Examplefield Harbour Gallery"]
    }
    assert (web_label, linkedin_label) == ("Search the web", "Search people on LinkedIn")


def test_who_got_the_job_is_searched_for_the_same_way(user):
    application = ApplicationFactory(owner=user, role="Registrar")
    assert winner_searches(application) == people_searches(
        "Registrar", application.organisation.name
    )


def test_a_panel_member_with_no_profile_is_offered_searches_and_one_with_a_profile_is_not(step):
    members = {member.person.name: member for member in panel_members(step.application)}
    robin, lee = members["Robin Examplefield"], members["Lee Brand"]
    assert [label for label, _ in robin.searches] == ["Search the web", "Search people on LinkedIn"]
    assert "Robin+Examplefield+Harbour+Gallery" in robin.searches[1][1]
    assert lee.searches == []


def test_the_step_page_shows_searches_and_a_note_to_copy_with_a_live_count(user_client, step):
    page = user_client.get(step.get_absolute_url()).content.decode()
    assert "linkedin.com/search/results/people/?keywords=Robin+Examplefield+Harbour+Gallery" in page
    assert "keywords=Lee+Brand" not in page
    robin = step.application.interviews.get().panel.get(name="Robin Examplefield")
    count_id = f"note-{robin.pk}-note_count"
    assert f'data-count="{count_id}"' in page
    assert f'id="{count_id}"' in page
    assert "network/note_count.js" in page
    assert page.count("data-draft-copy") == 2


def test_a_note_edited_on_the_step_is_kept_for_the_contact_and_comes_back(user_client, step):
    robin = step.application.interviews.get().panel.get(name="Robin Examplefield")
    response = user_client.post(
        reverse("network:connection_note", args=[robin.pk]),
        {"note": "Thank you, Robin.", "next": step.get_absolute_url()},
    )
    assert response["Location"] == step.get_absolute_url()
    page = user_client.get(step.get_absolute_url()).content.decode()
    assert "Thank you, Robin." in page
    contact_page = user_client.get(robin.get_absolute_url()).content.decode()
    assert contact_page.count("Thank you, Robin.") == 1

"""Pasting interview notes and choosing the questions that join the bank."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextround.playbook.models import ActionKind
from nextround.questions.models import Question
from tests.factories import InterviewFactory
from tests.playbook.factories import ActionFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

NOTES = """Panel of three, friendly.
1. Why do you want to work for this organisation?
2. Tell us about a time you worked with volunteers
- How would you make the galleries more accessible?
Went for coffee after.
"""


def notes_url(interview) -> str:
    return reverse("questions:interview_notes", args=[interview.pk])


def test_pasting_notes_saves_them_and_offers_the_questions(user, user_client):
    interview = InterviewFactory(owner=user)
    response = user_client.post(notes_url(interview), {"step": "notes", "notes": NOTES})
    assert response.status_code == 302
    interview.refresh_from_db()
    assert "Went for coffee after." in interview.notes

    page = user_client.get(notes_url(interview)).content.decode().split('id="found"')[1]
    assert "Why do you want to work for this organisation?" in page
    assert "Tell us about a time you worked with volunteers" in page
    assert "How would you make the galleries more accessible?" in page
    assert "Went for coffee" not in page
    assert page.count('type="checkbox" name="pick"') == 3


def test_the_ticked_questions_join_the_bank_linked_to_the_interview(user, user_client):
    interview = InterviewFactory(owner=user, notes=NOTES)
    response = user_client.post(
        notes_url(interview),
        {
            "step": "add",
            "pick": ["0", "2"],
            "text_0": "Why do you want to work for this organisation?",
            "text_1": "Tell us about a time you worked with volunteers",
            "text_2": "How would you make the galleries more accessible?",
            "unprepared": "1",
        },
    )
    assert response.status_code == 302
    questions = Question.objects.filter(owner=user)
    assert sorted(questions.values_list("text", flat=True)) == [
        "How would you make the galleries more accessible?",
        "Why do you want to work for this organisation?",
    ]
    assert all(q.unprepared for q in questions)
    assert all(list(q.interviews.all()) == [interview] for q in questions)


def test_a_near_duplicate_is_offered_for_merging_and_merges(user, user_client):
    earlier = InterviewFactory(owner=user)
    existing = QuestionFactory(owner=user, text="Why do you want to work for this organisation?")
    existing.interviews.add(earlier)
    interview = InterviewFactory(
        owner=user, notes="1. So why do you want to work for this organisation?"
    )

    page = user_client.get(notes_url(interview)).content.decode()
    assert "You already have" in page
    assert f'value="{existing.pk}"' in page

    user_client.post(
        notes_url(interview),
        {
            "step": "add",
            "pick": ["0"],
            "text_0": "So why do you want to work for this organisation?",
            "merge_0": str(existing.pk),
        },
    )
    assert Question.objects.filter(owner=user).count() == 1
    assert set(existing.interviews.all()) == {earlier, interview}

    detail = user_client.get(existing.get_absolute_url()).content.decode()
    assert "Asked 2 times" in detail
    assert interview.application.organisation.name in detail


def test_a_question_already_linked_is_not_offered_again(user, user_client):
    interview = InterviewFactory(
        owner=user, notes="1. Why do you want this job?\n2. What is your greatest weakness?"
    )
    linked = QuestionFactory(owner=user, text="What is your greatest weakness?")
    linked.interviews.add(interview)
    page = user_client.get(notes_url(interview)).content.decode()
    assert page.count('name="pick"') == 1
    assert "already in your bank" in page


def test_it_cannot_merge_into_someone_elses_question(user, other_user, user_client):
    interview = InterviewFactory(owner=user, notes="1. Why us, really?")
    theirs = QuestionFactory(owner=other_user, text="Why us, really?")
    response = user_client.post(
        notes_url(interview),
        {"step": "add", "pick": ["0"], "text_0": "Why us, really?", "merge_0": str(theirs.pk)},
    )
    assert response.status_code == 404
    assert not theirs.interviews.exists()


def test_another_users_interview_notes_are_not_found(other_user, user_client):
    interview = InterviewFactory(owner=other_user, notes="1. Secret question?")
    assert user_client.get(notes_url(interview)).status_code == 404
    assert (
        user_client.post(notes_url(interview), {"step": "notes", "notes": "x"}).status_code == 404
    )
    interview.refresh_from_db()
    assert interview.notes == "1. Secret question?"


def test_the_interview_page_leads_to_the_notes_and_the_pack(user, user_client):
    interview = InterviewFactory(owner=user)
    page = user_client.get(interview.get_absolute_url()).content.decode()
    assert notes_url(interview) in page
    assert reverse("questions:pack", args=[interview.pk]) in page


def test_the_plans_review_notes_step_leads_to_the_notes_page(user, user_client):
    interview = InterviewFactory(owner=user, notes="1. Why this archive?")
    action = ActionFactory(
        owner=user,
        kind=ActionKind.REVIEW_NOTES,
        application=interview.application,
        interview=interview,
    )
    page = user_client.get(action.get_absolute_url()).content.decode()
    assert notes_url(interview) in page
    assert "Find the questions in your notes" in page

"""A captured question gets the kind its words suggest; "Other" only when nothing fits."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextround.questions.capture import suggest_category
from nextround.questions.models import Category, Question
from nextround.questions.starter import STARTER_QUESTIONS
from tests.factories import InterviewFactory


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Tell me about a time you missed a deadline.", Category.COMPETENCY),
        ("Give us an example of working with volunteers", Category.COMPETENCY),
        ("Why do you want this job?", Category.MOTIVATION),
        ("What attracted you to the Harbour Gallery?", Category.MOTIVATION),
        ("How would you deal with a complaint about a label?", Category.SITUATIONAL),
        ("What would you do if the fire alarm went off during a tour?", Category.SITUATIONAL),
        ("What is your greatest weakness?", Category.STRENGTHS),
        ("If you were an object in our collection, which would you be?", Category.CURVEBALL),
        ("What experience do you have of cataloguing?", Category.ROLE_SPECIFIC),
        ("Which collections management system have you used?", Category.ROLE_SPECIFIC),
        ("Who are the audiences museums are missing?", Category.SECTOR_KNOWLEDGE),
        ("Are you free on Tuesdays?", Category.OTHER),
    ],
)
def test_the_words_of_a_question_suggest_its_kind(text, category):
    assert suggest_category(text) == category


def test_no_common_question_lands_in_other():
    assert [q.text for q in STARTER_QUESTIONS if suggest_category(q.text) == Category.OTHER] == []


@pytest.mark.django_db
def test_the_api_offers_the_suggested_kind_with_each_question_found(user, api):
    interview = InterviewFactory(owner=user)
    found = api.post(
        f"/api/v1/interviews/{interview.pk}/questions",
        {"notes": "1. Why do you want to work here?\n2. Tell us about a time you led a tour"},
    ).json()["found"]
    assert [(item["text"], item["category"]) for item in found] == [
        ("Why do you want to work here?", "motivation"),
        ("Tell us about a time you led a tour", "competency"),
    ]


@pytest.mark.django_db
def test_the_notes_page_offers_a_kind_for_each_question_the_person_can_change(user, user_client):
    interview = InterviewFactory(owner=user, notes="- Why do you want to work here?")
    url = reverse("questions:interview_notes", args=[interview.pk])
    page = user_client.get(url).content.decode()
    assert 'name="category_0"' in page and 'value="motivation" selected' in page
    user_client.post(
        url,
        {
            "step": "add",
            "pick": ["0"],
            "text_0": "Why do you want to work here?",
            "category_0": "curveball",
        },
    )
    assert Question.objects.get().category == Category.CURVEBALL

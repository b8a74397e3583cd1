"""Keeping a question to ask the panel: the same input gives the same result through every door."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from nextround.questions.models import QuestionToAsk
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionToAskFactory
from tests.workflows.doors import api_refusal, web_refusal

pytestmark = pytest.mark.django_db

GOOD = {"text": "What would success look like in the first six months?", "notes": "Ask last."}


def web_create(user, user_client, api, values, interviews):
    data = {**values, "interviews": [interview.pk for interview in interviews]}
    response = user_client.post(reverse("questions:ask"), data)
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response)


def web_edit(user, user_client, api, values, interviews):
    question = QuestionToAskFactory(owner=user, text="A first draft?")
    data = {**values, "interviews": [interview.pk for interview in interviews]}
    response = user_client.post(reverse("questions:ask_edit", args=[question.pk]), data)
    if response.status_code == 302:
        return "stored", None
    return web_refusal(response)


def api_create(user, user_client, api, values, interviews):
    data = {**values, "interview_ids": [interview.pk for interview in interviews]}
    response = api.post("/api/v1/questions-to-ask", data)
    if response.status_code == 201:
        return "stored", None
    return api_refusal(response)


def api_edit(user, user_client, api, values, interviews):
    question = QuestionToAskFactory(owner=user, text="A first draft?")
    data = {**values, "interview_ids": [interview.pk for interview in interviews]}
    response = api.patch(f"/api/v1/questions-to-ask/{question.pk}", data)
    if response.status_code == 200:
        return "stored", None
    return api_refusal(response)


DOORS = [web_create, web_edit, api_create, api_edit]


@pytest.mark.parametrize("door", DOORS)
def test_a_question_to_ask_is_kept_the_same_way_through_every_door(door, user, user_client, api):
    coming = InterviewFactory(owner=user, starts_at=timezone.now() + datetime.timedelta(days=3))
    # Older than any the page offers: still accepted, as it is through the API.
    long_ago = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(days=90))

    assert door(user, user_client, api, GOOD, [coming, long_ago]) == ("stored", None)

    question = QuestionToAsk.objects.get(owner=user)
    assert (question.text, question.notes) == (GOOD["text"], GOOD["notes"])
    assert set(question.interviews.all()) == {coming, long_ago}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"text": ""}, "text", id="no-text"),
        pytest.param({"text": "Why? " * 201}, "text", id="text-too-long"),
        pytest.param({"notes": "n" * 5001}, "notes", id="notes-too-long"),
    ],
)
def test_a_bad_question_to_ask_is_refused_the_same_way_through_every_door(
    door, changes, field, user, user_client, api
):
    verdict, fields = door(user, user_client, api, {**GOOD, **changes}, [])
    assert verdict == "refused"
    assert field in fields
    assert not QuestionToAsk.objects.filter(text=GOOD["text"]).exists()


@pytest.mark.parametrize("door", DOORS)
def test_someone_elses_interview_is_refused_through_every_door(
    door, user, other_user, user_client, api
):
    theirs = InterviewFactory(owner=other_user)
    verdict, fields = door(user, user_client, api, GOOD, [theirs])
    assert verdict == "refused"
    assert "interviews" in fields
    assert not QuestionToAsk.objects.filter(text=GOOD["text"]).exists()
    assert not theirs.questions_to_ask.exists()

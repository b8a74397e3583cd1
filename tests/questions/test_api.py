"""The question bank's JSON API."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.questions.models import Question
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory, QuestionToAskFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def test_it_creates_a_question_with_a_star_answer(user, api):
    interview = InterviewFactory(owner=user)
    response = api.post(
        "/api/v1/questions",
        {
            "text": "Tell us about a time you improved a process.",
            "category": "competency",
            "tricky": True,
            "star": {
                "situation": "Loans desk",
                "task": "Cut waiting",
                "action": "I",
                "result": "Half",
            },
            "tags": ["loans", "process"],
            "interview_ids": [interview.pk],
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["id"]
    assert body["star"] == {
        "situation": "Loans desk",
        "task": "Cut waiting",
        "action": "I",
        "result": "Half",
    }
    assert body["tricky"] is True
    assert body["tags"] == ["loans", "process"]
    assert body["interview_ids"] == [interview.pk]
    assert body["due"]


def test_it_fills_defaults_for_fields_left_out(api):
    response = api.post("/api/v1/questions", {"text": "Why us?"})
    assert response.status_code == 201
    body = response.json()
    assert body["category"] == "other"
    assert body["tricky"] is False
    assert body["star"] == {"situation": "", "task": "", "action": "", "result": ""}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "Why?", "category": "astrology"}, "category"),
        ({"text": "Why?", "star": {"situation": "x" * 5001}}, "situation"),
    ],
)
def test_it_names_the_field_of_bad_input(api, payload, field):
    response = api.post("/api/v1/questions", payload)
    assert response.status_code == 422
    assert field in response.content.decode()


def test_it_refuses_another_users_interview_in_a_payload(api, other_user):
    interview = InterviewFactory(owner=other_user)
    response = api.post("/api/v1/questions", {"text": "Why?", "interview_ids": [interview.pk]})
    assert response.status_code == 422
    assert "interview_ids" in response.content.decode()
    assert not Question.objects.exists()


def test_it_patches_only_what_is_sent(user, api):
    question = QuestionFactory(owner=user, star_situation="Kept", star_task="Old task", tricky=True)
    response = api.patch(
        f"/api/v1/questions/{question.pk}", {"star": {"task": "New task"}, "category": "curveball"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["star"]["situation"] == "Kept"
    assert body["star"]["task"] == "New task"
    assert body["category"] == "curveball"
    assert body["tricky"] is True


def test_it_lists_only_questions_due_when_asked(user, api):
    with time_machine.travel(START, tick=False):
        due = QuestionFactory(owner=user)
        later = QuestionFactory(owner=user)
        assert (
            api.post(f"/api/v1/questions/{later.pk}/reviews", {"rating": "easy"}).status_code == 201
        )
        everything = api.get("/api/v1/questions").json()
        due_now = api.get("/api/v1/questions", due="true").json()
    assert {q["id"] for q in everything} == {due.pk, later.pk}
    assert [q["id"] for q in due_now] == [due.pk]


def test_it_records_a_review_and_moves_the_due_date(user, api):
    with time_machine.travel(START, tick=False):
        question = QuestionFactory(owner=user)
        response = api.post(f"/api/v1/questions/{question.pk}/reviews", {"rating": "good"})
    assert response.status_code == 201
    body = response.json()
    assert body["rating"] == "good"
    assert body["question_id"] == question.pk
    question.refresh_from_db()
    assert question.due > START
    assert datetime.datetime.fromisoformat(body["due"]) == question.due


def test_it_refuses_an_unknown_rating(user, api):
    question = QuestionFactory(owner=user)
    response = api.post(f"/api/v1/questions/{question.pk}/reviews", {"rating": "superb"})
    assert response.status_code == 422
    assert "rating" in response.content.decode()
    assert question.reviews.count() == 0


def test_another_users_question_is_not_found(api, other_user):
    question = QuestionFactory(owner=other_user)
    path = f"/api/v1/questions/{question.pk}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"text": "Mine now?"}).status_code == 404
    assert api.post(f"{path}/reviews", {"rating": "good"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert Question.objects.filter(pk=question.pk, text=question.text).exists()
    assert api.get("/api/v1/questions").json() == []


def test_it_deletes_a_question(user, api):
    question = QuestionFactory(owner=user)
    assert api.delete(f"/api/v1/questions/{question.pk}").status_code == 204
    assert api.get(f"/api/v1/questions/{question.pk}").status_code == 404


def test_questions_to_ask_round_trip(user, api, other_user):
    interview = InterviewFactory(owner=user)
    created = api.post(
        "/api/v1/questions-to-ask",
        {"text": "How is success measured here?", "interview_ids": [interview.pk]},
    )
    assert created.status_code == 201
    ask_id = created.json()["id"]
    assert created.json()["interview_ids"] == [interview.pk]
    patched = api.patch(f"/api/v1/questions-to-ask/{ask_id}", {"notes": "Ask the chair"})
    assert patched.json()["notes"] == "Ask the chair"
    assert patched.json()["interview_ids"] == [interview.pk]
    assert [q["id"] for q in api.get("/api/v1/questions-to-ask").json()] == [ask_id]
    assert api.delete(f"/api/v1/questions-to-ask/{ask_id}").status_code == 204

    theirs = QuestionToAskFactory(owner=other_user)
    assert api.get(f"/api/v1/questions-to-ask/{theirs.pk}").status_code == 404
    assert api.patch(f"/api/v1/questions-to-ask/{theirs.pk}", {"text": "x"}).status_code == 404
    assert api.delete(f"/api/v1/questions-to-ask/{theirs.pk}").status_code == 404


def test_the_deck_downloads_from_the_api(user, api):
    QuestionFactory(owner=user)
    response = api.get("/api/v1/questions.apkg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_the_api_needs_a_token(client):
    assert client.get("/api/v1/questions").status_code == 401
    assert client.get("/api/v1/questions.apkg").status_code == 401


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "Why\x00 us?"}, "text"),
        ({"text": "Why?", "star": {"action": "I\x00"}}, "action"),
        ({"text": "Why?", "interview_ids": [2**70]}, "interview_ids"),
        ({"text": "Why?", "due": "0000-01-01T00:00:00"}, "due"),
        ({"text": "Why?", "tags": "not a list"}, "tags"),
    ],
)
def test_odd_input_is_refused_by_field_never_a_500(api, payload, field):
    response = api.post("/api/v1/questions", payload)
    assert response.status_code == 422
    assert field in response.content.decode()


def test_a_due_date_can_be_set_for_the_next_review(user, api):
    question = QuestionFactory(owner=user)
    response = api.patch(f"/api/v1/questions/{question.pk}", {"due": "2030-01-02T09:00:00+00:00"})
    assert response.status_code == 200
    assert response.json()["due"].startswith("2030-01-02")


def test_tags_too_long_for_their_column_are_refused_not_cut(user, api):
    question = QuestionFactory(owner=user, tags="budgets")
    tags = [f"tag number {index}" for index in range(60)]

    response = api.patch(f"/api/v1/questions/{question.pk}", {"tags": tags})

    assert response.status_code == 422
    assert "tags" in response.content.decode()
    question.refresh_from_db()
    assert question.tags == "budgets"


def test_more_tags_than_a_question_can_hold_are_refused_naming_the_field(api):
    response = api.post("/api/v1/questions", {"text": "Why?", "tags": ["a"] * 101})

    assert response.status_code == 422
    assert ["body", "payload", "tags"] in [item["loc"] for item in response.json()["detail"]]

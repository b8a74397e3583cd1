"""Capturing questions from interview notes: the web page and the API store and refuse alike."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nextround.questions.models import Category, Question
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory
from tests.workflows.doors import api_refusal, json_import, web_refusal

pytestmark = pytest.mark.django_db

NOTES = """Panel of three, went well.
1. So why do you want to work for this organisation?
A: talked about the collection
- Tell us about a time you handled a conflict
Q: What are your salary expectations
Nice view from the office."""

TOO_LONG = "Could you " + "really " * 160 + "explain that?"


def _bank(user) -> list[tuple]:
    return sorted(
        (q.text, q.category, q.unprepared, sorted(i.pk for i in q.interviews.all()))
        for q in Question.objects.filter(owner=user).prefetch_related("interviews")
    )


def web_page(user, user_client, api, interview, notes):
    """Paste the notes, then add every question offered, as the page ticks them."""
    url = reverse("questions:interview_notes", args=[interview.pk])
    saved = user_client.post(url, {"step": "notes", "notes": notes})
    if saved.status_code != 302:
        return web_refusal(saved)
    page = user_client.get(url)
    data = {"step": "add", "pick": [], "unprepared": "1"}
    for index, candidate in enumerate(page.context["candidates"]):
        if candidate.already_linked:
            continue
        data["pick"].append(str(index))
        data[f"text_{index}"] = candidate.text
        data[f"merge_{index}"] = candidate.match.pk if candidate.match else "new"
    added = user_client.post(url, data)
    if added.status_code != 302:
        assert added.status_code == 422, added.status_code
        return "refused", set(added.context["capture_errors"])
    return "stored", _bank(user)


def api_route(user, user_client, api, interview, notes):
    """Send the notes, then send back every question found, joined to its match."""
    url = f"/api/v1/interviews/{interview.pk}/questions"
    found = api.post(url, {"notes": notes})
    if found.status_code != 200:
        return api_refusal(found)
    chosen = [
        {"text": item["text"], "merge_into": item["match_id"]}
        for item in found.json()["found"]
        if not item["already_linked"]
    ]
    added = api.post(url, {"questions": chosen, "unprepared": True})
    if added.status_code != 201:
        return api_refusal(added)
    return "stored", _bank(user)


DOORS = [web_page, api_route]


@pytest.mark.parametrize("door", DOORS)
def test_the_same_notes_give_the_same_bank_and_merge_into_the_question_already_there(
    door, user, user_client, api
):
    earlier = InterviewFactory(owner=user)
    interview = InterviewFactory(owner=user, application=earlier.application)
    known = QuestionFactory(owner=user, text="Why do you want to work for this organisation?")
    known.interviews.add(earlier)
    answer = door(user, user_client, api, interview, NOTES)
    assert answer == (
        "stored",
        sorted(
            [
                (known.text, known.category, known.unprepared, sorted([earlier.pk, interview.pk])),
                # Each new question takes the category its words suggest, not "Other".
                (
                    "Tell us about a time you handled a conflict",
                    Category.COMPETENCY,
                    True,
                    [interview.pk],
                ),
                ("What are your salary expectations", Category.CURVEBALL, True, [interview.pk]),
            ]
        ),
    )
    interview.refresh_from_db()
    assert interview.notes == NOTES


@pytest.mark.parametrize("door", DOORS)
def test_a_question_too_long_for_the_bank_is_refused_naming_the_text_not_cut(
    door, user, user_client, api
):
    interview = InterviewFactory(owner=user)
    assert len(TOO_LONG) > 1000
    assert door(user, user_client, api, interview, f"1. {TOO_LONG}") == ("refused", {"text"})
    assert not Question.objects.filter(owner=user).exists()


@pytest.mark.parametrize("door", DOORS)
def test_notes_too_long_are_refused_naming_the_notes(door, user, user_client, api):
    interview = InterviewFactory(owner=user, notes="Kept")
    assert door(user, user_client, api, interview, "x" * 50001) == ("refused", {"notes"})
    interview.refresh_from_db()
    assert interview.notes == "Kept"


def test_the_api_takes_a_category_and_refuses_an_unknown_one(user, api):
    interview = InterviewFactory(owner=user)
    url = f"/api/v1/interviews/{interview.pk}/questions"
    unknown = api.post(url, {"questions": [{"text": "Why archives?", "category": "gossip"}]})
    assert api_refusal(unknown) == ("refused", {"category"})
    chosen = {"text": "Why archives?", "category": "motivation"}
    added = api.post(url, {"questions": [chosen]})
    assert added.status_code == 201, added.content
    assert added.json()["added"][0]["category"] == "motivation"
    assert Question.objects.get(owner=user).interviews.get() == interview


def test_the_api_names_a_question_to_join_that_is_not_yours(user, other_user, api):
    interview = InterviewFactory(owner=user)
    theirs = QuestionFactory(owner=other_user, text="Why us, really?")
    response = api.post(
        f"/api/v1/interviews/{interview.pk}/questions",
        {"questions": [{"text": "Why us, really?", "merge_into": theirs.pk}]},
    )
    assert api_refusal(response) == ("refused", {"merge_into"})
    assert not theirs.interviews.exists()
    assert not Question.objects.filter(owner=user).exists()


def test_the_api_wants_notes_or_questions_not_both(user, api):
    interview = InterviewFactory(owner=user)
    url = f"/api/v1/interviews/{interview.pk}/questions"
    both = api.post(url, {"notes": "1. Why?", "questions": [{"text": "Why archives?"}]})
    assert api_refusal(both) == ("refused", {"notes"})
    assert api_refusal(api.post(url, {})) == ("refused", {"notes"})


@pytest.mark.parametrize(
    ("field", "kept", "joined"),
    [("tags", ", ".join(["a" * 40] * 6), "b" * 299), ("notes", "a" * 6000, "b" * 6000)],
)
def test_merging_two_questions_whose_text_is_too_long_together_is_refused_not_cut(
    field, kept, joined, user, user_client
):
    keep = QuestionFactory(owner=user, text="Why archives?", **{field: kept})
    duplicate = QuestionFactory(owner=user, text="Why archives, really?", **{field: joined})
    response = user_client.post(
        reverse("questions:question_merge", args=[keep.pk]),
        {"duplicate": duplicate.pk},
        follow=True,
    )
    assert f"Not merged: Together the {field}" in response.content.decode()
    assert Question.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    assert getattr(keep, field) == kept


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text": TOO_LONG}, "text"),
        ({"category": "gossip"}, "category"),
        ({"tags": ", ".join(["tag"] * 200)}, "tags"),
    ],
)
def test_the_json_import_refuses_a_question_the_capture_would_refuse(
    change, field, user, other_user, api, api_for
):
    QuestionFactory(owner=other_user, text="Why archives?")
    document = api_for(other_user).get("/api/v1/export").json()
    document["data"]["questions.question"][0].update(change)
    assert json_import(api, document) == ("refused", {field})
    assert not Question.objects.filter(owner=user).exists()

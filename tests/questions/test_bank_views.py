"""The question bank pages: list, detail, edit, merge, starter set, downloads, questions to ask."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from nextround.core.pages import PAGE_SIZE
from nextround.questions.models import Question, QuestionToAsk
from nextround.questions.starter import STARTER_QUESTIONS
from nextround.questions.views.bank import SIMILAR_SHOWN
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory, QuestionToAskFactory

pytestmark = pytest.mark.django_db


def test_the_bank_lists_questions_with_how_often_they_were_asked(user, user_client):
    question = QuestionFactory(owner=user, text="Why heritage?", tricky=True)
    question.interviews.add(InterviewFactory(owner=user), InterviewFactory(owner=user))
    page = user_client.get(reverse("questions:questions")).content.decode()
    assert "Why heritage?" in page
    assert "2 times" in page
    assert "tricky" in page


def test_the_bank_filters_by_flag_and_search(user, user_client):
    QuestionFactory(owner=user, text="A tricky one?", tricky=True)
    QuestionFactory(owner=user, text="A plain one?", tags="loans")
    tricky = user_client.get(reverse("questions:questions"), {"flag": "tricky"}).content.decode()
    assert "A tricky one?" in tricky and "A plain one?" not in tricky
    tagged = user_client.get(reverse("questions:questions"), {"q": "loans"}).content.decode()
    assert "A plain one?" in tagged and "A tricky one?" not in tagged


def test_the_bank_page_queries_stay_flat_as_it_grows(
    user, user_client, django_assert_max_num_queries
):
    def fill(count):
        for _ in range(count):
            QuestionFactory(owner=user).interviews.add(InterviewFactory(owner=user))

    fill(3)
    user_client.get(reverse("questions:questions"))
    with django_assert_max_num_queries(8):
        user_client.get(reverse("questions:questions"))
    fill(27)
    with django_assert_max_num_queries(8):
        assert user_client.get(reverse("questions:questions")).status_code == 200


def test_the_empty_bank_points_to_the_starter_set(user_client):
    page = user_client.get(reverse("questions:questions")).content.decode()
    assert reverse("questions:starter") in page


def test_editing_the_answer_clears_the_rework_flag(user, user_client):
    question = QuestionFactory(owner=user, needs_rework=True)
    response = user_client.post(
        reverse("questions:question_edit", args=[question.pk]),
        {
            "text": question.text,
            "category": "competency",
            "star_situation": "During a reopening",
            "star_task": "",
            "star_action": "I rewrote the labels",
            "star_result": "",
            "answer": "",
            "tags": "",
            "notes": "",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.star_action == "I rewrote the labels"
    assert not question.needs_rework


def test_adding_a_question_by_hand(user, user_client):
    response = user_client.post(
        reverse("questions:question_create"),
        {
            "text": "What would you change about our website?",
            "category": "curveball",
            "tricky": "on",
        },
    )
    question = Question.objects.get(owner=user)
    assert response.url == question.get_absolute_url()
    assert question.tricky


def test_an_empty_question_is_refused_beside_the_field(user, user_client):
    response = user_client.post(
        reverse("questions:question_create"), {"text": "", "category": "other"}
    )
    assert response.status_code == 200
    assert 'id="id_text_error"' in response.content.decode()
    assert not Question.objects.exists()


def test_the_detail_page_offers_similar_questions_for_merging(user, user_client):
    keep = QuestionFactory(owner=user, text="What is your greatest weakness?", star_situation="")
    duplicate = QuestionFactory(
        owner=user, text="What's your greatest weakness?", star_situation="Budgets", tags="self"
    )
    interview = InterviewFactory(owner=user)
    duplicate.interviews.add(interview)
    page = user_client.get(keep.get_absolute_url()).content.decode()
    assert "Looks like the same question" in page

    user_client.post(
        reverse("questions:question_merge", args=[keep.pk]), {"duplicate": duplicate.pk}
    )
    keep.refresh_from_db()
    assert not Question.objects.filter(pk=duplicate.pk).exists()
    assert list(keep.interviews.all()) == [interview]
    assert keep.star_situation == "Budgets"
    assert keep.tag_list == ["self"]


def test_the_detail_page_offers_the_closest_look_alikes_only(user, user_client):
    question = QuestionFactory(owner=user, text="Tell us about a time you led a team.")
    for number in range(SIMILAR_SHOWN + 5):
        QuestionFactory(owner=user, text=f"Tell us about a time you led team {number} well.")
    closest = QuestionFactory(owner=user, text="Tell us about a time you led a team?")

    similar = user_client.get(question.get_absolute_url()).context["similar"]

    assert len(similar) == SIMILAR_SHOWN
    assert similar[0][0] == closest


def test_the_starter_set_adds_one_then_all_the_rest_once(user, user_client):
    assert 35 <= len(STARTER_QUESTIONS) <= 45
    first = STARTER_QUESTIONS[0]
    user_client.post(reverse("questions:starter"), {"key": first.key})
    assert list(Question.objects.filter(owner=user).values_list("text", flat=True)) == [first.text]
    page = user_client.get(reverse("questions:starter")).content.decode()
    assert "in your bank" in page

    user_client.post(reverse("questions:starter"), {"all": "1"})
    user_client.post(reverse("questions:starter"), {"all": "1"})
    assert Question.objects.filter(owner=user).count() == len(STARTER_QUESTIONS)


def test_the_bank_downloads_as_markdown(user, user_client):
    QuestionFactory(owner=user, text="Why *this* museum?", star_result="A [link](http://x)")
    response = user_client.get(reverse("questions:markdown"))
    assert response["Content-Type"].startswith("text/markdown")
    text = b"".join(response.streaming_content).decode()
    assert "### Why \\*this\\* museum?" in text
    assert "**Result:** A \\[link\\](http://x)" in text


def test_the_bank_downloads_as_an_anki_deck(user, user_client):
    QuestionFactory(owner=user)
    response = user_client.get(reverse("questions:apkg"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_questions_to_ask_are_kept_and_attached_to_an_interview(user, user_client):
    interview = InterviewFactory(owner=user)
    user_client.post(
        reverse("questions:ask"),
        {"text": "What is the team proudest of?", "notes": "", "interviews": [interview.pk]},
    )
    ask = QuestionToAsk.objects.get(owner=user)
    assert list(ask.interviews.all()) == [interview]
    assert (
        "What is the team proudest of?"
        in user_client.get(reverse("questions:ask")).content.decode()
    )


def test_questions_to_ask_offer_the_coming_and_recent_interviews_not_years_of_them(
    user, user_client
):
    now = timezone.now()
    coming = InterviewFactory(owner=user, starts_at=now + datetime.timedelta(days=3))
    recent = InterviewFactory(owner=user, starts_at=now - datetime.timedelta(days=10))
    old = InterviewFactory(owner=user, starts_at=now - datetime.timedelta(days=400))
    ask = QuestionToAskFactory(owner=user)
    ask.interviews.add(old)

    def offered(form):
        return [value.instance for value, _ in form.fields["interviews"].widget.choices]

    assert offered(user_client.get(reverse("questions:ask")).context["form"]) == [recent, coming]
    # Editing a question keeps an old interview it is attached to, ticked.
    editing = user_client.get(reverse("questions:ask_edit", args=[ask.pk])).context["form"]
    assert offered(editing) == [old, recent, coming]


def test_questions_to_ask_come_a_page_at_a_time(user, user_client):
    for number in range(PAGE_SIZE + 1):
        QuestionToAskFactory(owner=user, text=f"Question {number:03d}?")
    first = user_client.get(reverse("questions:ask")).content.decode()
    assert "Question 000?" in first and f"Question {PAGE_SIZE:03d}?" not in first
    second = user_client.get(reverse("questions:ask"), {"page": 2}).content.decode()
    assert f"Question {PAGE_SIZE:03d}?" in second


def test_questions_to_ask_cannot_attach_another_users_interview(user, other_user, user_client):
    theirs = InterviewFactory(owner=other_user)
    response = user_client.post(
        reverse("questions:ask"), {"text": "Why?", "interviews": [theirs.pk]}
    )
    assert response.status_code == 200
    assert not QuestionToAsk.objects.exists()


@pytest.mark.parametrize("name", ["question", "question_edit", "question_delete", "question_merge"])
def test_another_users_question_is_not_found(other_user, user_client, name):
    question = QuestionFactory(owner=other_user)
    url = reverse(f"questions:{name}", args=[question.pk])
    assert user_client.get(url).status_code in (404, 405)
    assert user_client.post(url, {"duplicate": question.pk, "text": "x"}).status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()


def test_it_cannot_merge_someone_elses_question_into_mine(user, other_user, user_client):
    mine = QuestionFactory(owner=user)
    theirs = QuestionFactory(owner=other_user)
    response = user_client.post(
        reverse("questions:question_merge", args=[mine.pk]), {"duplicate": theirs.pk}
    )
    assert response.status_code == 404
    assert Question.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("name", ["ask_edit", "ask_delete"])
def test_another_users_question_to_ask_is_not_found(other_user, user_client, name):
    ask = QuestionToAskFactory(owner=other_user)
    url = reverse(f"questions:{name}", args=[ask.pk])
    assert user_client.get(url).status_code == 404
    assert user_client.post(url, {"text": "x"}).status_code == 404
    assert QuestionToAsk.objects.filter(pk=ask.pk, text=ask.text).exists()


def test_the_pages_need_a_login(user, client):
    response = client.get(reverse("questions:questions"))
    assert response.status_code == 302
    assert "login" in response.url


@pytest.mark.parametrize(
    "answer",
    [
        "[click](javascript:alert(1))",
        "<javascript:alert(1)>",
        "javascript:alert(document.cookie)",
        "[x]: javascript:alert(1)\n\n[x]",
        "![pic](data:text/html;base64,PHNjcmlwdD4=)",
        "JaVaScRiPt :alert(1)",
    ],
)
def test_the_markdown_export_never_carries_a_script_link(user, user_client, answer):
    from markdown_it import MarkdownIt

    QuestionFactory(owner=user, star_result=answer, text=answer + "?")
    text = b"".join(user_client.get(reverse("questions:markdown")).streaming_content).decode()
    # Not even a viewer that links any "scheme:" finds one.
    assert not re.search(r"(?i)(javascript|data)\s*:", text)
    html = MarkdownIt("commonmark").enable("linkify").render(text).lower()
    assert 'href="javascript' not in html
    assert 'src="data' not in html
    assert "<a " not in html

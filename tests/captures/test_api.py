"""POST /api/v1/captures: a note straight after an interview, kept once however often it is sent."""

from __future__ import annotations

import base64
import datetime
import io
import uuid

import pytest
from django.test import Client
from django.utils import timezone
from PIL import Image

from nextround.captures.models import Capture
from nextround.expenses.models import Expense
from nextround.jobs.models import Application, Interview, Organisation
from nextround.playbook.models import Action, ActionKind
from nextround.questions.models import Question
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db


def receipt_png() -> str:
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 120)).save(picture, "PNG")
    return base64.b64encode(picture.getvalue()).decode()


def note(**changes) -> dict:
    body = {
        "client_id": str(uuid.uuid4()),
        "organisation": "Harbour Gallery",
        "role": "Collections Assistant",
        "how_it_went": "Friendly panel, hard second half.",
        "feeling": 3,
        "questions": ["Why this museum?", "Tell us about a time you catalogued under pressure"],
        "unprepared": True,
    }
    body.update(changes)
    return body


def test_the_first_send_answers_201_and_a_repeat_200_with_the_same_record(user, api):
    interview = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(hours=2))
    body = note(interview_id=interview.pk)

    first = api.post("/api/v1/captures", body)
    again = api.post("/api/v1/captures", body)

    assert first.status_code == 201, first.content
    assert again.status_code == 200
    assert again.json() == first.json()
    assert Capture.objects.filter(owner=user).count() == 1
    assert Question.objects.filter(owner=user).count() == 2


def test_questions_join_the_bank_unprepared_and_a_near_duplicate_is_merged(user, api):
    interview = InterviewFactory(owner=user)
    known = QuestionFactory(owner=user, text="Why do you want to work at this museum?")

    answer = api.post(
        "/api/v1/captures",
        note(
            interview_id=interview.pk,
            questions=["- why do you want to work at this museum", "What is provenance?"],
        ),
    )

    assert answer.status_code == 201, answer.content
    bank = {q.text: q for q in Question.objects.filter(owner=user)}
    assert set(bank) == {"Why do you want to work at this museum?", "What is provenance?"}
    assert all(q.unprepared for q in bank.values())
    assert interview in bank["Why do you want to work at this museum?"].interviews.all()
    assert sorted(answer.json()["question_ids"]) == sorted(
        [known.pk, bank["What is provenance?"].pk]
    )


def test_the_promised_date_goes_onto_the_interview_and_the_chase_follows(user, api):
    interview = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(hours=1))
    promised = timezone.localdate() + datetime.timedelta(days=10)

    api.post(
        "/api/v1/captures",
        note(interview_id=interview.pk, decision_promised_by=promised.isoformat()),
    )

    interview.refresh_from_db()
    assert interview.decision_promised_by == promised
    assert "Friendly panel" in interview.self_assessment
    # The same fields as the how-it-went page: the feeling is the interview's own.
    assert interview.feeling == 3
    assert Action.objects.filter(interview=interview, kind=ActionKind.CHASE_DECISION).exists()


def test_costs_become_expenses_with_their_receipts(user, api):
    interview = InterviewFactory(owner=user)
    cost = {
        "amount": "23.40",
        "currency": "GBP",
        "category": "train",
        "receipt": receipt_png(),
        "receipt_name": "ticket.png",
    }

    answer = api.post("/api/v1/captures", note(interview_id=interview.pk, costs=[cost]))

    assert answer.status_code == 201, answer.content
    (expense,) = Expense.objects.filter(owner=user)
    assert expense.interview == interview
    assert str(expense.amount) == "23.40"
    assert expense.file_type == "image/png"
    with expense.file.open("rb") as kept:
        assert kept.read().startswith(b"\x89PNG")
    assert answer.json()["expense_ids"] == [expense.pk]


def test_a_receipt_that_is_not_a_picture_or_pdf_is_refused_and_nothing_is_kept(user, api):
    interview = InterviewFactory(owner=user)
    cost = {"amount": "5.00", "receipt": base64.b64encode(b"#!/bin/sh\necho hello\n").decode()}

    answer = api.post("/api/v1/captures", note(interview_id=interview.pk, costs=[cost]))

    assert answer.status_code == 422
    assert "receipt" in answer.content.decode()
    assert not Capture.objects.exists()
    assert not Question.objects.exists()
    assert not Expense.objects.exists()


def test_a_typed_organisation_and_role_find_this_weeks_interview_or_make_one(user, api):
    interview = InterviewFactory(owner=user, starts_at=timezone.now() - datetime.timedelta(days=2))
    organisation, role = interview.application.organisation.name, interview.application.role

    found = api.post("/api/v1/captures", note(organisation=organisation.upper(), role=role))
    made = api.post(
        "/api/v1/captures", note(organisation="Tidewater Maritime Archive", role="Archivist")
    )

    assert found.json()["interview_id"] == interview.pk
    new = Interview.objects.get(pk=made.json()["interview_id"])
    assert new.application.organisation.name == "Tidewater Maritime Archive"
    assert new.application.role == "Archivist"
    assert Organisation.objects.filter(owner=user).count() == 2
    assert Application.objects.filter(owner=user).count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"feeling": 7}, "feeling"),
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"decision_promised_by": "3026-01-01"}, "decision_promised_by"),
        ({"organisation": "", "role": ""}, "organisation"),
        ({"costs": [{"amount": "-2.00"}]}, "amount"),
        ({"costs": [{"amount": "2.00", "currency": "XXQ"}]}, "currency"),
    ],
)
def test_bad_input_is_refused_naming_the_field(user, api, changes, field):
    answer = api.post("/api/v1/captures", note(**changes))

    assert answer.status_code in (400, 422), answer.content
    assert field in answer.content.decode()
    assert not Capture.objects.exists()


def test_another_users_interview_is_refused_and_left_alone(user, other_user, api):
    theirs = InterviewFactory(owner=other_user)

    answer = api.post(
        "/api/v1/captures", note(interview_id=theirs.pk, decision_promised_by="2999-01-01")
    )

    assert answer.status_code == 422
    assert "interview" in answer.content.decode()
    theirs.refresh_from_db()
    assert theirs.decision_promised_by is None
    assert not Question.objects.exists()


def test_the_same_client_id_from_two_people_makes_two_notes(user, other_user, api, api_for):
    shared = str(uuid.uuid4())
    InterviewFactory(owner=user)

    mine = api.post(
        "/api/v1/captures", note(client_id=shared, organisation="Fen Library", role="Librarian")
    )
    theirs = api_for(other_user).post(
        "/api/v1/captures", note(client_id=shared, organisation="Fen Library", role="Librarian")
    )

    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]


def test_the_page_sends_with_its_session_and_csrf_token(user):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = browser.get("/capture/")
    token = browser.cookies["csrftoken"].value
    body = note(organisation="Quayside Gallery", role="Gallery Assistant")

    without = browser.post("/api/v1/captures", body, content_type="application/json")
    with_token = browser.post(
        "/api/v1/captures", body, content_type="application/json", headers={"X-CSRFToken": token}
    )

    assert page.status_code == 200
    assert without.status_code == 403
    assert with_token.status_code == 201, with_token.content


def test_a_logged_out_page_is_told_401_and_nothing_is_kept(db):
    answer = Client().post(
        "/api/v1/captures",
        note(organisation="Quayside Gallery", role="Guide"),
        content_type="application/json",
    )

    assert answer.status_code == 401
    assert not Capture.objects.exists()


def test_the_list_shows_my_notes_newest_first(user, other_user, api, api_for):
    api.post("/api/v1/captures", note(organisation="Fen Library", role="Librarian"))
    api_for(other_user).post("/api/v1/captures", note(organisation="Moor Museum", role="Curator"))

    listed = api.get("/api/v1/captures").json()

    assert [item["organisation"] for item in listed] == ["Fen Library"]

"""The question bank over JSON: questions, reviews, questions to ask, the pack and the deck."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from ninja import Field, Router, Schema, Status

from nextround.api.errors import named_as_sent, validate_and_save
from nextround.api.fields import DateTime, Payload, RecordId, apply_changes
from nextround.api.lists import bounded_list
from nextround.core.access import get_owned_or_404, owned
from nextround.jobs.models import Interview
from nextround.questions.asking import interviews_of, save_question_to_ask
from nextround.questions.capture import Choice, capture_questions, save_notes
from nextround.questions.models import Category, Question, QuestionToAsk, Rating
from nextround.questions.scheduling import as_utc, record_review
from nextround.questions.views.bank import apkg_response
from nextround.questions.views.capture import pack_response

router = Router(tags=["questions"])

STAR_PARTS = ("situation", "task", "action", "result")
# Fields that must keep a value: null for them is a fault in the payload.
QUESTION_REQUIRED = ("text", "category", "tricky", "unprepared", "due")


class Star(Payload):
    situation: str = Field("", max_length=5000)
    task: str = Field("", max_length=5000)
    action: str = Field("", max_length=5000)
    result: str = Field("", max_length=5000)


class QuestionIn(Payload):
    text: str = Field(..., min_length=1, max_length=1000)
    category: Category = Category.OTHER
    tricky: bool = False
    unprepared: bool = False
    star: Star = Field(default_factory=Star)
    answer: str = Field("", max_length=10000)
    notes: str = Field("", max_length=10000)
    tags: list[str] = Field(default_factory=list, max_length=100)
    interview_ids: list[RecordId] = Field(default_factory=list, max_length=100)
    due: DateTime | None = None


class QuestionPatch(Payload):
    text: str | None = Field(None, min_length=1, max_length=1000)
    category: Category | None = None
    tricky: bool | None = None
    unprepared: bool | None = None
    star: Star | None = None
    answer: str | None = Field(None, max_length=10000)
    notes: str | None = Field(None, max_length=10000)
    tags: list[str] | None = Field(None, max_length=100)
    interview_ids: list[RecordId] | None = Field(None, max_length=100)
    due: DateTime | None = None


class QuestionOut(Schema):
    id: int
    text: str
    category: str
    tricky: bool
    unprepared: bool
    star: Star
    answer: str
    notes: str
    tags: list[str]
    interview_ids: list[RecordId]
    due: datetime.datetime
    last_reviewed_at: datetime.datetime | None
    needs_rework: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_tags(question: Question) -> list[str]:
        return question.tag_list

    @staticmethod
    def resolve_interview_ids(question: Question) -> list[int]:
        return sorted(interview.pk for interview in question.interviews.all())


class ReviewIn(Payload):
    rating: Rating


class ReviewOut(Schema):
    id: int
    question_id: RecordId
    rating: str
    reviewed_at: datetime.datetime
    due: datetime.datetime
    needs_rework: bool

    @staticmethod
    def resolve_due(review) -> datetime.datetime:
        return review.due_after

    @staticmethod
    def resolve_needs_rework(review) -> bool:
        return review.question.needs_rework


# The model's names for what a client sends as ids.
ASK_NAMES = {"interviews": "interview_ids"}


class QuestionToAskIn(Payload):
    text: str = Field(..., min_length=1, max_length=1000)
    notes: str = Field("", max_length=5000)
    interview_ids: list[RecordId] = Field(default_factory=list, max_length=100)


class QuestionToAskPatch(Payload):
    text: str | None = Field(None, min_length=1, max_length=1000)
    notes: str | None = Field(None, max_length=5000)
    interview_ids: list[RecordId] | None = Field(None, max_length=100)


class QuestionToAskOut(Schema):
    id: int
    text: str
    notes: str
    interview_ids: list[RecordId]
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_interview_ids(question: QuestionToAsk) -> list[int]:
        return sorted(interview.pk for interview in question.interviews.all())


def _interviews(user, ids: list[int]) -> list[Interview]:
    """The user's interviews named in ``interview_ids``; any other id is a fault in the payload."""
    with named_as_sent(ASK_NAMES):
        return interviews_of(user, ids)


def _question_changes(question: Question, values: dict) -> tuple[dict, list[Interview] | None]:
    """The model fields a payload sets, and the interviews to link after saving (None: keep).

    ``star`` and ``tags`` are stored as several columns and as one text;
    ``null`` for either clears it, as for any field.
    """
    changes = dict(values)
    if "star" in changes:
        star = changes.pop("star")
        parts = STAR_PARTS if star is None else [part for part in STAR_PARTS if part in star]
        for part in parts:
            changes[f"star_{part}"] = None if star is None else star[part]
    if "tags" in changes:
        tags = changes.pop("tags") or []
        # Joined, not cut: a list too long for the column is refused by its check.
        changes["tags"] = ", ".join(tag.strip() for tag in tags if tag.strip())
    interviews = None
    if "interview_ids" in changes:
        interviews = _interviews(question.owner, changes.pop("interview_ids") or [])
    return changes, interviews


def _apply_question(question: Question, values: dict) -> list[Interview] | None:
    """Copy payload values onto the question; the interviews to link come back for after saving."""
    changes, interviews = _question_changes(question, values)
    apply_changes(question, changes, required=QUESTION_REQUIRED)
    if changes.get("due") is not None and question.card:
        # The review schedule reads its own copy of the due date.
        question.card = {**question.card, "due": as_utc(question.due).isoformat()}
    return interviews


def _questions(user):
    return owned(Question, user).prefetch_related("interviews")


@router.get("/questions", response=list[QuestionOut])
@bounded_list
def list_questions(request, due: bool = False):
    questions = _questions(request.auth)
    if due:
        questions = questions.due(timezone.now()).order_by("due", "id")
    return questions


@router.post("/questions", response={201: QuestionOut})
def create_question(request, payload: QuestionIn):
    question = Question(owner=request.auth)
    with transaction.atomic():
        interviews = _apply_question(question, payload.dict(exclude_unset=True))
        validate_and_save(question)
        if interviews:
            question.interviews.set(interviews)
    return Status(201, _questions(request.auth).get(pk=question.pk))


@router.get("/questions.apkg", response={200: None})
def questions_apkg(request):
    return apkg_response(request.auth)


@router.get("/questions/{question_id}", response=QuestionOut)
def get_question(request, question_id: int):
    return get_owned_or_404(_questions(request.auth), request.auth, pk=question_id)


@router.patch("/questions/{question_id}", response=QuestionOut)
def update_question(request, question_id: int, payload: QuestionPatch):
    question = get_owned_or_404(Question, request.auth, pk=question_id)
    values = payload.dict(exclude_unset=True)
    if "star" in values and values["star"] is not None:
        values["star"] = payload.star.dict(exclude_unset=True)
    with transaction.atomic():
        interviews = _apply_question(question, values)
        if {"star", "answer"} & set(values):
            question.needs_rework = False
        validate_and_save(question)
        if interviews is not None:
            question.interviews.set(interviews)
    return _questions(request.auth).get(pk=question.pk)


@router.delete("/questions/{question_id}", response={204: None})
def delete_question(request, question_id: int):
    get_owned_or_404(Question, request.auth, pk=question_id).delete()
    return Status(204, None)


@router.post("/questions/{question_id}/reviews", response={201: ReviewOut})
def review_question(request, question_id: int, payload: ReviewIn):
    question = get_owned_or_404(Question, request.auth, pk=question_id)
    return Status(201, record_review(question, payload.rating))


@router.get("/questions-to-ask", response=list[QuestionToAskOut])
@bounded_list
def list_questions_to_ask(request):
    return owned(QuestionToAsk, request.auth).prefetch_related("interviews")


@router.post("/questions-to-ask", response={201: QuestionToAskOut})
def create_question_to_ask(request, payload: QuestionToAskIn):
    values = payload.dict()
    values["interviews"] = values.pop("interview_ids")
    with named_as_sent(ASK_NAMES):
        question = save_question_to_ask(request.auth, None, values)
    return Status(201, question)


@router.get("/questions-to-ask/{ask_id}", response=QuestionToAskOut)
def get_question_to_ask(request, ask_id: int):
    return get_owned_or_404(QuestionToAsk, request.auth, pk=ask_id)


@router.patch("/questions-to-ask/{ask_id}", response=QuestionToAskOut)
def update_question_to_ask(request, ask_id: int, payload: QuestionToAskPatch):
    question = get_owned_or_404(QuestionToAsk, request.auth, pk=ask_id)
    values = payload.dict(exclude_unset=True)
    interview_ids = values.pop("interview_ids", ...)
    # null clears notes and is refused for the text, as for any field.
    apply_changes(question, values, required=("text",))
    changes = {name: getattr(question, name) for name in values}
    if interview_ids is not ...:
        changes["interviews"] = interview_ids or []
    with named_as_sent(ASK_NAMES):
        return save_question_to_ask(request.auth, question, changes)


@router.delete("/questions-to-ask/{ask_id}", response={204: None})
def delete_question_to_ask(request, ask_id: int):
    get_owned_or_404(QuestionToAsk, request.auth, pk=ask_id).delete()
    return Status(204, None)


class CapturedQuestionIn(Payload):
    text: str = Field(..., min_length=1, max_length=1000)
    # Left out: the category the question's words suggest ("Why do you want…" is motivation).
    category: Category | None = None
    merge_into: RecordId | None = None


class CaptureIn(Payload):
    """Either ``notes`` (kept on the interview; the questions found come back) or
    ``questions`` (the ones chosen, added to the bank and linked to the interview)."""

    notes: str | None = Field(None, max_length=50000)
    questions: list[CapturedQuestionIn] | None = Field(None, min_length=1, max_length=100)
    unprepared: bool = False


class FoundQuestionOut(Schema):
    text: str
    category: Category
    match_id: RecordId | None
    already_linked: bool


class CaptureOut(Schema):
    found: list[FoundQuestionOut] = []
    added: list[QuestionOut] = []
    merged: list[QuestionOut] = []


@router.post("/interviews/{interview_id}/questions", response={200: CaptureOut, 201: CaptureOut})
def capture_interview_questions(request, interview_id: int, payload: CaptureIn):
    """Capture the questions of an interview from its notes, as the notes page does.

    With ``notes``: they are saved on the interview and the questions found
    come back (200), each with ``match_id``, the bank's question that says the
    same. With ``questions``: each is added to the bank, or joins the
    question named by ``merge_into``, linked to the interview (201).
    """
    interview = get_owned_or_404(Interview, request.auth, pk=interview_id)
    if (payload.notes is None) == (payload.questions is None):
        raise ValidationError({"notes": "Send either notes or questions."})
    if payload.notes is not None:
        found = save_notes(interview, payload.notes)
        return Status(
            200,
            {
                "found": [
                    {
                        "text": candidate.text,
                        "category": candidate.category,
                        "match_id": candidate.match.pk if candidate.match else None,
                        "already_linked": candidate.already_linked,
                    }
                    for candidate in found
                ]
            },
        )
    choices = [Choice(**chosen.dict()) for chosen in payload.questions]
    result = capture_questions(interview, request.auth, choices, unprepared=payload.unprepared)
    return Status(201, {"added": result.added, "merged": result.merged})


@router.get("/interviews/{interview_id}/pack.pdf", response={200: None})
def interview_pack(request, interview_id: int):
    interview = get_owned_or_404(
        Interview.objects.select_related("application__organisation"),
        request.auth,
        pk=interview_id,
    )
    return pack_response(interview)

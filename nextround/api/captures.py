"""Notes made straight after an interview, sent from the phone (often later, once online)."""

from __future__ import annotations

import base64
import binascii
import datetime
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from ninja import Field, Router, Schema, Status

from nextround.api.fields import Date, DateTime, Payload, RecordId
from nextround.captures.capturing import Cost, Note, save_capture
from nextround.captures.models import Capture
from nextround.core.currencies import DEFAULT_CURRENCY
from nextround.expenses.models import ExpenseCategory

router = Router(tags=["captures"])

# A list answers with the latest notes only: they are receipts, not the records themselves.
LATEST = 100


class NoteCostIn(Payload):
    category: ExpenseCategory = ExpenseCategory.TRAIN
    description: str = Field("", max_length=200)
    amount: str = Field(
        ..., pattern=r"^\d{1,8}(\.\d{1,2})?$", description='Money as a decimal string: "12.30".'
    )
    currency: str = Field(DEFAULT_CURRENCY, min_length=1, max_length=10)
    receipt: str | None = Field(
        None, description="The receipt's photo or PDF, base64-encoded (a data: URL is fine too)."
    )
    receipt_name: str = Field("", max_length=200)


class AfterInterviewNoteIn(Payload):
    client_id: uuid.UUID = Field(..., description="Made on the device; a repeat returns 200.")
    interview_id: RecordId | None = None
    organisation: str = Field("", max_length=200)
    role: str = Field("", max_length=200)
    how_it_went: str = Field("", max_length=2000)
    feeling: int | None = Field(None, ge=1, le=5)
    questions: list[str] = Field([], max_length=100)
    unprepared: bool = False
    decision_promised_by: Date | None = None
    noted_at: DateTime | None = None
    costs: list[NoteCostIn] = Field([], max_length=10)


class AfterInterviewNoteOut(Schema):
    id: int
    client_id: uuid.UUID
    interview_id: int | None
    organisation: str = Field(..., alias="organisation_name")
    role: str
    how_it_went: str
    feeling: int | None
    unprepared: bool
    decision_promised_by: datetime.date | None
    question_ids: list[int]
    expense_ids: list[int]
    created_at: datetime.datetime

    @staticmethod
    def resolve_question_ids(capture: Capture) -> list[int]:
        return sorted(question.pk for question in capture.questions.all())

    @staticmethod
    def resolve_expense_ids(capture: Capture) -> list[int]:
        return sorted(expense.pk for expense in capture.expenses.all())


def _receipt(text: str | None) -> bytes | None:
    if text is None or text == "":
        return None
    if text.startswith("data:"):
        text = text.partition(",")[2]
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError({"receipt": "The receipt is not base64-encoded."}) from None


@router.post("/captures", response={200: AfterInterviewNoteOut, 201: AfterInterviewNoteOut})
def create_capture(request, payload: AfterInterviewNoteIn):
    """Keep a note made straight after an interview: 201 the first time, 200 on a repeat.

    Give ``interview_id``, or ``organisation`` and ``role`` (a recent
    interview there is found, or one is made for the day of ``noted_at``).
    ``questions`` join the bank (near-duplicates merged), the promised date
    goes onto the interview, and ``costs`` become expenses.
    """
    note = Note(
        client_id=payload.client_id,
        interview_id=payload.interview_id,
        organisation=payload.organisation,
        role=payload.role,
        how_it_went=payload.how_it_went,
        feeling=payload.feeling,
        questions=payload.questions,
        unprepared=payload.unprepared,
        decision_promised_by=payload.decision_promised_by,
        noted_at=payload.noted_at,
        costs=[
            Cost(
                amount=Decimal(cost.amount),
                category=cost.category,
                currency=cost.currency,
                description=cost.description,
                receipt=_receipt(cost.receipt),
                receipt_name=cost.receipt_name,
            )
            for cost in payload.costs
        ],
    )
    capture, created = save_capture(request.auth, note)
    return Status(201 if created else 200, capture)


@router.get("/captures", response=list[AfterInterviewNoteOut])
def list_captures(request):
    """The latest notes made after interviews, newest first."""
    return list(
        Capture.objects.for_user(request.auth).prefetch_related("questions", "expenses")[:LATEST]
    )

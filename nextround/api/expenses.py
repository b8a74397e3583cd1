"""Interview expenses over JSON: records, receipts, and the summary per currency."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.urls import reverse
from ninja import Field, File, Router, Schema, Status
from ninja.files import UploadedFile

from nextround.api.errors import owned_or_invalid
from nextround.api.fields import Date, Payload, RecordId, apply_changes
from nextround.api.lists import bounded_list
from nextround.api.uploads import attach_or_refuse
from nextround.core.access import get_owned_or_404, owned
from nextround.core.currencies import DEFAULT_CURRENCY
from nextround.core.uploads import file_response, save_with_file
from nextround.expenses import claims
from nextround.expenses.claims import save_expense
from nextround.expenses.models import ClaimStatus, Expense, ExpenseCategory
from nextround.expenses.summary import summarise
from nextround.jobs.models import Interview

router = Router(tags=["expenses"])

PENNY = Decimal("0.01")


def money(value: Decimal) -> str:
    """Money as a decimal string with exactly two places: ``"12.30"``."""
    return str(Decimal(value).quantize(PENNY))


class ExpenseIn(Payload):
    interview_id: RecordId
    category: ExpenseCategory = ExpenseCategory.OTHER
    description: str = Field("", max_length=200)
    amount: Decimal = Field(..., gt=0, max_digits=10, decimal_places=2)
    currency: str = Field(DEFAULT_CURRENCY, min_length=1, max_length=10)
    claim_status: ClaimStatus = ClaimStatus.NOT_ASKED
    asked_on: Date | None = None
    paid_on: Date | None = None
    amount_paid: Decimal = Field(Decimal("0.00"), ge=0, max_digits=10, decimal_places=2)


class ExpensePatch(Payload):
    interview_id: RecordId | None = None
    category: ExpenseCategory | None = None
    description: str | None = Field(None, max_length=200)
    amount: Decimal | None = Field(None, gt=0, max_digits=10, decimal_places=2)
    currency: str | None = Field(None, min_length=1, max_length=10)
    claim_status: ClaimStatus | None = None
    asked_on: Date | None = None
    paid_on: Date | None = None
    amount_paid: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)


class ExpenseOut(Schema):
    id: int
    interview_id: RecordId
    category: str
    description: str
    amount: str
    currency: str
    claim_status: str
    asked_on: datetime.date | None
    paid_on: datetime.date | None
    amount_paid: str
    receipt_url: str | None
    created_at: datetime.datetime
    updated_at: datetime.datetime

    @staticmethod
    def resolve_amount(expense: Expense) -> str:
        return money(expense.amount)

    @staticmethod
    def resolve_amount_paid(expense: Expense) -> str:
        return money(expense.amount_paid)

    @staticmethod
    def resolve_receipt_url(expense: Expense, context) -> str | None:
        if not expense.has_file:
            return None
        return context["request"].build_absolute_uri(
            reverse("api:expense_receipt", args=[expense.pk])
        )


class SummaryOut(Schema):
    currency: str
    spent: str
    recovered: str
    outstanding: str
    unclaimed: str
    asked: int
    paid: int
    refused: int


# Fields that must keep a value: null for them is a fault in the payload.
_REQUIRED = ("interview_id", "category", "amount", "currency", "claim_status", "amount_paid")


@router.get("/expenses", response=list[ExpenseOut])
@bounded_list
def list_expenses(request, interview_id: RecordId | None = None):
    expenses = owned(Expense, request.auth)
    if interview_id is not None:
        expenses = expenses.filter(interview_id=interview_id)
    return expenses


@router.post("/expenses", response={201: ExpenseOut})
def create_expense(request, payload: ExpenseIn):
    data = payload.dict()
    interview = owned_or_invalid(Interview, request.auth, data.pop("interview_id"), "interview_id")
    expense = Expense(owner=request.auth, interview=interview, **data)
    return Status(201, save_expense(expense))


@router.get("/expenses/summary", response=list[SummaryOut])
def expense_summary(request):
    """One object per currency: spent, recovered, outstanding (asked, no answer yet),
    unclaimed (not asked), and how many organisations were asked, paid and refused."""
    return [
        {
            "currency": line.currency,
            "spent": money(line.spent),
            "recovered": money(line.recovered),
            "outstanding": money(line.outstanding),
            "unclaimed": money(line.unclaimed),
            "asked": line.asked,
            "paid": line.paid,
            "refused": line.refused,
        }
        for line in summarise(request.auth)
    ]


@router.get("/expenses/{expense_id}", response=ExpenseOut)
def get_expense(request, expense_id: int):
    return get_owned_or_404(Expense, request.auth, pk=expense_id)


@router.patch("/expenses/{expense_id}", response=ExpenseOut)
def update_expense(request, expense_id: int, payload: ExpensePatch):
    expense = get_owned_or_404(Expense, request.auth, pk=expense_id)
    changes = payload.dict(exclude_unset=True)
    if changes.get("interview_id") is not None:
        expense.interview = owned_or_invalid(
            Interview, request.auth, changes.pop("interview_id"), "interview_id"
        )
    apply_changes(expense, changes, required=_REQUIRED)
    return save_expense(expense)


@router.delete("/expenses/{expense_id}", response={204: None})
def delete_expense(request, expense_id: int):
    claims.delete_expense(get_owned_or_404(Expense, request.auth, pk=expense_id))
    return Status(204, None)


@router.post("/expenses/{expense_id}/receipt", response={200: ExpenseOut})
def upload_receipt(request, expense_id: int, file: File[UploadedFile | None] = None):
    """Attach the receipt (field ``file``): PNG, JPEG, WebP, GIF or PDF.

    413 if it is too large, 415 if its content is not one of those kinds.
    """
    expense = get_owned_or_404(Expense, request.auth, pk=expense_id)
    # Whose record comes first: someone else's is 404 whatever was sent.
    return attach_or_refuse(expense, file) or expense


@router.get("/expenses/{expense_id}/receipt", url_name="expense_receipt")
def download_receipt(request, expense_id: int):
    return file_response(get_owned_or_404(Expense, request.auth, pk=expense_id))


@router.delete("/expenses/{expense_id}/receipt", response={204: None})
def delete_receipt(request, expense_id: int):
    expense = get_owned_or_404(Expense, request.auth, pk=expense_id)
    save_with_file(expense, remove=True)
    return Status(204, None)

"""Claiming expenses back: the web form, the API and the JSON import store and refuse alike."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from nextround.expenses.models import ClaimStatus, Expense
from nextround.playbook.models import ActionKind, ActionStatus
from tests.expenses.factories import ExpenseFactory
from tests.factories import InterviewFactory
from tests.playbook.factories import ActionFactory
from tests.workflows.doors import api_refusal, json_import, web_refusal

pytestmark = pytest.mark.django_db

# Today is 2 March 2026 (tests/workflows/conftest.py).
CLAIM_FIELDS = ("claim_status", "amount_paid", "asked_on", "paid_on")


def _stored(expense: Expense) -> tuple:
    return tuple(getattr(expense, name) for name in CLAIM_FIELDS)


def web_form(user, user_client, api, expense, claim):
    data = {
        "interview": expense.interview_id,
        "category": expense.category,
        "description": expense.description,
        "amount": str(expense.amount),
        "currency": expense.currency,
        "claim_status": "not_asked",
        "amount_paid": "0",
        "asked_on": "",
        "paid_on": "",
        **claim,
    }
    response = user_client.post(reverse("expenses:expense_edit", args=[expense.pk]), data)
    if response.status_code == 302:
        return "stored", _stored(Expense.objects.get(pk=expense.pk))
    return web_refusal(response)


def api_patch(user, user_client, api, expense, claim):
    response = api.patch(f"/api/v1/expenses/{expense.pk}", claim)
    if response.status_code == 200:
        return "stored", _stored(Expense.objects.get(pk=expense.pk))
    return api_refusal(response)


def import_document(user, user_client, api, expense, claim):
    """The account's own export, with the claim changed, loaded back as a second copy."""
    document = api.get("/api/v1/export").json()
    (record,) = document["data"]["expenses.expense"]
    record.update(claim)
    # Without its lasting identity the expense is a new record; the rest of
    # the account is already there and is left as it is.
    record.pop("uid", None)
    answer = json_import(api, document)
    if answer[0] == "refused":
        return answer
    return "stored", _stored(Expense.objects.filter(owner=user).exclude(pk=expense.pk).get())


DOORS = [web_form, api_patch, import_document]


def _expense(user) -> Expense:
    return ExpenseFactory(owner=user, amount=Decimal("40.00"), currency="GBP")


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("claim", "stored"),
    [
        (
            {"claim_status": "asked", "asked_on": "2026-02-10"},
            ("asked", Decimal("0.00"), datetime.date(2026, 2, 10), None),
        ),
        (
            # "Paid" with nothing entered means paid in full.
            {"claim_status": "paid", "asked_on": "2026-02-10", "paid_on": "2026-02-20"},
            ("paid", Decimal("40.00"), datetime.date(2026, 2, 10), datetime.date(2026, 2, 20)),
        ),
        (
            {"claim_status": "part_paid", "amount_paid": "12.50", "paid_on": "2026-03-02"},
            ("part_paid", Decimal("12.50"), None, datetime.date(2026, 3, 2)),
        ),
        (
            {"claim_status": "refused", "asked_on": "2026-01-31"},
            ("refused", Decimal("0.00"), datetime.date(2026, 1, 31), None),
        ),
    ],
    ids=["asked", "paid-in-full", "part-paid", "refused"],
)
def test_every_door_stores_the_same_claim(door, claim, stored, user, user_client, api):
    expense = _expense(user)
    assert door(user, user_client, api, expense, claim) == ("stored", stored)


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("claim", "field"),
    [
        ({"claim_status": "part_paid", "amount_paid": "40.01"}, "amount_paid"),
        ({"claim_status": "part_paid", "amount_paid": "0"}, "amount_paid"),
        ({"claim_status": "paid", "amount_paid": "39.00"}, "amount_paid"),
        ({"claim_status": "asked", "amount_paid": "5.00"}, "amount_paid"),
        (
            {"claim_status": "paid", "asked_on": "2026-02-10", "paid_on": "2026-02-09"},
            "paid_on",
        ),
        ({"claim_status": "asked", "asked_on": "2026-03-10"}, "asked_on"),
        ({"claim_status": "paid", "paid_on": "2026-04-01"}, "paid_on"),
        ({"claim_status": "asked", "asked_on": "1899-12-31"}, "asked_on"),
        ({"claim_status": "paid", "paid_on": "3000-01-01"}, "paid_on"),
        ({"claim_status": "not_asked", "asked_on": "2026-02-10"}, "asked_on"),
        ({"claim_status": "asked", "paid_on": "2026-02-10"}, "paid_on"),
        ({"claim_status": "asked", "currency": "XYZ"}, "currency"),
    ],
    ids=[
        "more-than-spent",
        "part-paid-nothing",
        "paid-less-than-all",
        "paid-amount-when-only-asked",
        "paid-before-asked",
        "asked-in-the-future",
        "paid-in-the-future",
        "year-too-early",
        "year-too-late",
        "asked-date-not-asked",
        "paid-date-not-paid",
        "not-a-currency",
    ],
)
def test_every_door_refuses_the_same_claim_naming_the_field(
    door, claim, field, user, user_client, api
):
    expense = _expense(user)
    before = _stored(expense)
    assert door(user, user_client, api, expense, claim) == ("refused", {field})
    assert [_stored(e) for e in Expense.objects.filter(owner=user)] == [before]


@pytest.mark.parametrize("door", [web_form, api_patch])
def test_asking_for_the_last_expense_finishes_the_plans_claim_step(door, user, user_client, api):
    interview = InterviewFactory(owner=user)
    first = ExpenseFactory(owner=user, interview=interview, amount=Decimal("40.00"))
    second = ExpenseFactory(owner=user, interview=interview, amount=Decimal("8.00"))
    step = ActionFactory(
        owner=user,
        kind=ActionKind.CLAIM_EXPENSES,
        application=interview.application,
        interview=interview,
    )
    asked = {"claim_status": "asked", "asked_on": "2026-03-01"}
    assert door(user, user_client, api, first, asked)[0] == "stored"
    step.refresh_from_db()
    assert step.status == ActionStatus.OPEN, "one expense is still to ask for"
    assert door(user, user_client, api, second, asked)[0] == "stored"
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_the_claim_page_marks_asked_through_the_same_rules(user, user_client):
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview)
    step = ActionFactory(
        owner=user,
        kind=ActionKind.CLAIM_EXPENSES,
        application=interview.application,
        interview=interview,
    )
    user_client.post(reverse("expenses:claim_asked", args=[interview.pk]))
    expense = Expense.objects.get(owner=user)
    assert (expense.claim_status, expense.asked_on) == (
        ClaimStatus.ASKED,
        datetime.date(2026, 3, 2),
    )
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_marking_asked_over_an_expense_that_breaks_the_rules_changes_nothing(user, user_client):
    interview = InterviewFactory(owner=user)
    # Saved before the rules held: an amount paid on a claim never asked.
    broken = ExpenseFactory(owner=user, interview=interview)
    Expense.objects.filter(pk=broken.pk).update(amount_paid=Decimal("3.00"))
    response = user_client.post(reverse("expenses:claim_asked", args=[interview.pk]), follow=True)
    assert "Nothing was marked" in response.content.decode()
    broken.refresh_from_db()
    assert broken.claim_status == ClaimStatus.NOT_ASKED

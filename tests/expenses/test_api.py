"""Expenses over the API: decimal strings, real currencies, receipts, the summary."""

from django.test import Client

from nextround.accounts.models import ApiToken
from nextround.expenses.models import Expense
from tests.expenses.factories import ExpenseFactory
from tests.factories import InterviewFactory
from tests.uploads.samples import HTML, image_bytes, noisy_png, upload


def post_receipt(user, expense_id, content, name):
    _, token = ApiToken.issue(user, "files")
    return Client().post(
        f"/api/v1/expenses/{expense_id}/receipt",
        {"file": upload(content, name)},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_it_creates_an_expense_with_money_as_decimal_strings(user, api):
    interview = InterviewFactory(owner=user)
    response = api.post(
        "/api/v1/expenses",
        {"interview_id": interview.pk, "category": "train", "amount": "12.3", "currency": "EUR"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["amount"] == "12.30"
    assert body["amount_paid"] == "0.00"
    assert body["currency"] == "EUR"
    assert body["claim_status"] == "not_asked"
    assert api.get(f"/api/v1/expenses/{body['id']}").json()["amount"] == "12.30"


def test_the_currency_defaults_to_pounds(user, api):
    interview = InterviewFactory(owner=user)
    body = api.post("/api/v1/expenses", {"interview_id": interview.pk, "amount": "4.00"}).json()
    assert body["currency"] == "GBP"


def test_it_names_the_problem(user, api, other_user):
    interview = InterviewFactory(owner=user)
    cases = [
        ({"amount": "-1.00"}, "amount"),
        ({"amount": "1.234"}, "amount"),
        ({"currency": "ABC"}, "currency"),
        ({"claim_status": "maybe"}, "claim_status"),
        ({"interview_id": InterviewFactory(owner=other_user).pk}, "interview_id"),
    ]
    for change, field in cases:
        payload = {"interview_id": interview.pk, "amount": "5.00", **change}
        response = api.post("/api/v1/expenses", payload)
        assert response.status_code == 422, (change, response.content)
        assert field in response.content.decode(), change
    assert not Expense.objects.exists()


def test_it_updates_the_claim(user, api):
    expense = ExpenseFactory(owner=user)
    response = api.patch(
        f"/api/v1/expenses/{expense.pk}",
        {"claim_status": "part_paid", "amount_paid": "10.00", "asked_on": "2026-11-01"},
    )
    assert response.status_code == 200, response.content
    assert response.json()["amount_paid"] == "10.00"
    too_much = api.patch(f"/api/v1/expenses/{expense.pk}", {"amount_paid": "999.00"})
    assert too_much.status_code == 422
    assert "amount_paid" in too_much.content.decode()


def test_the_summary_is_a_list_per_currency(user, api):
    ExpenseFactory(
        owner=user, amount="10.10", currency="GBP", claim_status="paid", amount_paid="10.10"
    )
    ExpenseFactory(owner=user, amount="0.20", currency="GBP", claim_status="asked")
    ExpenseFactory(owner=user, amount="7.00", currency="EUR", claim_status="refused")
    summary = {line["currency"]: line for line in api.get("/api/v1/expenses/summary").json()}
    assert summary["GBP"] == {
        "currency": "GBP",
        "spent": "10.30",
        "recovered": "10.10",
        "outstanding": "0.20",
        "unclaimed": "0.00",
        "asked": 2,
        "paid": 1,
        "refused": 0,
    }
    assert summary["EUR"]["refused"] == 1
    assert summary["EUR"]["spent"] == "7.00"


def test_it_takes_a_receipt_and_refuses_impostors(user, api, settings):
    expense = ExpenseFactory(owner=user)
    assert post_receipt(user, expense.pk, HTML, "receipt.pdf").status_code == 415
    settings.UPLOAD_MAX_BYTES = 1000
    assert post_receipt(user, expense.pk, noisy_png(), "receipt.png").status_code == 413
    settings.UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    response = post_receipt(user, expense.pk, image_bytes("PNG"), "receipt.png")
    assert response.status_code == 200
    url = response.json()["receipt_url"]
    assert url.endswith(f"/api/v1/expenses/{expense.pk}/receipt")
    served = api.get(f"/api/v1/expenses/{expense.pk}/receipt")
    # Read to the end, not close(): that would drop the PostgreSQL test connection.
    b"".join(served.streaming_content)
    assert served["Content-Type"] == "image/png"


def test_another_users_expense_and_receipt_are_404(user, api, other_user):
    theirs = ExpenseFactory(owner=other_user)
    post_receipt(other_user, theirs.pk, image_bytes("PNG"), "r.png")
    assert api.get(f"/api/v1/expenses/{theirs.pk}").status_code == 404
    assert api.get(f"/api/v1/expenses/{theirs.pk}/receipt").status_code == 404
    assert api.patch(f"/api/v1/expenses/{theirs.pk}", {"amount": "1.00"}).status_code == 404
    assert api.delete(f"/api/v1/expenses/{theirs.pk}").status_code == 404
    assert post_receipt(user, theirs.pk, image_bytes("PNG"), "r.png").status_code == 404
    assert api.get("/api/v1/expenses").json() == []
    assert api.get("/api/v1/expenses/summary").json() == []

"""Expense pages: add with a receipt, the summary, the claim, only your own."""

import datetime
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from django.urls import reverse

from nextround.core.uploads import private_storage
from nextround.expenses.models import ClaimStatus, Expense
from nextround.playbook.models import ActionKind, ActionStatus
from tests.expenses.factories import ExpenseFactory
from tests.factories import ContactFactory, InterviewFactory
from tests.playbook.factories import ActionFactory
from tests.uploads.samples import HTML, image_bytes, upload


def expense_data(interview, **more):
    return {
        "interview": interview.pk,
        "category": "train",
        "description": "Return ticket",
        "amount": "23.40",
        "currency": "GBP",
        "claim_status": "not_asked",
        "amount_paid": "0",
        **more,
    }


def test_it_adds_an_expense_with_a_receipt(user, user_client):
    interview = InterviewFactory(owner=user)
    response = user_client.post(
        reverse("expenses:expense_create"),
        expense_data(interview, receipt=upload(image_bytes("JPEG"), "ticket.jpg")),
    )
    assert response.status_code == 302
    expense = Expense.objects.get(owner=user)
    assert expense.amount == Decimal("23.40")
    assert expense.has_image
    served = user_client.get(reverse("expenses:receipt", args=[expense.pk]))
    # Read to the end, not close(): that would drop the PostgreSQL test connection.
    b"".join(served.streaming_content)
    assert served["Content-Type"] == "image/jpeg"
    assert served["X-Content-Type-Options"] == "nosniff"


def test_a_bad_receipt_is_explained_and_nothing_is_saved(user, user_client):
    interview = InterviewFactory(owner=user)
    response = user_client.post(
        reverse("expenses:expense_create"),
        expense_data(interview, receipt=upload(HTML, "receipt.png", "image/png")),
    )
    assert response.status_code == 200
    assert b'id="id_receipt_error"' in response.content
    assert not Expense.objects.exists()


def test_bad_money_is_explained_beside_its_field(user, user_client):
    interview = InterviewFactory(owner=user)
    response = user_client.post(
        reverse("expenses:expense_create"), expense_data(interview, amount="-3", currency="ZZZ")
    )
    assert b'id="id_amount_error"' in response.content
    assert b'id="id_currency_error"' in response.content
    assert not Expense.objects.exists()


def test_another_users_interview_cannot_be_chosen(user, user_client, other_user):
    InterviewFactory(owner=user)
    theirs = InterviewFactory(owner=other_user)
    response = user_client.post(reverse("expenses:expense_create"), expense_data(theirs))
    assert b'id="id_interview_error"' in response.content
    assert not Expense.objects.exists()


def test_the_list_shows_the_summary_and_the_rule_of_thumb(user, user_client):
    ExpenseFactory(owner=user, amount=Decimal("12.30"), currency="GBP")
    ExpenseFactory(owner=user, amount=Decimal("40.00"), currency="EUR")
    content = user_client.get(reverse("expenses:expenses")).content.decode()
    assert "12.30 GBP" in content
    assert "40.00 EUR" in content
    assert "Between a third and a half of employers" in content


def test_the_list_keeps_its_queries_flat(user, user_client, django_assert_max_num_queries):
    ExpenseFactory.create_batch(2, owner=user)
    with django_assert_max_num_queries(8):
        user_client.get(reverse("expenses:expenses"))
    ExpenseFactory.create_batch(20, owner=user)
    with django_assert_max_num_queries(8):
        user_client.get(reverse("expenses:expenses"))


def test_the_claim_is_drafted_with_every_item(user, user_client):
    interview = InterviewFactory(owner=user, application__role="Archive assistant")
    interview.panel.add(ContactFactory(owner=user, name="Glyn Marwood", email="glyn@example.org"))
    ExpenseFactory(owner=user, interview=interview, category="train", amount=Decimal("23.40"))
    ExpenseFactory(
        owner=user, interview=interview, category="parking", description="", amount=Decimal("4.60")
    )
    response = user_client.get(reverse("expenses:claim", args=[interview.pk]))
    content = response.content.decode()
    assert "Dear Glyn Marwood," in content
    assert "- Train (Return ticket): 23.40 GBP" in content
    assert "- Parking: 4.60 GBP" in content
    assert "Total: 28.00 GBP." in content
    assert 'href="mailto:glyn@example.org?subject=' in content


def test_sending_the_edited_claim_opens_the_email_app(user, user_client):
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview)
    response = user_client.get(
        reverse("expenses:claim_send", args=[interview.pk]),
        {"to": "hr@example.org", "subject": "Travel & parking", "body": "Line one\nLine two"},
    )
    assert response.status_code == 302
    link = urlsplit(response["Location"])
    assert link.scheme == "mailto"
    assert link.path == "hr@example.org"
    assert parse_qs(link.query) == {"subject": ["Travel & parking"], "body": ["Line one\nLine two"]}


def test_marking_asked_moves_the_claim_on_and_finishes_the_plan_step(user, user_client):
    interview = InterviewFactory(owner=user)
    ExpenseFactory(owner=user, interview=interview)
    ExpenseFactory(owner=user, interview=interview, claim_status=ClaimStatus.PAID)
    step = ActionFactory(
        owner=user,
        kind=ActionKind.CLAIM_EXPENSES,
        application=interview.application,
        interview=interview,
    )
    response = user_client.post(reverse("expenses:claim_asked", args=[interview.pk]))
    assert response.status_code == 302
    statuses = sorted(Expense.objects.values_list("claim_status", flat=True))
    assert statuses == ["asked", "paid"]
    assert Expense.objects.get(claim_status="asked").asked_on == datetime.date.today()
    step.refresh_from_db()
    assert step.status == ActionStatus.DONE


def test_marking_asked_leaves_another_interviews_step_open(user, user_client):
    interview = InterviewFactory(owner=user)
    second = InterviewFactory(owner=user, application=interview.application)
    ExpenseFactory(owner=user, interview=interview)
    other_step = ActionFactory(
        owner=user,
        kind=ActionKind.CLAIM_EXPENSES,
        application=interview.application,
        interview=second,
    )
    user_client.post(reverse("expenses:claim_asked", args=[interview.pk]))
    other_step.refresh_from_db()
    assert other_step.status == ActionStatus.OPEN


def test_it_deletes_an_expense_and_its_receipt(
    user, user_client, django_capture_on_commit_callbacks
):
    interview = InterviewFactory(owner=user)
    user_client.post(
        reverse("expenses:expense_create"),
        expense_data(interview, receipt=upload(image_bytes("PNG"), "r.png")),
    )
    expense = Expense.objects.get(owner=user)
    with django_capture_on_commit_callbacks(execute=True):
        user_client.post(reverse("expenses:expense_delete", args=[expense.pk]))
    assert not Expense.objects.exists()
    assert not private_storage.exists(expense.file.name)


def test_another_users_expense_receipt_and_claim_are_not_found(user_client, other_user, client_for):
    interview = InterviewFactory(owner=other_user)
    client_for(other_user).post(
        reverse("expenses:expense_create"),
        expense_data(interview, receipt=upload(image_bytes("PNG"), "r.png")),
    )
    expense = Expense.objects.get(owner=other_user)
    for name, arg in (
        ("expenses:expense_edit", expense.pk),
        ("expenses:expense_delete", expense.pk),
        ("expenses:receipt", expense.pk),
        ("expenses:claim", interview.pk),
        ("expenses:claim_send", interview.pk),
    ):
        assert user_client.get(reverse(name, args=[arg])).status_code == 404, name
    assert user_client.post(reverse("expenses:claim_asked", args=[interview.pk])).status_code == 404
    assert (
        user_client.post(reverse("expenses:expense_delete", args=[expense.pk])).status_code == 404
    )
    assert Expense.objects.get(pk=expense.pk).claim_status == ClaimStatus.NOT_ASKED

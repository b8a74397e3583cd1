"""Happy-box files and receipts travel with an export, as copies of their own."""

from django.urls import reverse

from nextround.core.uploads import private_storage
from nextround.expenses.models import Expense
from nextround.happybox.models import HappyItem
from nextround.home.portability import export_user, import_user
from tests.factories import InterviewFactory
from tests.uploads.samples import image_bytes, pdf_bytes, upload


def read(path: str) -> bytes:
    with private_storage.open(path) as handle:
        return handle.read()


def test_files_round_trip_into_another_account(
    user, other_user, client_for, django_capture_on_commit_callbacks
):
    client = client_for(user)
    client.post(
        reverse("happybox:item_create"),
        {
            "kind": "photo",
            "title": "Open day",
            "happened_on": "2026-06-01",
            "file": upload(image_bytes("PNG"), "a.png"),
        },
    )
    client.post(
        reverse("expenses:expense_create"),
        {
            "interview": InterviewFactory(owner=user).pk,
            "category": "train",
            "amount": "12.30",
            "currency": "GBP",
            "claim_status": "not_asked",
            "amount_paid": "0",
            "receipt": upload(pdf_bytes(), "ticket.pdf"),
        },
    )
    import_user(other_user, export_user(user))
    original, copy = HappyItem.objects.get(owner=user), HappyItem.objects.get(owner=other_user)
    assert copy.file.name != original.file.name
    assert read(copy.file.name) == read(original.file.name)
    assert copy.file_type == "image/png"
    receipt = Expense.objects.get(owner=other_user)
    assert str(receipt.amount) == "12.30"
    assert receipt.file_type == "application/pdf"
    with django_capture_on_commit_callbacks(execute=True):
        original.delete()
    assert private_storage.exists(copy.file.name)

"""Importing a .vcf: preview first, row-level errors, duplicates as skips, all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nextround.jobs.models import Organisation
from nextround.network.models import Contact
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

GOOD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hana Example\r\nORG:Quay Archive\r\n"
    "EMAIL:hana@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Olu Example\r\nEMAIL:olu@example.org\r\nEND:VCARD\r\n"
)


def upload(client, text: str | bytes, name="contacts.vcf"):
    data = text.encode() if isinstance(text, str) else text
    return client.post(reverse("network:contacts_import"), {"file": SimpleUploadedFile(name, data)})


def test_the_upload_shows_a_preview_and_saves_nothing(user, user_client):
    response = upload(user_client, GOOD)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Hana Example" in body and "Olu Example" in body
    assert "New organisation to be added: Quay Archive." in body
    assert not Contact.objects.exists()


def test_confirming_imports_every_new_card(user, user_client):
    response = user_client.post(reverse("network:contacts_import"), {"vcard": GOOD}, follow=True)
    assert "Imported 2 contacts." in response.content.decode()
    hana = Contact.objects.get(owner=user, name="Hana Example")
    assert hana.organisation.name == "Quay Archive"
    assert Organisation.objects.get(owner=user).name == "Quay Archive"


def test_duplicates_by_email_or_name_are_skipped_unless_ticked(user, user_client):
    ContactFactory(owner=user, name="Someone Else", email="HANA@example.org")
    ContactFactory(owner=user, name="olu  example")
    response = upload(user_client, GOOD)
    assert response.context["duplicate_count"] == 2
    assert "already there as Someone Else" in response.content.decode()
    response = user_client.post(
        reverse("network:contacts_import"), {"vcard": GOOD, "include": ["2"]}, follow=True
    )
    assert "Imported 1 contact, skipped 1 already in your contacts." in response.content.decode()
    assert Contact.objects.filter(owner=user, name="Olu Example").exists()
    assert not Contact.objects.filter(owner=user, name="Hana Example").exists()


def test_a_file_with_a_bad_card_names_it_and_imports_nothing(user, user_client):
    bad = GOOD + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed\r\nEMAIL:zed-at-nowhere\r\nEND:VCARD\r\n"
    response = upload(user_client, bad)
    body = response.content.decode()
    assert "Cannot be read" in body
    assert "The email &#x27;zed-at-nowhere&#x27; is not an address." in body
    assert "Import</button>" not in body
    response = user_client.post(reverse("network:contacts_import"), {"vcard": bad})
    assert "Nothing was imported" in response.content.decode()
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8 text"),
        (b"name,email\nA,a@example.org\n", "not a vCard"),
        (b"BEGIN:VCARD\nFN:Open\n", "has no END:VCARD"),
    ],
)
def test_a_file_that_is_not_a_vcard_is_refused_beside_the_field(user_client, data, message):
    response = upload(user_client, data)
    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert message in error
    assert not Contact.objects.exists()


def test_exporting_one_or_all_contacts_downloads_vcf(user, user_client):
    one = ContactFactory(owner=user, name="Ola Example")
    ContactFactory(owner=user, name="Pip Example")
    response = user_client.get(reverse("network:contact_vcard", args=[one.pk]))
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ola-example.vcf"'
    assert response.content.decode().count("BEGIN:VCARD") == 1
    response = user_client.get(reverse("network:contacts_vcard"))
    assert response.content.decode().count("BEGIN:VCARD") == 2
    response = user_client.get(reverse("network:contacts_vcard"), {"q": "Pip"})
    assert response.content.decode().count("BEGIN:VCARD") == 1


def test_a_card_repeated_within_the_file_is_offered_as_a_skip(user):
    from nextround.network.importing import RowStatus, plan_import

    twice = (
        GOOD
        + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:H. Example\r\nEMAIL:Hana@Example.org\r\nEND:VCARD\r\n"
    )
    plan = plan_import(user, twice)
    assert [row.status for row in plan.rows] == [RowStatus.NEW, RowStatus.NEW, RowStatus.DUPLICATE]
    assert plan.rows[2].duplicate_of == "Hana Example"

"""The contacts flow in a real browser: log an interaction, mark a connection,
edit the note, export and import, with axe on every page."""

from __future__ import annotations

import re

from nextround.network.models import Contact, Interaction
from tests.browser.accessibility import assert_accessible
from tests.factories import ContactFactory, InterviewFactory

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wren Example\r\nTITLE:Conservator\r\n"
    "EMAIL:wren@example.org\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Panel Person\r\nEND:VCARD\r\n"
)


def test_keeping_in_touch_with_a_panel_member(logged_in_page, user):
    contact = ContactFactory(owner=user, name="Panel Person", role="Head of Learning")
    InterviewFactory(owner=user, stage="Second interview").panel.add(contact)
    page = logged_in_page

    page.goto("/contacts/")
    assert_accessible(page)
    page.get_by_role("link", name="Panel Person").click()
    page.get_by_role("heading", level=1, name="Panel Person").wait_for()
    assert_accessible(page)

    # Log an interaction: htmx swaps the section in place.
    section = page.locator("#keeping-in-touch")
    section.get_by_label("Date").fill("2026-02-03")
    section.get_by_label("How").select_option("meeting")
    section.get_by_label("What about").fill("Tea after the open day")
    section.get_by_role("button", name="Log it").click()
    page.locator(".timeline").get_by_text("Tea after the open day").wait_for()
    assert section.get_by_text("3 February 2026").first.is_visible()
    assert Interaction.objects.filter(contact=contact).count() == 1
    assert_accessible(page)

    # Mark LinkedIn requested in one click.
    page.get_by_role("button", name="Requested on LinkedIn").click()
    # The button for the state it is now in goes away once htmx has swapped.
    page.get_by_role("button", name="Requested on LinkedIn").wait_for(state="detached")
    contact.refresh_from_db()
    assert contact.connections == {"linkedin": "requested"}

    # The one drafted note: the count follows typing, saving keeps it.
    note = page.get_by_role("textbox", name="Your note")
    assert "thank you for your time on the panel" in note.input_value()
    note.fill("Thank you for Tuesday.")
    assert page.locator("#id_note_count").inner_text().startswith("22 of 300")
    page.get_by_role("button", name="Save the note").click()
    page.get_by_text("Note saved.").wait_for()
    contact.refresh_from_db()
    assert contact.connection_notes == {"linkedin": "Thank you for Tuesday."}
    assert_accessible(page)


def test_importing_a_vcard_with_a_preview(logged_in_page, user, tmp_path):
    ContactFactory(owner=user, name="Panel Person")
    upload = tmp_path / "contacts.vcf"
    upload.write_text(VCARD, encoding="utf-8")
    page = logged_in_page

    page.goto("/contacts/")
    page.get_by_role("link", name="Import from vCard").click()
    assert_accessible(page)
    page.get_by_label("vCard file (.vcf)").set_input_files(str(upload))
    page.get_by_role("button", name="Preview").click()
    page.get_by_role("heading", name="Check the import").wait_for()
    assert page.get_by_text("already there as Panel Person").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Import").click()
    page.get_by_text("Imported 1 contact, skipped 1 already in your contacts.").wait_for()
    assert_accessible(page)
    assert sorted(Contact.objects.filter(owner=user).values_list("name", flat=True)) == [
        "Panel Person",
        "Wren Example",
    ]
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Export all as vCard")).click()
    assert download.value.suggested_filename == "contacts.vcf"

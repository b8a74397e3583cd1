"""vCard out and in: escaping, folding, the formats other address books write."""

from __future__ import annotations

import pytest

from nextround.network.importing import RowStatus, apply_import, plan_import
from nextround.network.models import Contact
from nextround.network.vcard import (
    NotAVCard,
    contacts_to_vcard,
    escape_text,
    fold_line,
    parse_vcards,
    unescape_text,
)
from tests.factories import ContactFactory, OrganisationFactory, UserFactory


def card_facts(contact: Contact) -> tuple:
    return (
        contact.name,
        contact.role,
        contact.organisation.name if contact.organisation else "",
        contact.email,
        contact.links,
        contact.notes,
    )


def test_it_escapes_commas_semicolons_backslashes_and_line_breaks():
    text = "Archive; Library, and\\ more\nsecond line"
    assert escape_text(text) == "Archive\\; Library\\, and\\\\ more\\nsecond line"
    assert unescape_text(escape_text(text)) == text


def test_it_folds_long_lines_at_75_octets_without_splitting_a_character():
    line = "NOTE:" + "é" * 100
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:])]) == line


def test_it_writes_vcard_3_with_crlf_line_ends(user):
    organisation = OrganisationFactory(owner=user, name="Harbour, Dock; Museum")
    contact = ContactFactory(
        owner=user,
        name="Morgan Quill",
        role="Keeper of Prints",
        organisation=organisation,
        email="morgan@example.org",
        links={"linkedin": "https://www.linkedin.com/in/mquill"},
    )
    text = contacts_to_vcard([contact])
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n")
    assert "\r\nFN:Morgan Quill\r\n" in text
    assert "\r\nN:Quill;Morgan;;;\r\n" in text
    assert "\r\nORG:Harbour\\, Dock\\; Museum\r\n" in text
    assert "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/mquill" in text
    assert text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_exporting_then_importing_gives_the_same_contacts(user):
    museum = OrganisationFactory(owner=user, name="Old Mill Gallery")
    ContactFactory(
        owner=user,
        name="Ada Lindqvist-Ørsted",
        role="Head of Learning, Outreach; Access",
        organisation=museum,
        email="ada@example.org",
        links={
            "linkedin": "https://www.linkedin.com/in/ada-example",
            "bluesky": "https://bsky.app/profile/ada.example.org",
            "x": "https://x.com/ada_example",
            "mastodon": "https://museum.example.social/@ada",
            "website": "https://ada.example.org/about?a=1,2;b=3",
        },
        notes="Chaired the panel.\nAsked about \\ backslashes, commas; semicolons.\n"
        + "A long line " * 20,
    )
    ContactFactory(owner=user, name="Jun", role="", email="")
    exported = contacts_to_vcard(Contact.objects.filter(owner=user).select_related("organisation"))
    before = sorted(card_facts(c) for c in Contact.objects.filter(owner=user))

    newcomer = UserFactory()
    OrganisationFactory(owner=newcomer, name="Old Mill Gallery")
    plan = plan_import(newcomer, exported)
    assert [row.status for row in plan.rows] == [RowStatus.NEW, RowStatus.NEW]
    apply_import(newcomer, plan)

    after = sorted(card_facts(c) for c in Contact.objects.filter(owner=newcomer))
    assert after == before


def test_it_reads_vcard_4_with_social_profiles_and_preferred_email():
    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Priya Example\nN:Example;Priya;;;\n"
        "EMAIL;TYPE=work:work@example.org\nEMAIL;PREF=1:priya@example.org\n"
        "SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://glam.example/@priya\n"
        "URL:https://www.linkedin.com/in/priya-example\n"
        "item1.URL:https://priya.example.org\nEND:VCARD\n"
    )
    [card] = parse_vcards(text)
    assert card.name == "Priya Example"
    assert card.email == "priya@example.org"
    assert card.links == {
        "mastodon": "https://glam.example/@priya",
        "linkedin": "https://www.linkedin.com/in/priya-example",
        "website": "https://priya.example.org",
    }


def test_it_reads_vcard_2_1_quoted_printable_and_folded_lines():
    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:M=C3=BCller;Lena\r\n"
        "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lena M=C3=BCller\r\n"
        "NOTE;ENCODING=QUOTED-PRINTABLE:Met at the =\r\nopen day\r\n"
        "EMAIL;INTERNET;PREF:lena@example.org\r\nTITLE:Archivist\r\n"
        " and records manager\r\nEND:VCARD\r\n"
    )
    [card] = parse_vcards(text)
    assert card.name == "Lena Müller"
    assert card.notes == "Met at the open day"
    assert card.email == "lena@example.org"
    assert card.role == "Archivistand records manager"


def test_a_card_without_a_name_or_with_a_bad_email_lists_its_faults():
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nEMAIL:nobody@example.org\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Sam\nEMAIL:not-an-address\nURL:javascript:alert(1)\nEND:VCARD\n"
    )
    first, second = parse_vcards(text)
    assert first.errors == ["It has no name (FN or N)."]
    assert "The email 'not-an-address' is not an address." in second.errors
    assert any("is not a web address" in error for error in second.errors)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "just some text\n",
        "BEGIN:VCARD\nFN:Open\n",
        "END:VCARD\n",
        "<html><body>hi</body></html>",
    ],
)
def test_a_file_that_is_not_vcard_is_refused_whole(text):
    with pytest.raises(NotAVCard):
        parse_vcards(text)


def test_it_reads_addresses_escaped_as_text_by_some_address_books():
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ash Example\r\n"
        "item1.URL;type=pref:https\\://ash.example.org/a\\,b\r\n"
        "X-SOCIALPROFILE;type=linkedin:https\\://www.linkedin.com/in/ash\r\nEND:VCARD\r\n"
    )
    [card] = parse_vcards(text)
    assert card.errors == []
    assert card.links == {
        "website": "https://ash.example.org/a,b",
        "linkedin": "https://www.linkedin.com/in/ash",
    }


def test_a_note_with_a_literal_backslash_n_comes_back_as_written():
    # Why escape_text is our own: icalendar's would turn this into a line break.
    text = "Files in C:\\Notes\\New, see \\N"
    assert unescape_text(escape_text(text)) == text


def test_it_reads_cards_with_old_mac_line_ends():
    text = "BEGIN:VCARD\rVERSION:3.0\rFN:Rosa Example\rTITLE:Registrar\rEND:VCARD\r"
    [card] = parse_vcards(text)
    assert (card.name, card.role) == ("Rosa Example", "Registrar")


def test_a_line_without_a_value_is_a_fault_of_its_card():
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Sam\nNOTE\nEND:VCARD\n"
    [card] = parse_vcards(text)
    assert card.errors == ["This line has no value: 'NOTE'"]


def test_quoted_parameters_may_hold_colons_and_semicolons():
    text = (
        'BEGIN:VCARD\nVERSION:4.0\nFN:Kim\nURL;LABEL="a:b;c":https://kim.example.org\nEND:VCARD\n'
    )
    [card] = parse_vcards(text)
    assert card.links == {"website": "https://kim.example.org"}

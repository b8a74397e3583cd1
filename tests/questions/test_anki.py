"""The bank as an Anki deck, checked by importing it with Anki's own library."""

from __future__ import annotations

import datetime
import os

import pytest
import time_machine
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from nextround.questions.anki import FIELDS, DeckDownload, build_apkg
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory
from tests.questions.factories import QuestionFactory


@pytest.fixture
def collection(tmp_path):
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_apkg(collection, data: bytes, path) -> None:
    path.write_bytes(data)
    request = ImportAnkiPackageRequest(
        package_path=str(path),
        # Anki's own defaults: notes are updated only when the incoming one is newer.
        options=ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=True),
    )
    collection.import_anki_package(request)


def notes_by_question(collection) -> dict[str, dict[str, str]]:
    notes = [collection.get_note(note_id) for note_id in collection.find_notes("")]
    return {note["Question"]: dict(note.items()) for note in notes}


@pytest.fixture
def bank(user):
    organisation = OrganisationFactory(owner=user, name="Harbour & Quay Museum")
    interview = InterviewFactory(
        owner=user, application=ApplicationFactory(owner=user, organisation=organisation)
    )
    tricky = QuestionFactory(
        owner=user,
        text="What would you do with <script>alert(1)</script> in a catalogue?",
        star_situation="A volunteer project at a town archive",
        star_action="I wrote a checklist & trained two volunteers",
        answer="Escape it, then ask why.",
        notes="Line one\nLine two",
        tags="cataloguing, data quality",
    )
    tricky.interviews.add(interview)
    plain = QuestionFactory(owner=user, text="Why do you want to work here?", category="motivation")
    return tricky, plain


@pytest.mark.django_db
def test_anki_imports_every_question_with_its_fields(user, bank, collection, tmp_path):
    import_apkg(collection, build_apkg(user), tmp_path / "deck.apkg")

    notes = notes_by_question(collection)
    assert len(notes) == 2
    tricky = notes["What would you do with &lt;script&gt;alert(1)&lt;/script&gt; in a catalogue?"]
    assert list(tricky) == list(FIELDS)
    assert "<dt>Situation</dt><dd>A volunteer project at a town archive</dd>" in tricky["STAR"]
    assert "checklist &amp; trained" in tricky["STAR"]
    assert tricky["Answer"] == "Escape it, then ask why."
    assert tricky["Category"] == "Competency"
    assert tricky["Organisation"] == "Harbour &amp; Quay Museum"
    assert tricky["Notes"] == "Line one<br>Line two"
    assert "<script>" not in "".join(tricky.values())
    assert notes["Why do you want to work here?"]["STAR"] == ""
    assert collection.decks.by_name("Next Round · interview questions") is not None


@pytest.mark.django_db
def test_anki_updates_the_same_cards_when_an_edited_bank_is_imported_again(
    user, bank, collection, tmp_path
):
    import_apkg(collection, build_apkg(user), tmp_path / "first.apkg")
    first_ids = sorted(collection.find_notes(""))

    tricky, plain = bank
    with time_machine.travel(datetime.timedelta(minutes=5)):
        plain.answer = "Because the collection changed how I see my home town."
        plain.save()
    import_apkg(collection, build_apkg(user), tmp_path / "second.apkg")

    assert sorted(collection.find_notes("")) == first_ids
    notes = notes_by_question(collection)
    assert notes["Why do you want to work here?"]["Answer"].startswith("Because the collection")
    assert notes[tricky.text.replace("<", "&lt;").replace(">", "&gt;")]["Answer"] == (
        "Escape it, then ask why."
    )


@pytest.mark.django_db
def test_anki_deck_holds_only_the_users_own_questions(user, other_user, bank, collection, tmp_path):
    QuestionFactory(owner=other_user, text="Someone else's question?")
    import_apkg(collection, build_apkg(user), tmp_path / "deck.apkg")
    assert "Someone else's question?" not in notes_by_question(collection)


@pytest.mark.django_db
def test_a_deck_download_leaves_no_file_behind_once_closed(user, bank):
    download = DeckDownload(user)
    assert b"".join(download)[:2] == b"PK"
    download.close()
    assert not os.path.exists(download.folder)

"""The question bank as an Anki deck (.apkg).

The ids below were chosen once and must never change: Anki recognises a deck
and a note type by them, and a note by its GUID (made from the question's id),
so importing a newer export updates the cards already studied instead of
adding copies. The field list is frozen for the same reason: add fields only
at the end, never rename or reorder.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from collections.abc import Iterator

import genanki

from nextround.questions.models import Question, places_asked

MODEL_ID = 1_607_392_319
DECK_ID = 2_059_400_110
FIELDS = ("Question", "STAR", "Answer", "Category", "Organisation", "Notes")

CARD_CSS = """
.card { font-family: Georgia, serif; font-size: 20px; text-align: left; color: #1f2a30;
        background: #fff; max-width: 40em; margin: 0 auto; line-height: 1.5; }
.meta { color: #53616a; font-size: 14px; }
dt { font-weight: bold; margin-top: .6em; }
dd { margin: 0 0 0 1em; }
"""

MODEL = genanki.Model(
    MODEL_ID,
    "Next Round question",
    fields=[{"name": name} for name in FIELDS],
    templates=[
        {
            "name": "Answer the question",
            "qfmt": '{{Question}}<div class="meta">{{Category}}</div>',
            "afmt": "{{FrontSide}}<hr id=answer>{{STAR}}{{#Answer}}<p>{{Answer}}</p>{{/Answer}}"
            '{{#Organisation}}<p class="meta">Asked at {{Organisation}}</p>{{/Organisation}}'
            '{{#Notes}}<p class="meta">{{Notes}}</p>{{/Notes}}',
        }
    ],
    css=CARD_CSS,
)


class QuestionNote(genanki.Note):
    """A note stamped with when its question last changed, not when the deck was written.

    Anki's importer updates a note it already has only when the incoming one
    is newer; stamping each note with its question's own change time means an
    edited answer replaces the card's text, and an unchanged one leaves any
    edits made inside Anki alone.
    """

    def __init__(self, *args, modified: float, **kwargs):
        super().__init__(*args, **kwargs)
        self.modified = modified

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


def _text(value: str) -> str:
    """Escape user text for an Anki field (fields are HTML) and keep its line breaks."""
    return html.escape(value.strip()).replace("\n", "<br>")


def star_html(question: Question) -> str:
    """The STAR answer as a definition list; empty when none of it is written."""
    parts = [
        f"<dt>{label}</dt><dd>{_text(value)}</dd>"
        for label, value in zip(
            ("Situation", "Task", "Action", "Result"), question.star.values(), strict=True
        )
        if value.strip()
    ]
    return f"<dl>{''.join(parts)}</dl>" if parts else ""


def note_guid(question: Question) -> str:
    """A stable GUID for the question's note, the same in every export."""
    return genanki.guid_for("nextround-question", question.pk)


def note_for(question: Question, organisations: list[str]) -> QuestionNote:
    """The question's note; ``organisations`` are the names of the places it was asked."""
    return QuestionNote(
        model=MODEL,
        modified=question.updated_at.timestamp(),
        fields=[
            _text(question.text),
            star_html(question),
            _text(question.answer),
            _text(question.get_category_display()),
            _text(", ".join(sorted(set(organisations)))),
            _text(question.notes),
        ],
        guid=note_guid(question),
        tags=[tag.replace(" ", "_") for tag in question.tag_list],
    )


def write_apkg(user, path: str) -> None:
    """Every question of the user's as one deck, written to the .apkg file at ``path``.

    The questions are read in chunks and their places in one query, so the
    bank's size never turns into a query with thousands of ids.
    """
    deck = genanki.Deck(DECK_ID, "Next Round · interview questions")
    places = places_asked(user)
    for question in Question.objects.for_user(user).order_by("pk").iterator(chunk_size=2000):
        names = [organisation for organisation, _ in places.get(question.pk, ())]
        deck.add_note(note_for(question, names))
    genanki.Package(deck).write_to_file(path)


def build_apkg(user) -> bytes:
    """The deck as the .apkg file's bytes (for a small bank; downloads stream a file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "questions.apkg")
        write_apkg(user, path)
        with open(path, "rb") as apkg:
            return apkg.read()


class DeckDownload:
    """The deck in a temporary folder, read out in chunks, and removed when the response closes.

    The file is opened only while it is being read, so a download that is
    never read leaves no open file behind, and ``close()`` (which every WSGI
    server calls) removes the folder either way.
    """

    CHUNK = 64 * 1024

    def __init__(self, user):
        self.folder = tempfile.mkdtemp(prefix="nextround-deck-")
        self.path = os.path.join(self.folder, "questions.apkg")
        try:
            write_apkg(user, self.path)
        except BaseException:
            self.close()
            raise

    def __iter__(self) -> Iterator[bytes]:
        with open(self.path, "rb") as apkg:
            while chunk := apkg.read(self.CHUNK):
                yield chunk

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

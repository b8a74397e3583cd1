"""``nextround capture``: a note made after an interview, from a file, kept once."""

from __future__ import annotations

import datetime
import io
import json
import sqlite3
import uuid

from PIL import Image

from tests.cli.test_console_script import DATABASE, nextround


def test_a_note_from_a_file_is_kept_once_with_its_receipt(tmp_path):
    data_dir = tmp_path / "data"
    assert nextround(data_dir, "migrate", "--no-input").returncode == 0
    made = nextround(
        data_dir, "createuser", "robin", "--password-stdin", stdin="a-long-pw-for-robin-9"
    )
    assert made.returncode == 0, made.stderr
    picture = io.BytesIO()
    Image.new("RGB", (30, 20), (120, 90, 60)).save(picture, "JPEG")
    (tmp_path / "ticket.jpg").write_bytes(picture.getvalue())
    note = tmp_path / "capture.json"
    note.write_text(
        json.dumps(
            {
                "client_id": str(uuid.uuid4()),
                "organisation": "Lantern Hill Museum",
                "role": "Visitor Experience Assistant",
                "questions": ["How would you welcome a school group?"],
                "decision_promised_by": (
                    datetime.date.today() + datetime.timedelta(days=14)
                ).isoformat(),
                "costs": [{"amount": "12.30", "receipt_file": "ticket.jpg"}],
            }
        )
    )

    first = nextround(data_dir, "capture", "--user", "robin", "--file", str(note))
    again = nextround(data_dir, "capture", "--user", "robin", "--file", str(note))

    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Noted")
    assert again.returncode == 0, again.stderr
    assert "nothing changed" in again.stdout
    with sqlite3.connect(data_dir / DATABASE) as db:
        assert db.execute("SELECT count(*) FROM captures_capture").fetchone() == (1,)
        assert db.execute("SELECT text FROM questions_question").fetchall() == [
            ("How would you welcome a school group?",)
        ]
        assert db.execute("SELECT amount, file_type FROM expenses_expense").fetchall() == [
            (12.3, "image/jpeg")
        ]

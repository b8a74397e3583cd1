"""``nextround capture``: keep a note made straight after an interview, from a JSON file."""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from nextround.captures.capturing import Cost, Note, save_capture
from nextround.core.commands import account_from_options, add_user_argument


def _refuse(field: str, message: str) -> CommandError:
    return CommandError(f"{field}: {message}")


def _text(document: dict, name: str) -> str:
    value = document.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _refuse(name, "must be text.")
    return value


def _date(document: dict, name: str) -> datetime.date | None:
    value = document.get(name)
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        pass
    raise _refuse(name, "must be a date, YYYY-MM-DD.")


def _cost(item, folder: Path) -> Cost:
    if not isinstance(item, dict):
        raise _refuse("costs", "each cost must be an object.")
    amount = item.get("amount")
    try:
        amount = Decimal(amount) if isinstance(amount, str) else None
    except InvalidOperation:
        amount = None
    if amount is None:
        raise _refuse("amount", 'must be money as text, such as "12.30".')
    receipt, name = None, ""
    if item.get("receipt_file"):
        path = folder / _text(item, "receipt_file")
        try:
            receipt, name = path.read_bytes(), path.name
        except OSError as error:
            raise _refuse("receipt_file", f"cannot be read ({error.strerror}).") from error
    elif item.get("receipt"):
        try:
            text = _text(item, "receipt")
            receipt = base64.b64decode(
                text.partition(",")[2] if text.startswith("data:") else text, validate=True
            )
        except (binascii.Error, ValueError) as error:
            raise _refuse("receipt", "is not base64-encoded.") from error
    return Cost(
        amount=amount,
        category=_text(item, "category") or "train",
        currency=_text(item, "currency") or "GBP",
        description=_text(item, "description"),
        receipt=receipt,
        receipt_name=name or _text(item, "receipt_name"),
    )


def note_from_document(document, folder: Path) -> Note:
    """The note a capture file holds: the same fields as ``POST /api/v1/captures``."""
    if not isinstance(document, dict):
        raise CommandError("The file must hold one JSON object.")
    interview_id = document.get("interview_id")
    if interview_id is not None and (type(interview_id) is not int or interview_id < 1):
        raise _refuse("interview_id", "must be the number of one of your interviews.")
    feeling = document.get("feeling")
    if feeling is not None and type(feeling) is not int:
        raise _refuse("feeling", "must be a whole number from 1 to 5.")
    questions = document.get("questions", [])
    if not isinstance(questions, list) or not all(isinstance(q, str) for q in questions):
        raise _refuse("questions", "must be a list of text.")
    unprepared = document.get("unprepared", False)
    if not isinstance(unprepared, bool):
        raise _refuse("unprepared", "must be true or false.")
    costs = document.get("costs", [])
    if not isinstance(costs, list):
        raise _refuse("costs", "must be a list.")
    noted_at = None
    if document.get("noted_at") is not None:
        noted_at = parse_datetime(_text(document, "noted_at") or "")
        if noted_at is None:
            raise _refuse("noted_at", "must be a date and time.")
        if timezone.is_naive(noted_at):
            noted_at = timezone.make_aware(noted_at)
    return Note(
        client_id=_text(document, "client_id"),
        interview_id=interview_id,
        organisation=_text(document, "organisation"),
        role=_text(document, "role"),
        how_it_went=_text(document, "how_it_went"),
        feeling=feeling,
        questions=questions,
        unprepared=unprepared,
        decision_promised_by=_date(document, "decision_promised_by"),
        noted_at=noted_at,
        costs=[_cost(item, folder) for item in costs],
    )


class Command(BaseCommand):
    help = "Keep a note made straight after an interview, from a JSON file."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Whose interview", older_spelling=False)
        parser.add_argument(
            "--file",
            required=True,
            metavar="PATH",
            help="A JSON object with the fields of POST /api/v1/captures "
            "(a cost's receipt may be a receipt_file beside it).",
        )

    def handle(self, *args, **options):
        user = account_from_options(options, command="capture", only_account_will_do=True)
        path = Path(options["file"])
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"{path} is not readable JSON ({error}).") from error
        note = note_from_document(document, path.parent)
        try:
            capture, created = save_capture(user, note)
        except ValidationError as error:
            field, problems = next(iter(error.message_dict.items()))
            raise _refuse(field, " ".join(problems)) from error
        where = capture.interview or "the interview"
        if created:
            self.stdout.write(f"Noted, with {where}.")
        else:
            self.stdout.write(f"Already noted earlier, with {where}: nothing changed.")

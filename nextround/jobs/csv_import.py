"""Bring your history: applications from another tracker's CSV export.

Columns are matched by name through aliases, so exports from Teal, Huntr
and hand-made spreadsheets all work; unknown columns are ignored. Files in
UTF-8 (with or without a byte-order mark) or Windows/Latin-1 encodings,
separated by commas, semicolons or tabs, are read alike. A file is checked
whole before anything is written, and imported all or nothing. Imported
history does not start recovery plans: those are for what happens from now
on.

Status words are mapped to Next Round's statuses. A word Next Round does not
know never refuses the file: the row gets the closest status with a warning,
and the person may choose another. A word that names outcomes the file
cannot tell apart ("Not Selected": not invited, or rejected after an
interview?) is asked about rather than guessed.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import charset_normalizer
from dateutil import parser as date_parser
from django.db import transaction
from django.utils.translation import ngettext
from rapidfuzz import fuzz, process

from nextround.core.account_cache import account_changed
from nextround.core.dates import YEAR_MESSAGE, is_plausible
from nextround.core.signals import written_in_bulk
from nextround.jobs.models import (
    Application,
    Contract,
    Organisation,
    OrganisationKind,
    Outcome,
    Status,
    decision_problem,
)

# The largest file the page and the command accept: tens of thousands of rows.
# The page sends the checked file back with the confirmation, so this stays
# under the request size the settings allow (DATA_UPLOAD_MAX_MEMORY_SIZE).
MAX_CSV_BYTES = 4 * 1024 * 1024

# How many rows and problems a preview lists; the rest are counted.
PREVIEW_ROWS = 50

# Applications written to the database in one statement.
BATCH_SIZE = 500

# How often a long check or import reports how far it has got.
PROGRESS_EVERY = 1000


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


# Our field: the column names other trackers use for it (compared without
# case, spaces or punctuation).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "organisation": (
        "organisation",
        "organization",
        "company",
        "company name",
        "employer",
        "institution",
    ),
    "role": ("role", "job title", "title", "position", "job position", "job"),
    "link": ("link", "url", "job url", "job link", "posting url", "advert"),
    "applied_on": (
        "applied on",
        "date applied",
        "applied",
        "applied date",
        "application date",
        "date",
    ),
    "closing_on": ("closing on", "closing date", "deadline", "application deadline"),
    "decided_on": ("decided on", "decision date", "date rejected", "outcome date", "rejected on"),
    "status": ("status", "stage", "list", "outcome", "state"),
    "contract": ("contract", "employment type", "job type", "type"),
    "applicants": ("applicants", "applicants per post", "number of applicants"),
    "notes": ("notes", "note", "comments"),
    "location": ("location", "city"),
}

# Words other trackers use for where an application stands (compared
# without case, spaces or punctuation): Teal, Huntr and common spreadsheets.
STATUS_WORDS: dict[str, str] = {
    "Bookmarked": Status.PREPARING,
    "Saved": Status.PREPARING,
    "Wishlist": Status.PREPARING,
    "Preparing": Status.PREPARING,
    "Applying": Status.PREPARING,
    "Draft": Status.PREPARING,
    "To do": Status.PREPARING,
    "To be applied": Status.PREPARING,
    "Interested": Status.PREPARING,
    "Applied": Status.APPLIED,
    "Submitted": Status.APPLIED,
    "Sent": Status.APPLIED,
    "In progress": Status.APPLIED,
    "Pending": Status.APPLIED,
    "Awaiting response": Status.APPLIED,
    "Interview": Status.INTERVIEWING,
    "Interviewing": Status.INTERVIEWING,
    "Interviewed": Status.INTERVIEWING,
    "Phone screen": Status.INTERVIEWING,
    "Screening": Status.INTERVIEWING,
    "Assessment": Status.INTERVIEWING,
    "Offer": Status.OFFERED,
    "Offered": Status.OFFERED,
    "Negotiating": Status.OFFERED,
    "Negotiation": Status.OFFERED,
    "Accepted": Status.ACCEPTED,
    "Offer accepted": Status.ACCEPTED,
    "Hired": Status.ACCEPTED,
    "Rejected": Status.REJECTED,
    "Rejected after interview": Status.REJECTED,
    "Declined": Status.REJECTED,
    "Not invited": Status.NOT_INVITED,
    "Rejected without interview": Status.NOT_INVITED,
    "Withdrawn": Status.WITHDRAWN,
    "Withdrew": Status.WITHDRAWN,
    "I Withdrew": Status.WITHDRAWN,
    "Offer declined": Status.WITHDRAWN,
    "No reply": Status.NO_REPLY,
    "No Response": Status.NO_REPLY,
    "Ghosted": Status.NO_REPLY,
}

# Words that name outcomes the file cannot tell apart: the person is asked.
AMBIGUOUS_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "Not Selected": (Status.NOT_INVITED, Status.REJECTED),
    "Unsuccessful": (Status.NOT_INVITED, Status.REJECTED),
}

_STATUS_BY_KEY = {_squash(word): status for word, status in STATUS_WORDS.items()}
_AMBIGUOUS_BY_KEY = {_squash(word): options for word, options in AMBIGUOUS_STATUS_WORDS.items()}

CONTRACT_WORDS: dict[str, str] = {
    "paid": Contract.PAID,
    "permanent": Contract.PAID,
    "fulltime": Contract.PAID,
    "parttime": Contract.PAID,
    "fixedterm": Contract.FIXED_TERM,
    "temporary": Contract.FIXED_TERM,
    "contract": Contract.FIXED_TERM,
    "traineeship": Contract.TRAINEESHIP,
    "apprenticeship": Contract.TRAINEESHIP,
    "voluntary": Contract.VOLUNTARY,
    "volunteer": Contract.VOLUNTARY,
    "internship": Contract.INTERNSHIP,
    "freelance": Contract.FREELANCE,
}

# How alike an unknown word must be to a known one to be read as it (0-100).
CLOSE_ENOUGH = 80


def known_status_words() -> str:
    """The status words Next Round recognises, for a warning that lists them."""
    return ", ".join([*STATUS_WORDS, *AMBIGUOUS_STATUS_WORDS])


def status_from_text(text: str) -> str | None:
    """A status named by its value ("offered") or its label ("Not invited"), else None."""
    squashed = _squash(text)
    for value, label in Status.choices:
        if squashed in (_squash(value), _squash(label)):
            return value
    return None


class CsvUnreadable(ValueError):
    """The bytes are not a text file in an encoding a spreadsheet would write."""


def decode_csv(data: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252/Latin-1.

    Raises ``CsvUnreadable`` for anything that is not text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" export.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise CsvUnreadable("That file is not a text CSV file.") from error
    # Text never holds a NUL byte; binary files are full of them.
    if b"\x00" in data:
        raise CsvUnreadable("That file is not a text CSV file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Spreadsheets on Windows save in cp1252; left free, the detector
    # happily picks a Baltic or Cyrillic code page for a few accents.
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp1252", "latin_1"]).best()
    if best is None:
        raise CsvUnreadable("That file is not a text CSV file.")
    return str(best)


class _Separated(csv.excel):
    """Excel's quoting rules with the file's own separator."""


def _sniff_dialect(text: str) -> type[csv.Dialect]:
    """Excel's CSV rules with the separator the file uses: comma, semicolon or tab."""
    sample = text[:8192]
    header = sample.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ""
    # The sniffer gives up on short or ragged files, and can be led astray
    # by notes full of semicolons: the header line has the last word.
    if not delimiter or delimiter not in header:
        delimiter = max(",;\t", key=header.count)
        if not header.count(delimiter):
            delimiter = ","
    # Only the separator is taken from the sniffer: its guesses about
    # quoting are wrong more often than Excel's rules are.
    return type("FileDialect", (_Separated,), {"delimiter": delimiter})


@dataclass
class RowProblem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}, {self.field}: {self.message}"


@dataclass
class StatusWord:
    """One distinct status word of a file, and the status its rows will get."""

    word: str  # as the file first spells it
    key: str
    status: str  # "" while the person has still to choose
    kind: str  # "known", "unknown" (guessed) or "ambiguous" (asked)
    lines: list[int] = field(default_factory=list)
    options: tuple[str, ...] = ()

    @property
    def needs_choice(self) -> bool:
        return not self.status

    def choice_hint(self) -> str:
        """How to choose on the command line, in one line."""
        options = self.options or tuple(Status.values)
        spelled = " or ".join(f'--status "{self.word}={option}"' for option in options)
        meanings = " or ".join(str(Status(option).label).lower() for option in options)
        return f"“{self.word}” could mean {meanings}: choose with {spelled}."


@dataclass
class ImportRow:
    """One line of the file as it would be imported, for the preview."""

    line: int
    application: Application
    warnings: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        if not self.application.status:
            return "To choose"
        return str(Status(self.application.status).label)


@dataclass
class CsvImport:
    """What a file would add, and what is wrong with it, line by line."""

    columns: dict[str, str] = field(default_factory=dict)  # our field -> their column
    ignored_columns: list[str] = field(default_factory=list)
    rows: list[ImportRow] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    status_words: dict[str, StatusWord] = field(default_factory=dict)
    day_first: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def ready(self) -> bool:
        """Nothing wrong and nothing left to choose: the file can be imported."""
        return self.ok and not self.unanswered

    @property
    def unanswered(self) -> list[StatusWord]:
        return [word for word in self.status_words.values() if word.needs_choice]

    @property
    def applications(self) -> list[Application]:
        return [row.application for row in self.rows]

    @property
    def preview_rows(self) -> list[ImportRow]:
        """The first rows, for a preview that stays quick to read and to send."""
        return self.rows[:PREVIEW_ROWS]

    @property
    def rows_not_shown(self) -> int:
        return max(0, len(self.rows) - PREVIEW_ROWS)

    @property
    def preview_problems(self) -> list[RowProblem]:
        return self.problems[:PREVIEW_ROWS]

    @property
    def problems_not_shown(self) -> int:
        return max(0, len(self.problems) - PREVIEW_ROWS)

    @property
    def preview_duplicates(self) -> list[int]:
        return self.duplicates[:PREVIEW_ROWS]

    @property
    def duplicates_not_shown(self) -> int:
        return max(0, len(self.duplicates) - PREVIEW_ROWS)

    @property
    def preview_new_organisations(self) -> list[str]:
        return self.new_organisations[:PREVIEW_ROWS]

    def more_organisations(self) -> str:
        count = max(0, len(self.new_organisations) - PREVIEW_ROWS)
        if not count:
            return ""
        return ngettext("and %(count)d more", "and %(count)d more", count) % {"count": count}

    def more_rows(self) -> str:
        """ "and 1 more application, imported with the rest." with the right plural."""
        count = self.rows_not_shown
        return ngettext(
            "and %(count)d more application, imported with the rest.",
            "and %(count)d more applications, imported with the rest.",
            count,
        ) % {"count": count}

    def more_problems(self) -> str:
        count = self.problems_not_shown
        return ngettext(
            "and %(count)d more problem further down the file.",
            "and %(count)d more problems further down the file.",
            count,
        ) % {"count": count}

    @property
    def duplicate_lines(self) -> str:
        """ "2, 5, 9", or the first of many and how many more: "2, 5, … and 70 more lines"."""
        lines = ", ".join(map(str, self.preview_duplicates))
        return f"{lines} {self.more_duplicates()}" if self.duplicates_not_shown else lines

    def more_duplicates(self) -> str:
        count = self.duplicates_not_shown
        return ngettext("and %(count)d more line", "and %(count)d more lines", count) % {
            "count": count
        }

    def problems_summary(self) -> str:
        """ "Nothing was imported: 1 problem." with the right plural."""
        count = len(self.problems)
        return ngettext(
            "Nothing was imported: %(count)d problem.",
            "Nothing was imported: %(count)d problems.",
            count,
        ) % {"count": count}

    def would_import(self) -> str:
        """ "Would import 1 application" with the right plural."""
        count = len(self.rows)
        return ngettext(
            "Would import %(count)d application", "Would import %(count)d applications", count
        ) % {"count": count}


def imported_message(count: int) -> str:
    """ "Imported 1 application." with the right plural."""
    return ngettext(
        "Imported %(count)d application.", "Imported %(count)d applications.", count
    ) % {"count": count}


def map_columns(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """Pair our fields with the file's columns; the first matching column wins."""
    aliases = {_squash(alias): ours for ours, names in HEADER_ALIASES.items() for alias in names}
    columns: dict[str, str] = {}
    ignored: list[str] = []
    for header in headers:
        ours = aliases.get(_squash(header or ""))
        if ours and ours not in columns:
            columns[ours] = header
        else:
            ignored.append(header)
    return columns, ignored


def _guess_day_first(values: list[str]) -> bool:
    """Read 03/04/2025 the way the rest of the file shows it is meant; British by default."""
    for value in values:
        match = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\s*", value or "")
        if match:
            first, second = int(match[1]), int(match[2])
            if first > 12:
                return True
            if second > 12:
                return False
    return True


def _parse_date(text: str, day_first: bool) -> datetime.date:
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", text):
        return datetime.date.fromisoformat(text[:10])
    return date_parser.parse(text, dayfirst=day_first).date()


def _read_rows(text: str, result: CsvImport) -> tuple[list[str], list[tuple[int, dict]]]:
    # Old Mac spreadsheets end lines with a bare carriage return.
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        # Databases refuse it in text, so it is named here, not met there.
        line = text.count("\n", 0, text.index("\x00")) + 1
        result.problems.append(RowProblem(line, "file", "contains a NUL character."))
        return [], []
    # A long note is a field, not an attack: the whole file is already capped.
    if csv.field_size_limit() < MAX_CSV_BYTES:
        csv.field_size_limit(MAX_CSV_BYTES)
    reader = csv.DictReader(io.StringIO(text), dialect=_sniff_dialect(text))
    rows: list[tuple[int, dict]] = []
    try:
        headers = reader.fieldnames or []
        for row in reader:
            rows.append((reader.line_num, row))
    except csv.Error as error:
        # The reader counts the lines it has finished; the trouble is in the next.
        result.problems.append(
            RowProblem(reader.line_num + 1, "file", f"cannot be read as CSV ({error}).")
        )
        return [], []
    return headers, rows


def read_csv(
    user,
    text: str,
    status_choices: dict[str, str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CsvImport:
    """Check a whole file and build (unsaved) applications from it.

    ``status_choices`` maps a status word of the file (any spelling) to one
    of our statuses, overriding what Next Round would read it as.
    ``progress`` hears how many rows are checked, of how many, every
    thousand rows, for a command to show how far it has got.
    """
    result = CsvImport()
    choices = {_squash(word): status for word, status in (status_choices or {}).items()}
    headers, rows = _read_rows(text, result)
    if result.problems:
        return result
    result.columns, result.ignored_columns = map_columns(headers)
    for needed in ("organisation", "role"):
        if needed not in result.columns:
            result.problems.append(
                RowProblem(1, needed, f"No column for the {needed.replace('_', ' ')} was found.")
            )
    if result.problems:
        return result
    date_columns = [
        result.columns[f] for f in ("applied_on", "closing_on", "decided_on") if f in result.columns
    ]
    result.day_first = _guess_day_first([row.get(c) or "" for _, row in rows for c in date_columns])

    existing = {org.name.casefold(): org for org in Organisation.objects.filter(owner=user)}
    known = {
        (a.organisation.name.casefold(), a.role.casefold(), a.applied_on)
        for a in Application.objects.filter(owner=user).select_related("organisation")
    }
    for number, (line, row) in enumerate(rows, start=1):
        if progress and number % PROGRESS_EVERY == 0:
            progress(number, len(rows))
        built = _build_row(user, row, line, result, existing, choices)
        if built is None:
            continue
        application = built.application
        key = (
            application.organisation.name.casefold(),
            application.role.casefold(),
            application.applied_on,
        )
        if key in known:
            result.duplicates.append(line)
            continue
        known.add(key)
        result.rows.append(built)
    # Words met only on rows left out need no choosing.
    kept = {row.line for row in result.rows}
    result.status_words = {
        key: word for key, word in result.status_words.items() if kept & set(word.lines)
    }
    return result


def _status_word(text: str, line: int, result: CsvImport, choices: dict[str, str]) -> StatusWord:
    """The file's status word, remembered once per spelling, with the status it gets."""
    key = _squash(text)
    word = result.status_words.get(key)
    if word is None:
        if key in _AMBIGUOUS_BY_KEY:
            word = StatusWord(text, key, "", "ambiguous", options=_AMBIGUOUS_BY_KEY[key])
        elif key in _STATUS_BY_KEY or status_from_text(text):
            word = StatusWord(text, key, _STATUS_BY_KEY.get(key) or status_from_text(text), "known")
        else:
            word = StatusWord(text, key, _closest_status(key), "unknown")
        if choices.get(key) in Status.values:
            word.status = choices[key]
        result.status_words[key] = word
    word.lines.append(line)
    return word


def _closest_status(key: str) -> str:
    """The status of the most alike known word, or Applied when none is alike."""
    match = process.extractOne(
        key, list(_STATUS_BY_KEY), scorer=fuzz.ratio, score_cutoff=CLOSE_ENOUGH
    )
    return _STATUS_BY_KEY[match[0]] if match else Status.APPLIED


def _build_row(user, row, line, result, organisations, choices) -> ImportRow | None:
    def cell(ours: str) -> str:
        column = result.columns.get(ours)
        return (row.get(column) or "").strip() if column else ""

    problems_before = len(result.problems)

    def problem(name: str, message: str) -> None:
        result.problems.append(RowProblem(line, name, message))

    name, role = cell("organisation"), cell("role")
    if (
        not name
        and not role
        and not any((value or "").strip() for value in row.values() if isinstance(value, str))
    ):
        return None  # a blank line
    if not name:
        problem("organisation", "is empty.")
    elif len(name) > 200:
        problem("organisation", "is longer than 200 characters.")
    if not role:
        problem("role", "is empty.")
    elif len(role) > 200:
        problem("role", "is longer than 200 characters.")

    dates = {}
    for ours in ("applied_on", "closing_on", "decided_on"):
        if cell(ours):
            try:
                dates[ours] = _parse_date(cell(ours), result.day_first)
            except (ValueError, OverflowError):
                problem(ours, f"“{cell(ours)[:100]}” is not a date.")
                continue
            if not is_plausible(dates[ours]):
                problem(ours, YEAR_MESSAGE)

    warnings: list[str] = []
    status = Status.APPLIED if dates.get("applied_on") else Status.PREPARING
    if cell("status"):
        word = _status_word(cell("status")[:100], line, result, choices)
        status = word.status
        if word.kind == "unknown" and word.key not in choices:
            warnings.append(
                f"“{word.word}” is not a status Next Round knows; read as "
                f"{Status(status).label}. Known words: {known_status_words()}."
            )
        elif word.needs_choice:
            warnings.append(f"Choose what “{word.word}” means.")
    contract = Contract.PAID
    if cell("contract"):
        contract = CONTRACT_WORDS.get(_squash(cell("contract")), Contract.OTHER)
    applicants = None
    if cell("applicants"):
        try:
            applicants = int(cell("applicants"))
            if applicants < 1:
                raise ValueError
        except ValueError:
            problem("applicants", f"“{cell('applicants')[:100]}” is not a positive whole number.")
    link = cell("link")
    if link and (len(link) > 500 or not re.match(r"https?://", link)):
        problem("link", "is not a web address starting with http:// or https://.")

    # A decision, when the file gives one, follows the one rule for every door.
    decided_on = dates.get("decided_on")
    if status in Outcome.values and decided_on and is_plausible(decided_on):
        trouble = decision_problem(decided_on, dates.get("applied_on"))
        if trouble:
            problem("decided_on", trouble)

    if len(result.problems) > problems_before:
        return None

    organisation = organisations.get(name.casefold())
    if organisation is None:
        organisation = Organisation(owner=user, name=name, kind=OrganisationKind.OTHER)
        organisations[name.casefold()] = organisation
        result.new_organisations.append(name)
    notes = cell("notes")
    if cell("location"):
        notes = f"Location: {cell('location')}\n{notes}".strip()
    if len(notes) > 20000:
        warnings.append("The notes are longer than 20,000 characters; the rest is left out.")
    application = Application(
        owner=user,
        organisation=organisation,
        role=role,
        contract=contract,
        link=link,
        applied_on=dates.get("applied_on"),
        closing_on=dates.get("closing_on"),
        applicants=applicants,
        status=status,
        notes=notes[:20000],
    )
    if status in Outcome.values:
        application.outcome = status
        # Only the file knows when the decision came; the day of applying is not it.
        application.decided_on = dates.get("decided_on")
    return ImportRow(line, application, warnings)


@transaction.atomic
def save_import(result: CsvImport, progress: Callable[[int, int], None] | None = None) -> int:
    """Write a checked import; nothing is written when it has problems or open questions.

    New organisations and the applications go in batches, so a file of
    tens of thousands of rows is written in a few statements. ``progress``
    hears how many applications are written, of how many.
    """
    if not result.ready:
        raise ValueError("An import with problems or open questions cannot be saved.")
    applications = result.applications
    new = {
        id(application.organisation): application.organisation
        for application in applications
        if application.organisation.pk is None
    }
    Organisation.objects.bulk_create(list(new.values()), batch_size=BATCH_SIZE)
    for application in applications:
        application.organisation_id = application.organisation.pk
    for start in range(0, len(applications), BATCH_SIZE):
        Application.objects.bulk_create(applications[start : start + BATCH_SIZE])
        if progress:
            progress(min(start + BATCH_SIZE, len(applications)), len(applications))
    if applications:
        # Bulk inserts skip save(): figures kept for the account are worked out
        # again, and the search index is made again for it.
        account_changed(applications[0].owner_id)
        written_in_bulk.send(Application, owner=applications[0].owner)
    return len(result.rows)

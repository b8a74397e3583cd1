"""Bring your history: applications from another tracker's CSV export.

Columns are matched by name through aliases, so exports from Teal, Huntr
and hand-made spreadsheets all work; unknown columns are ignored. A file is
checked whole before anything is written, and imported all or nothing.
Imported history does not start recovery plans: those are for what happens
from now on.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from dateutil import parser as date_parser
from django.db import transaction
from django.utils import timezone

from nextround.core.dates import YEAR_MESSAGE, is_plausible
from nextround.jobs.models import (
    Application,
    Contract,
    Organisation,
    OrganisationKind,
    Outcome,
    Status,
    decision_problem,
)

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

# Words other trackers use for where an application stands.
STATUS_WORDS: dict[str, str] = {
    "bookmarked": Status.PREPARING,
    "saved": Status.PREPARING,
    "wishlist": Status.PREPARING,
    "preparing": Status.PREPARING,
    "applying": Status.PREPARING,
    "draft": Status.PREPARING,
    "applied": Status.APPLIED,
    "submitted": Status.APPLIED,
    "interview": Status.INTERVIEWING,
    "interviewing": Status.INTERVIEWING,
    "interviewed": Status.INTERVIEWING,
    "offer": Status.OFFERED,
    "offered": Status.OFFERED,
    "accepted": Status.ACCEPTED,
    "hired": Status.ACCEPTED,
    "rejected": Status.REJECTED,
    "rejectedafterinterview": Status.REJECTED,
    "declined": Status.REJECTED,
    "notinvited": Status.NOT_INVITED,
    "notselected": Status.NOT_INVITED,
    "withdrawn": Status.WITHDRAWN,
    "withdrew": Status.WITHDRAWN,
    "noreply": Status.NO_REPLY,
    "noresponse": Status.NO_REPLY,
    "ghosted": Status.NO_REPLY,
}

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

MAX_ROWS = 5000


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@dataclass
class RowProblem:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}, {self.field}: {self.message}"


@dataclass
class CsvImport:
    """What a file would add, and what is wrong with it, line by line."""

    columns: dict[str, str] = field(default_factory=dict)  # our field -> their column
    ignored_columns: list[str] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    new_organisations: list[str] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    day_first: bool = True

    @property
    def ok(self) -> bool:
        return not self.problems


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


def read_csv(user, text: str) -> CsvImport:
    """Check a whole file and build (unsaved) applications from it."""
    result = CsvImport()
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    headers = reader.fieldnames or []
    result.columns, result.ignored_columns = map_columns(headers)
    for needed in ("organisation", "role"):
        if needed not in result.columns:
            result.problems.append(
                RowProblem(1, needed, f"No column for the {needed.replace('_', ' ')} was found.")
            )
    if result.problems:
        return result
    rows = list(reader)
    if len(rows) > MAX_ROWS:
        result.problems.append(RowProblem(1, "file", f"More than {MAX_ROWS} rows; split the file."))
        return result
    date_columns = [
        result.columns[f] for f in ("applied_on", "closing_on", "decided_on") if f in result.columns
    ]
    result.day_first = _guess_day_first([row.get(c) or "" for row in rows for c in date_columns])

    existing = {org.name.casefold(): org for org in Organisation.objects.filter(owner=user)}
    known = {
        (a.organisation.name.casefold(), a.role.casefold(), a.applied_on)
        for a in Application.objects.filter(owner=user).select_related("organisation")
    }
    for line, row in enumerate(rows, start=2):
        application = _build_row(user, row, line, result, existing)
        if application is None:
            continue
        key = (
            application.organisation.name.casefold(),
            application.role.casefold(),
            application.applied_on,
        )
        if key in known:
            result.duplicates.append(line)
            continue
        known.add(key)
        result.applications.append(application)
    return result


def _build_row(user, row, line, result, organisations) -> Application | None:
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
                problem(ours, f"“{cell(ours)}” is not a date.")
                continue
            if not is_plausible(dates[ours]):
                problem(ours, YEAR_MESSAGE)

    status = Status.APPLIED if dates.get("applied_on") else Status.PREPARING
    if cell("status"):
        status = STATUS_WORDS.get(_squash(cell("status")))
        if status is None:
            problem("status", f"“{cell('status')}” is not a status Next Round knows.")
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
            problem("applicants", f"“{cell('applicants')}” is not a positive whole number.")
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
        # An outcome needs its date; the best the file offers, else the import day.
        application.decided_on = (
            dates.get("decided_on") or dates.get("applied_on") or timezone.localdate()
        )
    return application


@transaction.atomic
def save_import(result: CsvImport) -> int:
    """Write a checked import; nothing is written when it has problems."""
    if not result.ok:
        raise ValueError("An import with problems cannot be saved.")
    for application in result.applications:
        if application.organisation.pk is None:
            application.organisation.save()
        application.organisation_id = application.organisation.pk
        application.save()
    return len(result.applications)

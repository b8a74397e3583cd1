"""Proof of job search: a dated record of what the user did, for a date range.

Benefit agencies ask for it (Universal Credit's work-search evidence, a
German Bewerbungsnachweis): every application sent, interview attended,
outcome heard, and follow-up made with an employer, one line each, oldest
first. Only job-search activity belongs here: looking after yourself, and
the plan's reminders to itself, are nobody else's business.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone

from nextround.core.access import owned
from nextround.jobs.models import Application, Interview
from nextround.network.models import Interaction
from nextround.playbook.models import Action, ActionKind, ActionStatus

# Every kind of plan step, decided on purpose: the words a finished step
# shows in the report as job-search activity, or None for steps that are
# not something done towards a job (self-care, the plan's own reminders,
# preparation, money). A new kind must be added here, on one side or the
# other, before the tests pass.
STEP_ACTIVITIES: dict[str, str | None] = {
    ActionKind.ASK_FEEDBACK: "Asked for feedback",
    ActionKind.CHASE_FEEDBACK: "Chased feedback",
    ActionKind.CHASE_DECISION: "Chased the decision",
    ActionKind.FOLLOW_UP: "Followed up with the employer",
    ActionKind.CONNECT_PANEL: None,
    ActionKind.REVIEW_NOTES: None,
    ActionKind.CLAIM_EXPENSES: None,
    ActionKind.FIND_WINNER: None,
    ActionKind.BE_KIND: None,
    ActionKind.REAPPLY_WATCH: None,
}

REPORTED_STEPS = [kind for kind, words in STEP_ACTIVITIES.items() if words]


@dataclass(frozen=True)
class Activity:
    """One thing done on one day; ``key`` names it across requests, to leave it out."""

    on: datetime.date
    kind: str
    organisation: str
    role: str
    detail: str
    key: str = ""


CSV_HEADER = ["date", "activity", "organisation", "role", "detail"]

# The longest range one report covers.
MAX_DAYS = 366 * 3


def check_range(start: datetime.date, end: datetime.date) -> None:
    """Refuse a range that ends before it starts or spans more than three years, naming ``end``."""
    if end < start:
        raise ValidationError({"end": "The end comes before the start."})
    if (end - start).days > MAX_DAYS:
        raise ValidationError({"end": "Choose at most three years at a time."})


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _labels(model, field: str) -> dict[str, str]:
    """The words each stored choice of ``model.field`` shows, as the forms show them."""
    return {value: str(label) for value, label in model._meta.get_field(field).flatchoices}


def activities(user, start: datetime.date, end: datetime.date) -> list[Activity]:
    """Everything the user did from ``start`` to ``end`` inclusive, oldest first.

    Read as plain rows, not model instances: three years of a long search
    is thousands of lines.
    """
    found: list[Activity] = []
    applications = owned(Application, user)
    contracts = _labels(Application, "contract")
    for pk, on, organisation, role, contract, link in applications.filter(
        applied_on__range=(start, end)
    ).values_list("pk", "applied_on", "organisation__name", "role", "contract", "link"):
        detail = " · ".join(filter(None, [contracts.get(contract, contract), link]))
        found.append(Activity(on, "Applied", organisation, role, detail, f"applied-{pk}"))
    outcomes = _labels(Application, "outcome")
    for pk, on, organisation, role, outcome in (
        applications.filter(decided_on__range=(start, end))
        .exclude(outcome="")
        .values_list("pk", "decided_on", "organisation__name", "role", "outcome")
    ):
        detail = outcomes.get(outcome, outcome)
        found.append(Activity(on, "Outcome", organisation, role, detail, f"outcome-{pk}"))
    start_at, end_at = _day_bounds(start, end)
    # An interview still to come is not something done yet.
    interviews = owned(Interview, user).filter(
        starts_at__range=(start_at, min(end_at, timezone.now()))
    )
    formats = _labels(Interview, "format")
    for pk, at, organisation, role, stage, format_, location in interviews.values_list(
        "pk",
        "starts_at",
        "application__organisation__name",
        "application__role",
        "stage",
        "format",
        "location",
    ):
        detail = " · ".join(filter(None, [stage, formats.get(format_, format_), location]))
        found.append(
            Activity(
                timezone.localdate(at), "Interview", organisation, role, detail, f"interview-{pk}"
            )
        )
    done = owned(Action, user).filter(
        status=ActionStatus.DONE, done_at__range=(start_at, end_at), kind__in=REPORTED_STEPS
    )
    for pk, at, kind, employer, own_organisation, role, contact in done.values_list(
        "pk",
        "done_at",
        "kind",
        "application__organisation__name",
        "organisation__name",
        "application__role",
        "contact__name",
    ):
        found.append(
            Activity(
                timezone.localdate(at),
                "Follow-up",
                employer or own_organisation or "",
                role or "",
                # A follow-up with a contact is keeping in touch with a person, not an employer.
                f"Followed up with {contact}" if contact else STEP_ACTIVITIES[kind],
                f"step-{pk}",
            )
        )
    channels = _labels(Interaction, "channel")
    interactions = owned(Interaction, user).filter(happened_on__range=(start, end))
    for pk, on, organisation, channel, name in interactions.values_list(
        "pk", "happened_on", "contact__organisation__name", "channel", "contact__name"
    ):
        detail = f"{channels.get(channel, channel)} with {name}"
        found.append(Activity(on, "Contact", organisation or "", "", detail, f"contact-{pk}"))
    found.sort(key=lambda activity: (activity.on, activity.kind, activity.organisation))
    return found


def without(rows: list[Activity], left_out) -> list[Activity]:
    """The rows the person kept: everything but those whose key they ticked to leave out."""
    left_out = set(left_out)
    return [row for row in rows if row.key not in left_out]


def _day_bounds(
    start: datetime.date, end: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(end, datetime.time.max, tzinfo=zone),
    )


def activity_csv(rows: list[Activity]) -> str:
    """The report as CSV, one activity a line, with a header."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    for row in rows:
        # A leading = + - @ would make a spreadsheet run the cell as a formula,
        # and so can a tab or carriage return in front of one.
        cells = [row.on.isoformat(), row.kind, row.organisation, row.role, row.detail]
        writer.writerow(["'" + c if c[:1] in FORMULA_STARTS else c for c in cells])
    return out.getvalue()


def activity_pdf(user, rows: list[Activity], start: datetime.date, end: datetime.date) -> bytes:
    """The report as a printable A4 PDF."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "home/activity_pdf.html",
        {"user": user, "rows": rows, "start": start, "end": end, "made_on": timezone.localdate()},
    )
    # Only data: URLs: nothing in the user's text can make the server fetch anything.
    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=2)
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()

"""Straight after an interview: one note that flows into the interview, the bank and expenses.

The capture page, the offline queue (through ``POST /api/v1/captures``) and
``nextround capture`` all call ``save_capture``. A note carries an id made
on the device (``client_id``): sending it again returns the record made the
first time and changes nothing, however many times it arrives and in
whatever order two copies race.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from nextround.captures.debrief import Cost as DebriefCost
from nextround.captures.debrief import questions_from_lines, record_debrief
from nextround.captures.models import Capture
from nextround.core.access import owned
from nextround.core.dates import validate_plausible_date
from nextround.core.uploads import CheckedFile, UploadRefused, check_file
from nextround.jobs.models import Application, Interview, Organisation, Status
from nextround.network.interviews import save_interview
from nextround.questions.capture import (
    TEXT_LIMIT,
    Choice,
    closest_match,
)
from nextround.questions.models import Question

# Interviews this recent are offered first, and a typed organisation and role
# is matched against them before a new interview is made.
RECENT_DAYS = 7
MOST_QUESTIONS = 100
MOST_COSTS = 10
HOW_IT_WENT_LIMIT = Capture._meta.get_field("how_it_went").max_length
NAME_LIMIT = Capture._meta.get_field("organisation_name").max_length


@dataclass
class Cost:
    """One cost of the journey, with its receipt as the person gave it (bytes or a file)."""

    amount: Decimal | str
    category: str = "train"
    currency: str = "GBP"
    description: str = ""
    receipt: object | None = None
    receipt_name: str = ""


@dataclass
class Note:
    """What the person noted: an interview of theirs, or the organisation and role typed."""

    client_id: uuid.UUID | str
    interview_id: int | None = None
    organisation: str = ""
    role: str = ""
    how_it_went: str = ""
    feeling: int | None = None
    questions: list[str] = field(default_factory=list)
    unprepared: bool = False
    decision_promised_by: datetime.date | None = None
    # When the note was made on the device; a new interview is put on that day.
    noted_at: datetime.datetime | None = None
    costs: list[Cost] = field(default_factory=list)


def recent_interviews(user, now: datetime.datetime | None = None):
    """The user's interviews of today and the last week, latest first: the ones offered first."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=RECENT_DAYS)
    until = now + datetime.timedelta(days=1)
    return (
        Interview.objects.for_user(user)
        .filter(starts_at__gte=since, starts_at__lte=until)
        .select_related("application__organisation")
        .order_by("-starts_at", "-id")
    )


def _client_id(value) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise ValidationError({"client_id": "The note's id is not a UUID."}) from None


def _check_text(errors: dict, name: str, value: str, limit: int) -> None:
    if "\x00" in value:
        errors[name] = "Null characters are not allowed."
    elif len(value) > limit:
        errors[name] = f"At most {limit} characters, please (this has {len(value)})."


@dataclass
class _Checked:
    client_id: uuid.UUID
    interview: Interview | None
    questions: list[str]
    receipts: list[CheckedFile | None]


def _check(user, note: Note) -> _Checked:
    """Everything that can be checked before anything is written; refusals name the field."""
    errors: dict[str, str] = {}
    client_id = _client_id(note.client_id)
    interview = None
    if note.interview_id is not None:
        interview = owned(Interview, user).filter(pk=note.interview_id).first()
        if interview is None:
            errors["interview"] = "Choose one of your interviews."
    else:
        if not note.organisation.strip():
            errors["organisation"] = "Choose the interview, or type the organisation."
        if not note.role.strip():
            errors["role"] = "Choose the interview, or type the role."
    _check_text(errors, "organisation", note.organisation, NAME_LIMIT)
    _check_text(errors, "role", note.role, NAME_LIMIT)
    _check_text(errors, "how_it_went", note.how_it_went, HOW_IT_WENT_LIMIT)
    if note.feeling is not None and not 1 <= note.feeling <= 5:
        errors["feeling"] = "Choose a feeling from 1 to 5."
    if note.decision_promised_by is not None:
        try:
            validate_plausible_date(note.decision_promised_by)
        except ValidationError as error:
            errors["decision_promised_by"] = " ".join(error.messages)
    questions = []
    for line in note.questions:
        questions.extend(questions_from_lines(line))
    if len(questions) > MOST_QUESTIONS:
        errors["questions"] = f"At most {MOST_QUESTIONS} questions at a time."
    for text in questions:
        if len(text) > TEXT_LIMIT or "\x00" in text:
            errors["questions"] = f"A question has at most {TEXT_LIMIT} characters."
    if len(note.costs) > MOST_COSTS:
        errors["costs"] = f"At most {MOST_COSTS} costs at a time."
    receipts: list[CheckedFile | None] = []
    for cost in note.costs:
        if cost.receipt is None or isinstance(cost.receipt, CheckedFile):
            # A form's upload field has already checked its file.
            receipts.append(cost.receipt)
            continue
        try:
            receipts.append(check_file(cost.receipt, name=cost.receipt_name or "receipt"))
        except UploadRefused as error:
            errors["receipt"] = " ".join(error.messages)
    if errors:
        raise ValidationError(errors)
    return _Checked(client_id, interview, questions, receipts)


def _interview_for(user, note: Note) -> Interview:
    """The recent interview at the typed organisation for the typed role, or a new one that day."""
    organisation_name, role = note.organisation.strip(), note.role.strip()
    when = note.noted_at or timezone.now()
    match = (
        recent_interviews(user, when)
        .filter(
            application__organisation__name__iexact=organisation_name,
            application__role__iexact=role,
        )
        .first()
    )
    if match is not None:
        return match
    organisation = (
        owned(Organisation, user).filter(name__iexact=organisation_name).order_by("id").first()
    )
    if organisation is None:
        organisation = Organisation(owner=user, name=organisation_name)
        organisation.full_clean()
        organisation.save()
    application = (
        owned(Application, user)
        .filter(organisation=organisation, role__iexact=role)
        .order_by("-id")
        .first()
    )
    if application is None:
        application = Application(
            owner=user, organisation=organisation, role=role, status=Status.INTERVIEWING
        )
        application.full_clean()
        application.save()
    return save_interview(user, None, {"application": application, "starts_at": when})


def _self_assessment(interview: Interview, note: Note) -> str | None:
    """The interview's own reflection with this note's words added below it."""
    words = note.how_it_went.strip()
    if not words:
        return None
    return "\n\n".join(filter(None, [interview.self_assessment.strip(), words]))


def save_capture(user, note: Note) -> tuple[Capture, bool]:
    """Keep what was noted after an interview; ``(capture, True)`` the first time.

    The questions join the bank (one that says the same as a question
    already there is merged into it, and each is flagged unprepared when the
    person ticked that), the promised decision date goes onto the interview
    (so the plan's chase follows it), and the costs become expenses with
    their receipts checked like every other file. The same ``client_id``
    again returns the first record and ``False``, and nothing changes. A
    ``ValidationError`` names the field and nothing at all is stored.
    """
    checked = _check(user, note)
    earlier = Capture.objects.filter(owner=user, client_id=checked.client_id).first()
    if earlier is not None:
        return earlier, False
    try:
        with transaction.atomic():
            # The unique (owner, client_id) row first: a copy racing this one
            # waits here, then fails, and takes the record this one made.
            capture = Capture.objects.create(
                owner=user,
                client_id=checked.client_id,
                organisation_name=note.organisation.strip(),
                role=note.role.strip(),
                how_it_went=note.how_it_went.strip(),
                feeling=note.feeling,
                unprepared=note.unprepared,
                decision_promised_by=note.decision_promised_by,
            )
            _fill(user, capture, note, checked)
    except IntegrityError:
        earlier = Capture.objects.filter(owner=user, client_id=checked.client_id).first()
        if earlier is None:
            raise
        return earlier, False
    return capture, True


def _fill(user, capture: Capture, note: Note, checked: _Checked) -> None:
    """Into the interview, the bank and expenses: the how-it-went workflow, as the page uses it."""
    interview = checked.interview or _interview_for(user, note)
    changes: dict = {}
    if note.decision_promised_by is not None:
        changes["decision_promised_by"] = note.decision_promised_by
    if note.feeling is not None:
        changes["feeling"] = note.feeling
    reflection = _self_assessment(interview, note)
    if reflection is not None:
        changes["self_assessment"] = reflection
    choices = []
    if checked.questions:
        bank = list(Question.objects.for_user(user).only("id", "text"))
        for text in checked.questions:
            match = closest_match(text, bank)
            choices.append(Choice(text=text, merge_into=match.pk if match else None))
    costs = [
        DebriefCost(
            amount=cost.amount,
            category=cost.category,
            currency=cost.currency,
            description=cost.description.strip(),
            receipt=receipt,
        )
        for cost, receipt in zip(note.costs, checked.receipts, strict=True)
    ]
    result = record_debrief(
        user,
        interview,
        interview_values=changes,
        questions=choices,
        costs=costs,
        unprepared=note.unprepared,
    )
    merged = result.questions.merged
    if note.unprepared and merged:
        Question.objects.filter(pk__in=[question.pk for question in merged]).update(unprepared=True)
    capture.questions.set([*result.questions.added, *merged])
    capture.expenses.set(result.expenses)
    capture.interview = interview
    capture.save(update_fields=["interview", "updated_at"])

"""A note straight after an interview: the page, the API and ``nextround capture`` keep and refuse alike."""

from __future__ import annotations

import base64
import io
import json
import tempfile
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from PIL import Image

from nextround.captures.models import Capture
from nextround.expenses.models import Expense
from nextround.questions.models import Question
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory
from tests.workflows.doors import api_refusal, web_refusal

pytestmark = pytest.mark.django_db

# The web form names a cost's parts apart from the expense they become.
WEB_NAMES = {
    "cost_amount": "amount",
    "cost_currency": "currency",
    "client_id": "client_id",
}


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"


def png() -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (30, 20), (90, 120, 160)).save(picture, "PNG")
    return picture.getvalue()


def stored(user) -> dict:
    capture = Capture.objects.get(owner=user)
    return {
        "interview": capture.interview_id,
        "bank": sorted(
            (q.text, q.unprepared, sorted(i.pk for i in q.interviews.all()))
            for q in Question.objects.filter(owner=user).prefetch_related("interviews")
        ),
        "expenses": sorted(
            (str(e.amount), e.currency, e.category, e.file_type)
            for e in Expense.objects.filter(owner=user)
        ),
        "promised": str(capture.interview.decision_promised_by),
    }


def web_page(user, user_client, api, note):
    data = {
        "client_id": note["client_id"],
        "interview": note.get("interview_id") or "",
        "organisation": note.get("organisation", ""),
        "role": note.get("role", ""),
        "how_it_went": note.get("how_it_went", ""),
        "questions": "\n".join(note.get("questions", [])),
        "decision_promised_by": note.get("decision_promised_by") or "",
        "cost_currency": "GBP",
        "cost_category": "train",
    }
    if note.get("unprepared"):
        data["unprepared"] = "on"
    if note.get("feeling"):
        data["feeling"] = str(note["feeling"])
    for cost in note.get("costs", []):
        data.update(cost_amount=cost["amount"], cost_currency=cost.get("currency", "GBP"))
        if cost.get("receipt"):
            data["receipt"] = io.BytesIO(base64.b64decode(cost["receipt"]))
            data["receipt"].name = "receipt.png"
    answer = user_client.post(reverse("captures:capture"), data)
    if answer.status_code != 302:
        kind, fields = web_refusal(answer)
        return kind, {WEB_NAMES.get(name, name) for name in fields}
    return "stored", stored(user)


def api_route(user, user_client, api, note):
    answer = api.post("/api/v1/captures", note)
    if answer.status_code not in (200, 201):
        return api_refusal(answer)
    return "stored", stored(user)


def command_line(user, user_client, api, note):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "capture.json"
        path.write_text(json.dumps(note), encoding="utf-8")
        try:
            call_command(
                "capture", "--user", user.username, "--file", str(path), stdout=io.StringIO()
            )
        except CommandError as error:
            return "refused", {str(error).split(":", 1)[0]}
    return "stored", stored(user)


DOORS = [web_page, api_route, command_line]


@pytest.mark.parametrize("door", DOORS)
def test_every_door_keeps_the_same_note_the_same_way(door, user, user_client, api):
    interview = InterviewFactory(owner=user)
    known = QuestionFactory(owner=user, text="Why do you want to work in this archive?")
    note = {
        "client_id": str(uuid.uuid4()),
        "interview_id": interview.pk,
        "how_it_went": "Warm welcome, a tour of the strongroom.",
        "feeling": 4,
        "questions": [
            "Why do you want to work in this archive",
            "How would you prioritise a backlog?",
        ],
        "unprepared": True,
        "decision_promised_by": "2026-03-20",
        "costs": [
            {"amount": "18.20", "currency": "GBP", "receipt": base64.b64encode(png()).decode()}
        ],
    }

    kind, result = door(user, user_client, api, note)

    assert kind == "stored", result
    assert result == {
        "interview": interview.pk,
        "bank": [
            ("How would you prioritise a backlog?", True, [interview.pk]),
            (known.text, True, [interview.pk]),
        ],
        "expenses": [("18.20", "GBP", "train", "image/png")],
        "promised": "2026-03-20",
    }


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"decision_promised_by": "2026-02-01"}, "decision_promised_by"),
        ({"interview_id": None}, "organisation"),
        ({"feeling": 9}, "feeling"),
        ({"costs": [{"amount": "4.00", "currency": "QQQ"}]}, "currency"),
    ],
)
def test_every_door_refuses_the_same_note_naming_the_same_field(
    door, user, user_client, api, changes, field
):
    interview = InterviewFactory(owner=user)
    note = {
        "client_id": str(uuid.uuid4()),
        "interview_id": interview.pk,
        "questions": ["What is provenance?"],
    }
    note.update(changes)

    kind, fields = door(user, user_client, api, note)

    assert (kind, field in fields) == ("refused", True), fields
    assert not Capture.objects.exists()
    assert not Question.objects.exists()


@pytest.mark.parametrize("door", DOORS)
def test_sending_the_same_note_twice_through_any_door_keeps_it_once(door, user, user_client, api):
    interview = InterviewFactory(owner=user)
    note = {
        "client_id": str(uuid.uuid4()),
        "interview_id": interview.pk,
        "questions": ["What is provenance?"],
    }

    first = door(user, user_client, api, note)
    second = door(user, user_client, api, note)

    assert first == second
    assert Capture.objects.count() == 1
    assert Question.objects.count() == 1

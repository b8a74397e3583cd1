"""After every interview: how it went, the questions, the costs and the decision day.

The how-it-went page, the API and ``nextround how-it-went`` keep the same
things and refuse the same ones, naming the field; nothing is half saved.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from nextround.expenses.models import Expense
from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind
from nextround.questions.models import Question
from tests.factories import InterviewFactory
from tests.workflows.doors import api_refusal

pytestmark = pytest.mark.django_db

# Today is 2 March 2026 (tests/workflows/conftest.py); the interview was on Friday.
FRIDAY = datetime.datetime(2026, 2, 27, 10, tzinfo=datetime.UTC)

NOTED = {
    "feeling": 4,
    "self_assessment": "Warm panel; I rushed the budget question.",
    "decision_promised_by": "2026-03-06",
    "questions": [
        "Tell us about a time you changed how something was done",
        "Why do you want to work with our archive?",
        "How would you handle a researcher who arrives without an appointment?",
    ],
    "cost": {"category": "train", "amount": "31.80", "currency": "GBP"},
}


def _stored(interview) -> tuple:
    interview.refresh_from_db()
    return (
        interview.feeling,
        interview.self_assessment,
        interview.decision_promised_by,
        sorted(Question.objects.filter(interviews=interview).values_list("text", "category")),
        sorted(
            (str(amount), category)
            for amount, category in Expense.objects.filter(interview=interview).values_list(
                "amount", "category"
            )
        ),
        sorted(Action.objects.filter(interview=interview).values_list("kind", flat=True)),
    )


def web_page(user_client, api, interview, noted):
    url = reverse("jobs:interview_debrief", args=[interview.pk])
    typed = "\n".join(noted["questions"])
    data = {
        "feeling": str(noted["feeling"]),
        "self_assessment": noted["self_assessment"],
        "decision_promised_by": noted["decision_promised_by"],
        "questions": typed,
        **{f"cost-0-{name}": value for name, value in noted["cost"].items()},
        "cost-1-category": "train",
        "cost-1-amount": "",
        "cost-1-currency": "GBP",
    }
    first = user_client.post(url, data)
    if typed and first.status_code == 200:
        # The kinds are suggested; the person keeps them and saves.
        first = user_client.post(url, {**data, "checked_questions": typed})
    if first.status_code != 302:
        assert first.status_code == 422, first.status_code
        errors = set(first.context["how_form"].errors) | set(first.context["questions_form"].errors)
        for form in first.context["cost_forms"]:
            errors |= set(form.errors)
        return "refused", errors
    return "stored", _stored(interview)


def api_calls(user_client, api, interview, noted):
    """The interview's PATCH, the questions route and the expenses collection."""
    patch = api.patch(
        f"/api/v1/interviews/{interview.pk}",
        {name: noted[name] for name in ("feeling", "self_assessment", "decision_promised_by")},
    )
    if patch.status_code != 200:
        return api_refusal(patch)
    if noted["questions"]:
        asked = api.post(
            f"/api/v1/interviews/{interview.pk}/questions",
            {"questions": [{"text": text} for text in noted["questions"]]},
        )
        if asked.status_code != 201:
            return api_refusal(asked)
    spent = api.post("/api/v1/expenses", {"interview_id": interview.pk, **noted["cost"]})
    if spent.status_code != 201:
        return api_refusal(spent)
    return "stored", _stored(interview)


# What the command line calls a field, in the model's names.
CLI_NAMES = {"--decision-by": "decision_promised_by", "--feeling": "feeling", "--cost": "amount"}


def cli_command(user_client, api, interview, noted):
    """``nextround how-it-went INTERVIEW --feeling … --question … --cost …``."""
    cost = noted["cost"]
    argv = [
        "how-it-went",
        "--user",
        interview.owner.username,
        str(interview.pk),
        "--feeling",
        str(noted["feeling"]),
        "--note",
        noted["self_assessment"],
        "--decision-by",
        noted["decision_promised_by"],
        "--cost",
        f"{cost['amount']}:{cost['category']}",
        "--currency",
        cost["currency"],
    ]
    for text in noted["questions"]:
        argv += ["--question", text]
    try:
        call_command(*argv, stdout=io.StringIO(), stderr=io.StringIO())
    except CommandError as error:
        message = str(error).removeprefix("Error: argument ")
        name = message.split(":", 1)[0].split("/")[0].strip()
        return "refused", {CLI_NAMES.get(name, name)}
    return "stored", _stored(interview)


DOORS = [web_page, api_calls, cli_command]


@pytest.mark.parametrize("door", DOORS)
def test_every_door_keeps_the_same_debrief_with_a_kind_for_each_question(
    door, user, user_client, api
):
    interview = InterviewFactory(owner=user, starts_at=FRIDAY, format=InterviewFormat.VIDEO)
    answer = door(user_client, api, interview, NOTED)
    assert answer == (
        "stored",
        (
            4,
            "Warm panel; I rushed the budget question.",
            datetime.date(2026, 3, 6),
            [
                (
                    "How would you handle a researcher who arrives without an appointment?",
                    "situational",
                ),
                ("Tell us about a time you changed how something was done", "competency"),
                ("Why do you want to work with our archive?", "motivation"),
            ],
            [("31.80", "train")],
            # The promise starts a chase; the fare earns a claim step, video call or not.
            [ActionKind.CHASE_DECISION, ActionKind.CLAIM_EXPENSES],
        ),
    )


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"decision_promised_by": "2026-02-01"}, "decision_promised_by"),
        ({"decision_promised_by": "0202-03-06"}, "decision_promised_by"),
        ({"feeling": 7}, "feeling"),
        ({"cost": {"category": "train", "amount": "-4", "currency": "GBP"}}, "amount"),
    ],
)
def test_every_door_refuses_the_same_slips_naming_the_field(
    door, user, user_client, api, change, field
):
    interview = InterviewFactory(owner=user, starts_at=FRIDAY, format=InterviewFormat.VIDEO)
    answer = door(user_client, api, interview, {**NOTED, "questions": [], **change})
    assert answer[0] == "refused"
    assert field in answer[1]
    # What was refused is not kept (the API's calls are separate requests, so an
    # interview change sent before a refused cost stands on its own).
    assert not Expense.objects.exists()
    if field != "amount":
        interview.refresh_from_db()
        assert (interview.feeling, interview.decision_promised_by) == (None, None)

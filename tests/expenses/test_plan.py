"""Expenses and the playbook: a journey made, or money spent, earns the interview a claim step."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from nextround.expenses.claims import save_expense
from nextround.expenses.models import Expense
from nextround.jobs.models import InterviewFormat
from nextround.network.interviews import save_interview
from nextround.playbook.models import Action, ActionKind
from nextround.playbook.plan import interview_saved, record_outcome
from tests.expenses.factories import ExpenseFactory
from tests.factories import ApplicationFactory, InterviewFactory


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_a_video_interview_with_expenses_gets_a_claim_step(user):
    spent = InterviewFactory(owner=user, format=InterviewFormat.VIDEO)
    ExpenseFactory(owner=user, interview=spent, category="other", description="Printing")
    record_outcome(spent.application, "rejected", datetime.date(2026, 11, 19))
    assert Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES, interview=spent).exists()


@time_machine.travel(datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC))
def test_a_video_interview_without_expenses_gets_none(user):
    nothing = InterviewFactory(owner=user, format=InterviewFormat.VIDEO)
    record_outcome(nothing.application, "rejected", datetime.date(2026, 11, 19))
    assert not Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES).exists()


# The claim step follows the interview itself, not the outcome (Monday 2 March 2026).
MONDAY = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


def _claims(interview):
    return list(
        Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES, interview=interview).values_list(
            "status", "due_on"
        )
    )


@time_machine.travel(MONDAY, tick=False)
def test_an_in_person_interview_gets_its_claim_step_a_working_day_after_it_with_no_outcome(
    user,
):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 2, 1))
    # Friday 6 March: the step is made now, due the next working day (Monday 9 March).
    interview = save_interview(
        user,
        None,
        {
            "application": application,
            "starts_at": datetime.datetime(2026, 3, 6, 10, tzinfo=datetime.UTC),
            "format": InterviewFormat.IN_PERSON,
        },
    )
    assert _claims(interview) == [("open", datetime.date(2026, 3, 9))]
    assert not application.outcome


@time_machine.travel(MONDAY, tick=False)
def test_a_remote_interview_with_a_cost_recorded_gets_a_claim_step(user):
    interview = InterviewFactory(owner=user, format=InterviewFormat.VIDEO)
    interview_saved(interview)
    assert _claims(interview) == []
    save_expense(Expense(owner=user, interview=interview, amount=Decimal("4.20"), category="other"))
    assert _claims(interview) == [("open", datetime.date(2026, 3, 2))]


@time_machine.travel(MONDAY, tick=False)
def test_a_remote_interview_with_nothing_spent_gets_no_claim_step_before_or_after_the_outcome(
    user,
):
    interview = InterviewFactory(owner=user, format=InterviewFormat.PHONE)
    interview_saved(interview)
    record_outcome(interview.application, "offered", datetime.date(2026, 3, 2))
    assert _claims(interview) == []


@time_machine.travel(MONDAY, tick=False)
def test_an_interview_moved_online_with_nothing_spent_loses_its_claim_step(user):
    interview = InterviewFactory(owner=user, format=InterviewFormat.IN_PERSON)
    save_interview(user, interview, {})
    assert _claims(interview) == [("open", datetime.date(2026, 3, 2))]
    save_interview(user, interview, {"format": InterviewFormat.VIDEO})
    assert _claims(interview) == [("skipped", datetime.date(2026, 3, 2))]


@time_machine.travel(MONDAY, tick=False)
def test_the_outcome_neither_doubles_nor_moves_nor_retires_the_claim_step(user):
    interview = InterviewFactory(
        owner=user,
        format=InterviewFormat.IN_PERSON,
        starts_at=datetime.datetime(2026, 2, 20, 10, tzinfo=datetime.UTC),
    )
    save_interview(user, interview, {})
    before = _claims(interview)
    with time_machine.travel(datetime.datetime(2026, 3, 5, 9, tzinfo=datetime.UTC), tick=False):
        record_outcome(interview.application, "rejected", datetime.date(2026, 3, 5))
        record_outcome(interview.application, "offered", datetime.date(2026, 3, 5))
    assert _claims(interview) == before == [("open", datetime.date(2026, 3, 2))]


@time_machine.travel(MONDAY, tick=False)
@pytest.mark.parametrize(
    ("door", "format_", "expected"),
    [
        ("web", "in_person", 1),
        ("web", "video", 0),
        ("api", "in_person", 1),
        ("api", "phone", 0),
    ],
)
def test_every_door_that_adds_an_interview_plans_its_claim_alike(
    user, user_client, api, door, format_, expected
):
    application = ApplicationFactory(owner=user, applied_on=datetime.date(2026, 2, 1))
    if door == "web":
        response = user_client.post(
            reverse("jobs:interview_create"),
            {"application": application.pk, "starts_at": "2026-02-27T10:00", "format": format_},
        )
        assert response.status_code == 302
    else:
        response = api.post(
            "/api/v1/interviews",
            {
                "application_id": application.pk,
                "starts_at": "2026-02-27T10:00:00+00:00",
                "format": format_,
            },
        )
        assert response.status_code == 201
    claims = Action.objects.filter(kind=ActionKind.CLAIM_EXPENSES, application=application)
    assert claims.count() == expected


@time_machine.travel(MONDAY, tick=False)
@pytest.mark.parametrize("door", ["web", "api"])
def test_deleting_the_only_cost_of_a_remote_interview_retires_its_claim_step(
    user, user_client, api, door
):
    interview = InterviewFactory(owner=user, format=InterviewFormat.VIDEO)
    expense = save_expense(
        Expense(owner=user, interview=interview, amount=Decimal("4.20"), category="other")
    )
    assert _claims(interview) == [("open", datetime.date(2026, 3, 2))]
    if door == "web":
        response = user_client.post(reverse("expenses:expense_delete", args=[expense.pk]))
        assert response.status_code == 302
    else:
        assert api.delete(f"/api/v1/expenses/{expense.pk}").status_code == 204
    assert not Expense.objects.exists()
    assert _claims(interview) == [("skipped", datetime.date(2026, 3, 2))]

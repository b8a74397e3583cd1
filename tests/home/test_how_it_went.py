"""After every interview, not only after a no: Today asks how it went, and one page keeps it all."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from nextround.expenses.models import Expense
from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind
from nextround.questions.models import Category, Question
from tests.factories import InterviewFactory
from tests.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC)
YESTERDAY = NOW - datetime.timedelta(days=1)


def url(interview) -> str:
    return reverse("jobs:interview_debrief", args=[interview.pk])


def empty_costs() -> dict:
    return {
        f"cost-{row}-{name}": value
        for row in range(2)
        for name, value in (("category", "train"), ("amount", ""), ("currency", "GBP"))
    }


@time_machine.travel(NOW, tick=False)
def test_today_asks_how_an_interview_went_once_it_is_over(user, user_client):
    over = InterviewFactory(owner=user, starts_at=YESTERDAY, application__role="Archive assistant")
    InterviewFactory(
        owner=user,
        starts_at=NOW + datetime.timedelta(days=2),
        application__role="Library officer",
    )
    page = user_client.get(reverse("today")).content.decode()
    assert "How did it go?" in page
    assert url(over) in page
    section = page.split('id="how-it-went-heading"')[1].split("</section>")[0]
    assert "Archive assistant" in section
    assert "Library officer" not in section


@time_machine.travel(NOW, tick=False)
def test_today_stops_asking_once_the_person_has_said_how_it_went(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY)
    response = user_client.post(
        url(interview), {"feeling": "4", "self_assessment": "", **empty_costs()}
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.feeling == 4
    assert url(interview) not in user_client.get(reverse("today")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_typed_questions_are_offered_with_a_kind_each_before_anything_is_kept(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY)
    typed = "Tell us about a time you calmed an upset visitor\nWhy do you want this role?"
    data = {"questions": typed, **empty_costs()}
    check = user_client.post(url(interview), data)
    assert check.status_code == 200
    assert not Question.objects.exists()
    page = check.content.decode()
    assert 'value="competency" selected' in page
    assert 'value="motivation" selected' in page
    # The person changes the first one, then saves.
    saved = user_client.post(
        url(interview),
        {
            **data,
            "checked_questions": typed,
            "category_0": "situational",
            "category_1": "motivation",
        },
    )
    assert saved.status_code == 302
    kept = dict(Question.objects.filter(owner=user).values_list("text", "category"))
    assert kept == {
        "Tell us about a time you calmed an upset visitor": Category.SITUATIONAL,
        "Why do you want this role?": Category.MOTIVATION,
    }
    assert set(Question.objects.filter(interviews=interview).values_list("id", flat=True)) == set(
        Question.objects.filter(owner=user).values_list("id", flat=True)
    )


@time_machine.travel(NOW, tick=False)
def test_a_question_already_in_the_bank_is_linked_not_doubled(user, user_client):
    known = QuestionFactory(owner=user, text="Why do you want to work for us?")
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY)
    typed = "- Why do you want to work for us"
    user_client.post(
        url(interview), {"questions": typed, "checked_questions": typed, **empty_costs()}
    )
    assert Question.objects.filter(owner=user).count() == 1
    assert list(known.interviews.all()) == [interview]


@time_machine.travel(NOW, tick=False)
def test_the_costs_the_decision_day_and_how_it_went_are_kept_together(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY, format=InterviewFormat.VIDEO)
    response = user_client.post(
        url(interview),
        {
            "feeling": "3",
            "self_assessment": "Nervous at first, then fine.",
            "decision_promised_by": "2026-03-10",
            **empty_costs(),
            "cost-0-category": "other",
            "cost-0-description": "Printing the portfolio",
            "cost-0-amount": "6.50",
        },
    )
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.self_assessment == "Nervous at first, then fine."
    assert interview.decision_promised_by == datetime.date(2026, 3, 10)
    (expense,) = Expense.objects.filter(interview=interview)
    assert (expense.amount, expense.description) == (Decimal("6.50"), "Printing the portfolio")
    kinds = set(Action.objects.filter(interview=interview).values_list("kind", flat=True))
    # The promise starts its chase; the cost earns a claim step even for a video call.
    assert kinds == {ActionKind.CHASE_DECISION, ActionKind.CLAIM_EXPENSES}


@time_machine.travel(NOW, tick=False)
def test_a_bad_cost_names_its_field_and_nothing_is_kept(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY)
    response = user_client.post(
        url(interview),
        {
            "feeling": "2",
            "self_assessment": "Hard going.",
            **empty_costs(),
            "cost-0-amount": "-3",
        },
    )
    assert response.status_code == 422
    assert "amount" in response.context["cost_forms"][0].errors
    interview.refresh_from_db()
    assert (interview.feeling, interview.self_assessment) == (None, "")
    assert not Expense.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_decision_day_before_the_interview_is_refused_naming_it(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY)
    response = user_client.post(
        url(interview),
        {"decision_promised_by": "2026-02-01", "feeling": "5", **empty_costs()},
    )
    assert response.status_code == 422
    assert "decision_promised_by" in response.context["how_form"].errors
    interview.refresh_from_db()
    assert interview.feeling is None


@time_machine.travel(NOW, tick=False)
def test_a_past_interview_added_is_met_with_a_question_not_good_luck(user, user_client):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY)
    data = {
        "application": interview.application_id,
        "starts_at": "2026-03-01T10:00",
        "format": "in_person",
    }
    response = user_client.post(reverse("jobs:interview_create"), data, follow=True)
    page = response.content.decode()
    assert "Good luck" not in page
    assert "Interview saved." in page and "How did it go?" in page
    future = {**data, "starts_at": "2026-03-20T10:00"}
    page = user_client.post(reverse("jobs:interview_create"), future, follow=True).content.decode()
    assert "Interview added. Good luck!" in page


@time_machine.travel(NOW, tick=False)
def test_the_interview_page_offers_how_it_went_only_once_it_is_over(user, user_client):
    over = InterviewFactory(owner=user, starts_at=YESTERDAY)
    coming = InterviewFactory(owner=user, starts_at=NOW + datetime.timedelta(days=3))
    assert url(over) in user_client.get(over.get_absolute_url()).content.decode()
    assert url(coming) not in user_client.get(coming.get_absolute_url()).content.decode()


@time_machine.travel(NOW, tick=False)
def test_today_asks_about_an_interview_after_a_no_as_after_any_other(user, user_client):
    interview = InterviewFactory(
        owner=user,
        starts_at=YESTERDAY,
        application__outcome="rejected",
        application__status="rejected",
        application__decided_on=NOW.date(),
    )
    assert url(interview) in user_client.get(reverse("today")).content.decode()


@time_machine.travel(NOW, tick=False)
def test_another_person_s_interview_cannot_be_looked_back_on(other_user, user_client):
    theirs = InterviewFactory(owner=other_user, starts_at=YESTERDAY)
    response = user_client.post(url(theirs), {"feeling": "1", **empty_costs()})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.feeling is None


@time_machine.travel(NOW, tick=False)
def test_the_terminal_lists_the_interviews_waiting_and_keeps_a_note_on_one(user):
    interview = InterviewFactory(owner=user, starts_at=YESTERDAY, application__role="Archivist")
    out = io.StringIO()
    call_command("how-it-went", "--user", user.username, stdout=out)
    assert f"{interview.pk}" in out.getvalue() and "Archivist" in out.getvalue()
    out = io.StringIO()
    call_command(
        "how-it-went",
        "--user",
        user.username,
        str(interview.pk),
        "--feeling",
        "2",
        "--question",
        "Why do you want to work here?",
        stdout=out,
    )
    assert "1 question." in out.getvalue()
    assert "Motivation: Why do you want to work here?" in out.getvalue()
    interview.refresh_from_db()
    assert interview.feeling == 2
    out = io.StringIO()
    call_command("how-it-went", "--user", user.username, stdout=out)
    assert "No recent interview is waiting" in out.getvalue()


@time_machine.travel(NOW, tick=False)
def test_just_had_an_interview_leads_to_the_latest_one_waiting_or_to_adding_one(user, user_client):
    entry = reverse("jobs:just_interviewed")
    assert user_client.get(entry).url == reverse("jobs:application_create")
    earlier = InterviewFactory(owner=user, starts_at=NOW - datetime.timedelta(days=6))
    earlier.feeling = 3
    earlier.save()
    assert user_client.get(entry).url == reverse("jobs:interview_create")
    InterviewFactory(owner=user, starts_at=NOW - datetime.timedelta(days=6))
    latest = InterviewFactory(owner=user, starts_at=YESTERDAY)
    InterviewFactory(owner=user, starts_at=NOW + datetime.timedelta(days=1))
    assert user_client.get(entry).url == url(latest)

"""The Gaps, skill, Insights and Today pages, with no data and with plenty."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from nextround.feedback.models import GapMention, ImprovementAction, SkillCategory
from nextround.jobs.models import Contract, Outcome
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory
from tests.feedback.factories import (
    FeedbackFactory,
    ImprovementActionFactory,
    SkillFactory,
    SuccessfulCandidateFactory,
)

TODAY = datetime.date(2026, 11, 26)


def build_history(user, size: int = 1) -> None:
    """A made-up job search: applications, interviews, outcomes, feedback, gaps and steps."""
    skills = [
        SkillFactory(owner=user, name=f"Skill {size}-{n}", category=list(SkillCategory)[n % 5])
        for n in range(3 * size)
    ]
    for n in range(4 * size):
        organisation = OrganisationFactory(owner=user, name=f"Harbour Museum {size}-{n}")
        applied_on = TODAY - datetime.timedelta(days=20 + 17 * (n % 12))
        first = ApplicationFactory(
            owner=user,
            organisation=organisation,
            applied_on=applied_on,
            contract=list(Contract)[n % 4],
        )
        interview_at = timezone.make_aware(
            datetime.datetime.combine(applied_on + datetime.timedelta(days=10), datetime.time(10))
        )
        InterviewFactory(
            owner=user,
            application=first,
            starts_at=interview_at,
            decision_promised_by=applied_on + datetime.timedelta(days=14),
        )
        first.outcome = [Outcome.REJECTED, Outcome.OFFERED, Outcome.NO_REPLY][n % 3]
        first.status = first.outcome
        first.decided_on = applied_on + datetime.timedelta(days=19)
        first.save()
        ApplicationFactory(
            owner=user,
            organisation=organisation,
            applied_on=applied_on + datetime.timedelta(days=5),
            reapplies_to=first,
            outcome=Outcome.NOT_INVITED,
            status=Outcome.NOT_INVITED,
            decided_on=applied_on + datetime.timedelta(days=9),
        )
        feedback = FeedbackFactory(owner=user, application=first, received_on=first.decided_on)
        GapMention.objects.create(owner=user, skill=skills[n % len(skills)], feedback=feedback)
        winner = SuccessfulCandidateFactory(
            owner=user, application=first, inside_appointment=n % 4 == 0, evidence="Internal post."
        )
        GapMention.objects.create(
            owner=user, skill=skills[(n + 1) % len(skills)], successful_candidate=winner
        )
    for skill in skills:
        ImprovementActionFactory(owner=user, skill=skill, status="done")
        ImprovementActionFactory(owner=user, skill=skill, target_on=TODAY)


PAGES = ["feedback:gaps", "insights", "today"]


@pytest.mark.parametrize("name", PAGES)
def test_the_page_reads_kindly_with_no_data(user_client, name):
    response = user_client.get(reverse(name))
    assert response.status_code == 200
    assert b"Traceback" not in response.content


@time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC))
@pytest.mark.parametrize("name", PAGES)
def test_the_page_shows_rich_data(user, user_client, name):
    build_history(user)
    response = user_client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    if name != "insights":
        assert "Skill 1-" in page
    else:
        assert 'role="img"' in page
        assert "as a table" in page
        assert "Rejected after interview" in page
        assert "No reply" in page
        assert "possible inside appointment" in page


@time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC))
@pytest.mark.parametrize("name", PAGES)
def test_queries_stay_flat_as_the_history_grows(
    user, user_client, name, django_assert_max_num_queries
):
    build_history(user, size=1)
    with django_assert_max_num_queries(40) as small:
        user_client.get(reverse(name))
    build_history(user, size=10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        user_client.get(reverse(name))


def test_the_gaps_page_explains_the_score_and_links_each_source(user, user_client):
    feedback = FeedbackFactory(owner=user)
    skill = SkillFactory(owner=user, name="Object handling")
    GapMention.objects.create(owner=user, skill=skill, feedback=feedback)
    page = user_client.get(reverse("feedback:gaps")).content.decode()
    assert "the more recently" in page
    assert "score" not in page
    assert "Mentioned once by 1 organisation, most recently in " in page
    assert feedback.get_absolute_url() in page
    assert "Plan a step" in page


def test_adding_an_improvement_action_shows_it_on_the_gap(user, user_client):
    skill = SkillFactory(owner=user, name="Digitisation")
    response = user_client.post(
        reverse("feedback:improvement_create", args=[skill.pk]),
        {"kind": "volunteering", "title": "Scan glass plates on Saturdays", "status": "planned"},
    )
    assert response.status_code == 302
    action = ImprovementAction.objects.get()
    user_client.post(reverse("feedback:improvement_status", args=[action.pk]), {"status": "done"})
    action.refresh_from_db()
    assert action.done_on is not None
    page = user_client.get(skill.get_absolute_url()).content.decode()
    assert "1 of 1 done" in page


def test_an_improvement_action_needs_a_title(user, user_client):
    skill = SkillFactory(owner=user)
    response = user_client.post(
        reverse("feedback:improvement_create", args=[skill.pk]),
        {"kind": "reading", "title": "", "status": "planned"},
    )
    assert response.status_code == 422
    assert 'id="id_title_error"' in response.content.decode()
    assert not ImprovementAction.objects.exists()


@time_machine.travel(datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC))
def test_today_shows_the_top_three_gaps_and_how_long_a_place_usually_takes(user, user_client):
    organisation = OrganisationFactory(owner=user, kind="museum")
    for days in (8, 9, 10):
        past = ApplicationFactory(
            owner=user, organisation=organisation, applied_on=TODAY - datetime.timedelta(days=90)
        )
        InterviewFactory(
            owner=user, application=past, starts_at=timezone.now() - datetime.timedelta(days=60)
        )
        past.outcome, past.status = Outcome.REJECTED, Outcome.REJECTED
        past.decided_on = TODAY - datetime.timedelta(days=60 - days)
        past.save()
    waiting = ApplicationFactory(owner=user, organisation=organisation)
    InterviewFactory(
        owner=user, application=waiting, starts_at=timezone.now() - datetime.timedelta(days=2)
    )
    for n in range(4):
        GapMention.objects.create(
            owner=user,
            skill=SkillFactory(owner=user, name=f"Gap {n}"),
            feedback=FeedbackFactory(owner=user),
        )
    page = user_client.get(reverse("today")).content.decode()
    assert "This museum usually answers in 9 days" in page
    assert page.count("Plan a small step") == 3


def test_another_users_skill_and_steps_are_not_found(user_client, other_user):
    skill = SkillFactory(owner=other_user)
    action = ImprovementActionFactory(owner=other_user, skill=skill)
    for url in (
        reverse("feedback:skill", args=[skill.pk]),
        reverse("feedback:skill_edit", args=[skill.pk]),
        reverse("feedback:skill_delete", args=[skill.pk]),
        reverse("feedback:improvement_edit", args=[action.pk]),
        reverse("feedback:improvement_delete", args=[action.pk]),
    ):
        assert user_client.get(url).status_code == 404, url
    for url in (
        reverse("feedback:improvement_create", args=[skill.pk]),
        reverse("feedback:improvement_status", args=[action.pk]),
        reverse("feedback:skill_delete", args=[skill.pk]),
    ):
        assert user_client.post(url, {"title": "x", "status": "done"}).status_code == 404, url
    action.refresh_from_db()
    assert action.status == "planned"
    page = user_client.get(reverse("feedback:gaps")).content.decode()
    assert skill.name not in page

"""The figures behind the Insights page, counted from small made-up histories."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from nextround.feedback import insights as feedback_insights
from nextround.home import demo
from nextround.home.charts import bar_chart
from nextround.jobs import insights
from nextround.jobs.models import Contract, Outcome
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory
from tests.feedback.factories import SuccessfulCandidateFactory

NOW = datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC)
TODAY = NOW.date()


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def ended(application, outcome, on):
    application.outcome = application.status = outcome
    application.decided_on = on
    application.save()
    return application


@time_machine.travel(NOW, tick=False)
def test_the_funnel_counts_each_stage_by_month_applied(user):
    october = datetime.date(2026, 10, 5)
    invited = ApplicationFactory(owner=user, applied_on=october)
    InterviewFactory(
        owner=user, application=invited, starts_at=at(october + datetime.timedelta(days=9))
    )
    ended(invited, Outcome.OFFERED, october + datetime.timedelta(days=12))
    booked = ApplicationFactory(owner=user, applied_on=october)
    InterviewFactory(owner=user, application=booked, starts_at=NOW + datetime.timedelta(days=3))
    ended(
        ApplicationFactory(owner=user, applied_on=october),
        Outcome.NOT_INVITED,
        october + datetime.timedelta(days=20),
    )
    ApplicationFactory(owner=user, applied_on=datetime.date(2024, 1, 1))
    months = {m.month: m for m in insights.funnel_by_month(user, today=TODAY)}
    assert len(months) == 12
    row = months[datetime.date(2026, 10, 1)]
    assert (row.applied, row.invited, row.interviewed, row.offered) == (3, 2, 1, 1)


def test_outcomes_keep_every_reason_apart(user):
    for outcome, contract in (
        (Outcome.REJECTED, Contract.PAID),
        (Outcome.NOT_INVITED, Contract.PAID),
        (Outcome.NO_REPLY, Contract.VOLUNTARY),
        (Outcome.NO_REPLY, Contract.VOLUNTARY),
    ):
        ended(ApplicationFactory(owner=user, contract=contract), outcome, TODAY)
    assert insights.outcomes_by_reason(user) == [
        ("Rejected after interview", 1),
        ("Not invited to interview", 1),
        ("No reply", 2),
    ]
    assert insights.outcomes_by_contract(user) == [
        ("Paid (permanent)", [("Rejected after interview", 1), ("Not invited to interview", 1)]),
        ("Voluntary", [("No reply", 2)]),
    ]


@time_machine.travel(NOW, tick=False)
def test_decision_times_are_learned_per_organisation(user):
    museum = OrganisationFactory(owner=user, kind="museum", name="Quayside Museum")
    for waited, promised in ((8, 7), (9, 7), (14, 7)):
        interviewed = TODAY - datetime.timedelta(days=100)
        application = ApplicationFactory(
            owner=user, organisation=museum, applied_on=interviewed - datetime.timedelta(days=20)
        )
        InterviewFactory(
            owner=user,
            application=application,
            starts_at=at(interviewed),
            decision_promised_by=interviewed + datetime.timedelta(days=promised),
        )
        ended(application, Outcome.REJECTED, interviewed + datetime.timedelta(days=waited))
    ghosted = ApplicationFactory(
        owner=user, organisation=museum, applied_on=TODAY - datetime.timedelta(days=90)
    )
    InterviewFactory(
        owner=user, application=ghosted, starts_at=at(TODAY - datetime.timedelta(days=80))
    )
    ended(ghosted, Outcome.NO_REPLY, TODAY)
    wait = insights.decision_times(user).for_organisation(museum.pk)
    assert (wait.usual_days, wait.promised_usual_days, wait.decisions) == (9, 7, 3)
    assert wait.sentence == "this museum usually answers in 9 days"


@time_machine.travel(NOW, tick=False)
def test_one_decision_is_described_as_last_time(user):
    archive = OrganisationFactory(owner=user, kind="archive")
    application = ApplicationFactory(
        owner=user, organisation=archive, applied_on=TODAY - datetime.timedelta(days=40)
    )
    InterviewFactory(
        owner=user, application=application, starts_at=at(TODAY - datetime.timedelta(days=30))
    )
    ended(application, Outcome.OFFERED, TODAY - datetime.timedelta(days=29))
    wait = insights.decision_times(user).for_organisation(archive.pk)
    assert wait.sentence == "last time this archive answered in 1 day"


def test_second_tries_are_compared_with_first_tries(user):
    first = ended(ApplicationFactory(owner=user), Outcome.NOT_INVITED, TODAY)
    second = ApplicationFactory(owner=user, reapplies_to=first)
    InterviewFactory(owner=user, application=second)
    ended(second, Outcome.ACCEPTED, TODAY)
    sides = insights.reapplication_success(user)
    assert (sides["first"].tries, sides["first"].invited, sides["first"].offered) == (1, 0, 0)
    assert (sides["later"].tries, sides["later"].invited, sides["later"].offered) == (1, 1, 1)
    assert sides["later"].rate(sides["later"].offered) == 100


def test_inside_appointments_are_counted_apart(user):
    SuccessfulCandidateFactory(owner=user)
    SuccessfulCandidateFactory(
        owner=user, inside_appointment=True, evidence="Acting up for a year."
    )
    assert feedback_insights.inside_appointments(user) == (2, 1)


def test_every_bar_says_what_it_is_in_words():
    chart = bar_chart("t", "Title", "Summary", [("Oct", [("applied", 4), ("offered", 0)])])
    (group,) = chart.groups
    assert [(bar.series, bar.display) for bar in group.bars] == [("applied", "4"), ("offered", "0")]
    assert group.cells == ["4", "0"]
    assert group.bars[0].width > group.bars[1].width == 0


@time_machine.travel(NOW, tick=False)
def test_the_demo_story_fills_the_gaps_and_insights_pages(db, client):
    story = demo.build()
    client.force_login(story.user)
    gaps = client.get(reverse("feedback:gaps")).content.decode()
    assert "Archive cataloguing and arrangement" in gaps
    assert "possible inside appointment" in gaps
    page = client.get(reverse("insights")).content.decode()
    assert "Second and later tries" in page
    assert "Northgate Archives Trust" in page
    today = client.get(reverse("today")).content.decode()
    assert "Gaps you are working on" in today
    for feedback in story.extra["feedback"].values():
        assert client.get(feedback.get_absolute_url()).status_code == 200

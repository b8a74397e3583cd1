"""After a no, in a real browser: the plan appears on Today, the feedback request
is drafted and sent, and the step leaves the list, with an undo right there."""

import datetime
import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.accessibility import assert_accessible
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory


def visit(page, path=None):
    if path is not None:
        page.goto(path)
    assert_accessible(page)


def test_a_rejection_becomes_a_plan_and_the_feedback_request_is_sent(logged_in_page, user):
    page = logged_in_page
    application = ApplicationFactory(
        owner=user,
        role="Collections Assistant",
        organisation__name="Harbour Maritime Museum",
        applied_on=timezone.localdate() - datetime.timedelta(days=20),
        applicants=40,
    )
    interview = InterviewFactory(
        owner=user,
        application=application,
        format="in_person",
        starts_at=timezone.now() - datetime.timedelta(days=5),
    )
    interview.panel.add(
        ContactFactory(owner=user, name="Morgan Reed", email="morgan.reed@example.org")
    )

    # The rejection, recorded on the application's page.
    visit(page, application.get_absolute_url())
    page.get_by_label("Outcome", exact=True).select_option("rejected")
    page.get_by_label("Date of the decision").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save outcome").click()
    visit(page)

    # Today: a calm word first, then the plan.
    visit(page, "/")
    expect(page.get_by_role("region", name="Don't take it personally")).to_contain_text(
        "40 people applied"
    )
    plan = page.get_by_role("region", name="Your plan")
    for step in ("Be kind to yourself", "Ask for feedback", "Connect with the panel"):
        expect(plan).to_contain_text(step)

    # The feedback request, drafted and ready to send.
    plan.get_by_role("link", name="Ask for feedback").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for feedback")
    visit(page)
    expect(page.get_by_role("textbox", name=re.compile("^Message"))).to_have_value(
        re.compile(r"^Dear Morgan,")
    )
    mail = page.get_by_role("link", name="Open it in your mail program")
    expect(mail).to_have_attribute(
        "href", re.compile(r"^mailto:morgan\.reed@example\.org\?subject=")
    )

    # Sent: back on Today it has left the list, and the undo is offered.
    page.get_by_role("button", name="Mark it sent").click()
    visit(page, "/")
    plan = page.get_by_role("region", name="Your plan")
    expect(plan.get_by_role("link", name="Ask for feedback")).to_have_count(0)
    expect(plan).to_contain_text("Be kind to yourself")

    # One click, with htmx: the row turns into "done" with an undo, then back.
    row = plan.get_by_role("listitem").filter(has_text="Be kind to yourself")
    row.get_by_role("button", name=re.compile("^Done")).click()
    moved = plan.get_by_role("listitem").filter(has_text="Marked done: Be kind to yourself")
    expect(moved.get_by_role("status")).to_be_visible()
    assert_accessible(page)
    moved.get_by_role("button", name=re.compile("^Undo")).click()
    expect(
        plan.get_by_role("listitem")
        .filter(has_text="Be kind to yourself")
        .get_by_role("button", name=re.compile("^Done"))
    ).to_be_visible()
    assert_accessible(page)

    # The whole plan page holds the chase that sending started.
    visit(page, "/plan/")
    expect(page.get_by_role("main")).to_contain_text("Chase the feedback")


def test_every_kind_of_step_reads_well_to_everyone(logged_in_page, user):
    from nextround.playbook.models import Action
    from nextround.playbook.plan import feedback_requested, interview_saved, record_outcome

    page = logged_in_page
    rejected = ApplicationFactory(
        owner=user, applied_on=timezone.localdate() - datetime.timedelta(days=30)
    )
    interview = InterviewFactory(owner=user, application=rejected, format="in_person")
    interview.panel.add(
        ContactFactory(owner=user, links={"linkedin": "https://linkedin.example.org/in/sam"})
    )
    record_outcome(rejected, "rejected", timezone.localdate())
    feedback_requested(rejected)
    waiting = InterviewFactory(
        owner=user,
        decision_promised_by=timezone.localdate(),
        starts_at=timezone.now() - datetime.timedelta(days=2),
    )
    interview_saved(waiting)
    record_outcome(ApplicationFactory(owner=user), "no_reply", timezone.localdate())
    seen = set()
    for action in Action.objects.filter(owner=user).order_by("kind"):
        if action.kind in seen:
            continue
        seen.add(action.kind)
        visit(page, action.get_absolute_url())
        expect(page.get_by_role("heading", level=1)).to_have_text(action.get_kind_display())
    assert len(seen) == 10
    visit(page, "/plan/")
    visit(page, "/accounts/settings/")

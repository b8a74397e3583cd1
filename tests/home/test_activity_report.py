"""Proof of job search: the dated activity report, on the page, as CSV and as PDF."""

import csv
import datetime
import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from nextround.home.activity import STEP_ACTIVITIES, activities
from nextround.home.views.activity import ROWS_SHOWN
from nextround.network.models import Interaction
from nextround.playbook.actions import complete_actions, ensure_action
from nextround.playbook.models import ActionKind
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory

TODAY = datetime.date(2026, 3, 20)


@pytest.fixture
def history(user):
    with time_machine.travel(datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC), tick=False):
        gallery = ApplicationFactory(
            owner=user, role="Learning Officer", applied_on=datetime.date(2026, 3, 2)
        )
        ApplicationFactory(owner=user, role="Too early", applied_on=datetime.date(2026, 1, 5))
        InterviewFactory(
            owner=user,
            application=gallery,
            stage="First interview",
            starts_at=datetime.datetime(2026, 3, 10, 10, tzinfo=datetime.UTC),
        )
        gallery.outcome, gallery.status, gallery.decided_on = (
            "rejected",
            "rejected",
            datetime.date(2026, 3, 16),
        )
        gallery.save()
        ensure_action(user, "ask_feedback", TODAY, application=gallery)
        complete_actions(user, ["ask_feedback"], application=gallery)
        contact = ContactFactory(owner=user, name="Sam Okafor")
        Interaction.objects.create(
            owner=user, contact=contact, happened_on=datetime.date(2026, 3, 18), channel="email"
        )
    return gallery


def test_the_report_lists_what_was_done_in_the_range_oldest_first(user, history):
    rows = activities(user, datetime.date(2026, 3, 1), TODAY)
    assert [row.kind for row in rows] == ["Applied", "Interview", "Outcome", "Contact", "Follow-up"]
    assert rows[0].on == datetime.date(2026, 3, 2)
    assert rows[2].detail == "Rejected after interview"
    assert "Too early" not in [row.role for row in rows]


def test_the_csv_has_a_header_and_a_line_per_activity(user, user_client, history):
    response = user_client.get(
        "/applications/activity/", {"start": "2026-03-01", "end": "2026-03-20", "format": "csv"}
    )
    assert response["Content-Disposition"].endswith('job-search-2026-03-01-to-2026-03-20.csv"')
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0] == ["date", "activity", "organisation", "role", "detail"]
    assert lines[1][:2] == ["2026-03-02", "Applied"]
    assert len(lines) == 6


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t=", "\r="])
def test_a_formula_in_user_text_is_defused_in_the_csv(user, user_client, start):
    role = start + 'HYPERLINK("http://example.org")'
    ApplicationFactory(owner=user, role=role, applied_on=timezone.localdate())
    response = user_client.get(
        "/applications/activity/",
        {
            "start": timezone.localdate().isoformat(),
            "end": timezone.localdate().isoformat(),
            "format": "csv",
        },
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode(), newline="")))
    assert rows[0]["role"] == "'" + role


def test_the_pdf_reads_back_with_the_activities(user, user_client, history):
    response = user_client.get(
        "/applications/activity/", {"start": "2026-03-01", "end": "2026-03-20", "format": "pdf"}
    )
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Job search activity" in text
    assert "Learning Officer" in text
    assert "Rejected after interview" in text


def test_the_page_shows_the_last_four_weeks_by_default(user, user_client):
    ApplicationFactory(
        owner=user, role="Archivist", applied_on=timezone.localdate() - datetime.timedelta(days=3)
    )
    response = user_client.get("/applications/activity/")
    assert b"Archivist" in response.content


def test_a_range_that_ends_before_it_starts_is_explained(user_client):
    response = user_client.get(
        "/applications/activity/", {"start": "2026-03-20", "end": "2026-03-01"}
    )
    assert response.status_code == 422
    assert b"The end comes before the start." in response.content


def test_someone_elses_activity_never_appears(user, other_user, user_client):
    ApplicationFactory(owner=other_user, role="Secret role", applied_on=timezone.localdate())
    assert b"Secret role" not in user_client.get("/applications/activity/").content


def test_every_kind_of_step_is_either_reported_or_left_out_on_purpose():
    # A new kind of step fails here until someone decides whether it is job-search activity.
    assert set(STEP_ACTIVITIES) == set(ActionKind.values)


@pytest.mark.parametrize("kind", [kind for kind, words in STEP_ACTIVITIES.items() if words is None])
def test_self_care_and_the_plans_own_reminders_never_appear(user, kind):
    with time_machine.travel(datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC), tick=False):
        application = ApplicationFactory(owner=user, role="Collections Assistant")
        ensure_action(user, kind, TODAY, application=application)
        complete_actions(user, [kind], application=application)
    rows = activities(user, TODAY, TODAY)
    assert rows == []


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("ask_feedback", "Asked for feedback"),
        ("chase_feedback", "Chased feedback"),
        ("chase_decision", "Chased the decision"),
        ("follow_up", "Followed up with the employer"),
    ],
)
def test_messages_to_employers_are_reported_in_plain_words(user, kind, words):
    with time_machine.travel(datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC), tick=False):
        application = ApplicationFactory(owner=user, role="Collections Assistant")
        ensure_action(user, kind, TODAY, application=application)
        complete_actions(user, [kind], application=application)
    [row] = activities(user, TODAY, TODAY)
    assert (row.kind, row.detail) == ("Follow-up", words)
    assert "Be kind" not in row.detail


def test_a_line_left_out_on_the_page_is_left_out_of_the_csv(user, user_client, history):
    dates = {"start": "2026-03-01", "end": "2026-03-20"}
    page = user_client.get("/applications/activity/", dates)
    interview_key = f"interview-{history.interviews.get().pk}"
    assert f'value="{interview_key}"'.encode() in page.content
    response = user_client.get(
        "/applications/activity/", {**dates, "format": "csv", "leave_out": [interview_key]}
    )
    kinds = [row["activity"] for row in csv.DictReader(io.StringIO(response.content.decode()))]
    assert kinds == ["Applied", "Outcome", "Contact", "Follow-up"]


def test_a_line_left_out_on_the_page_is_left_out_of_the_pdf(user, user_client, history):
    response = user_client.get(
        "/applications/activity/",
        {
            "start": "2026-03-01",
            "end": "2026-03-20",
            "format": "pdf",
            "leave_out": [f"applied-{history.pk}", f"outcome-{history.pk}"],
        },
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Rejected after interview" not in text
    assert "First interview" in text
    assert "3 activities" in text


def test_a_line_left_out_stays_ticked_on_the_page_and_leaves_the_count(user, user_client, history):
    response = user_client.get(
        "/applications/activity/",
        {"start": "2026-03-01", "end": "2026-03-20", "leave_out": [f"applied-{history.pk}"]},
    )
    html = response.content.decode()
    assert f'value="applied-{history.pk}" checked' in html
    assert "4 activities" in html


def test_the_report_is_signed_with_the_real_name_never_the_login_name(user_client, user, history):
    user.username, user.signing_name = "jo.bloggs", "Jo Bloggs"
    user.save()
    dates = {"start": "2026-03-01", "end": "2026-03-20"}
    pdf = user_client.get("/applications/activity/", {**dates, "format": "pdf"})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Jo Bloggs" in text
    assert "jo.bloggs" not in text
    assert (
        "jo.bloggs"
        not in user_client.get(
            "/applications/activity/", {**dates, "format": "csv"}
        ).content.decode()
    )
    page = user_client.get("/applications/activity/", dates).content.decode()
    assert "jo.bloggs" not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_a_report_without_a_known_name_carries_no_name_at_all(user_client, user, history):
    user.username = "jo.bloggs"
    user.first_name = user.last_name = user.signing_name = ""
    user.save()
    pdf = user_client.get(
        "/applications/activity/", {"start": "2026-03-01", "end": "2026-03-20", "format": "pdf"}
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "jo.bloggs" not in text
    assert "Job search activity" in text


def test_the_api_report_is_the_same_signed_with_the_real_name_and_leaves_lines_out(
    user, api, history
):
    user.username, user.signing_name = "jo.bloggs", "Jo Bloggs"
    user.save()
    dates = {"start": "2026-03-01", "end": "2026-03-20"}
    report = api.get("/api/v1/activity", **dates)
    assert report.status_code == 200
    assert report.json()["signed_by"] == "Jo Bloggs"
    assert "jo.bloggs" not in report.content.decode()
    rows = report.json()["activities"]
    assert [row["activity"] for row in rows] == [
        "Applied",
        "Interview",
        "Outcome",
        "Contact",
        "Follow-up",
    ]
    shorter = api.get("/api/v1/activity", **dates, leave_out=[rows[1]["key"], rows[3]["key"]])
    assert [row["activity"] for row in shorter.json()["activities"]] == [
        "Applied",
        "Outcome",
        "Follow-up",
    ]


def test_the_api_refuses_a_range_that_ends_before_it_starts_naming_the_end(api):
    response = api.get("/api/v1/activity", start="2026-03-20", end="2026-03-01")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "end"


def test_a_follow_up_with_a_contact_names_the_person_not_an_employer(user):
    contact = ContactFactory(owner=user, name="Morag Ellery")
    with time_machine.travel(datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC), tick=False):
        ensure_action(user, "follow_up", TODAY, contact=contact)
        complete_actions(user, ["follow_up"], contact=contact)
    [row] = activities(user, TODAY, TODAY)
    assert row.detail == "Followed up with Morag Ellery"


def test_the_page_says_where_to_add_a_name_when_none_is_known(user, user_client, history):
    user.first_name = user.last_name = user.signing_name = ""
    user.save()
    page = user_client.get("/applications/activity/", {"start": "2026-03-01", "end": "2026-03-20"})
    assert "add the name you sign letters with in Settings" in page.content.decode()


def test_an_interview_still_to_come_is_not_reported_yet(user):
    with time_machine.travel(datetime.datetime(2026, 3, 20, 12, tzinfo=datetime.UTC), tick=False):
        InterviewFactory(
            owner=user, starts_at=datetime.datetime(2026, 3, 25, 10, tzinfo=datetime.UTC)
        )
        assert activities(user, TODAY, datetime.date(2026, 3, 31)) == []


def test_a_long_report_shows_a_page_at_a_time_and_the_downloads_hold_every_line(user, user_client):
    first_day = datetime.date(2025, 1, 1)
    applications = [
        ApplicationFactory(
            owner=user,
            role=f"Role {number:03d}",
            applied_on=first_day + datetime.timedelta(days=number),
        )
        for number in range(ROWS_SHOWN + 5)
    ]
    dates = {"start": "2025-01-01", "end": "2025-12-31"}
    # A line ticked on the first page, then the second page asked for.
    ticked = f"applied-{applications[0].pk}"

    page = user_client.get("/applications/activity/", {**dates, "leave_out": [ticked], "page": 2})

    html = page.content.decode()
    assert html.count('name="leave_out"') == 5 + 1  # five lines, and the tick from page one
    assert f'<input type="hidden" name="leave_out" value="{ticked}">' in html
    assert "Role 104" in html and "Role 099" not in html
    assert "Page 2 of 2" in html and 'name="page" value="1"' in html
    assert f"{ROWS_SHOWN + 4} activities" in html

    csv_file = user_client.get(
        "/applications/activity/", {**dates, "leave_out": [ticked], "page": 2, "format": "csv"}
    )
    roles = [row["role"] for row in csv.DictReader(io.StringIO(csv_file.content.decode()))]
    assert len(roles) == ROWS_SHOWN + 4
    assert "Role 000" not in roles


def test_the_report_page_stays_small_however_long_the_range(user, user_client):
    first_day = datetime.date(2025, 1, 1)
    for number in range(3 * ROWS_SHOWN):
        ApplicationFactory(
            owner=user, role="Archivist", applied_on=first_day + datetime.timedelta(days=number)
        )
    page = user_client.get("/applications/activity/", {"start": "2025-01-01", "end": "2025-12-31"})
    assert page.content.decode().count('name="leave_out"') == ROWS_SHOWN

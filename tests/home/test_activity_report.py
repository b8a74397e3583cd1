"""Proof of job search: the dated activity report, on the page, as CSV and as PDF."""

import csv
import datetime
import io

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from nextround.home.activity import activities
from nextround.network.models import Interaction
from nextround.playbook.actions import complete_actions, ensure_action
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

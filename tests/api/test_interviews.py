import datetime

import pytest

from nextround.jobs.models import Interview
from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return response.content.decode()


@pytest.fixture
def application(user):
    return ApplicationFactory(owner=user, applied_on=datetime.date(2026, 1, 10))


def test_it_creates_an_interview_with_a_panel(api, user, application):
    panel = [ContactFactory(owner=user), ContactFactory(owner=user)]
    response = api.post(
        "/api/v1/interviews",
        {
            "application_id": application.pk,
            "starts_at": "2026-02-03T10:30:00+00:00",
            "format": "video",
            "panel_ids": [person.pk for person in panel],
            "decision_promised_by": "2026-02-10",
            "notes": "Q: Why archives?",
            "stage": "First interview",
            "location": "Online",
            "self_assessment": "Went well.",
        },
    )
    assert response.status_code == 201, body(response)
    created = response.json()
    assert created["id"]
    assert created["application_id"] == application.pk
    assert created["starts_at"].startswith("2026-02-03T10:30:00")
    assert created["format"] == "video"
    assert sorted(created["panel_ids"]) == sorted(person.pk for person in panel)
    assert created["decision_promised_by"] == "2026-02-10"
    assert created["notes"] == "Q: Why archives?"


def test_a_time_without_an_offset_is_read_in_the_site_time_zone(api, application):
    response = api.post(
        "/api/v1/interviews",
        {"application_id": application.pk, "starts_at": "2026-07-03T10:30:00"},
    )
    assert response.status_code == 201, body(response)
    # London is an hour ahead of UTC in July.
    assert Interview.objects.get().starts_at == datetime.datetime(
        2026, 7, 3, 9, 30, tzinfo=datetime.UTC
    )


def test_it_reads_updates_and_deletes_an_interview(api, user, application):
    interview = InterviewFactory(owner=user, application=application)
    contact = ContactFactory(owner=user)
    path = f"/api/v1/interviews/{interview.pk}"
    assert api.get(path).json()["panel_ids"] == []
    patched = api.patch(path, {"panel_ids": [contact.pk], "format": "phone"})
    assert patched.status_code == 200, body(patched)
    assert patched.json()["panel_ids"] == [contact.pk]
    assert patched.json()["format"] == "phone"
    assert patched.json()["stage"] == interview.stage
    cleared = api.patch(path, {"panel_ids": []})
    assert cleared.json()["panel_ids"] == []
    assert api.delete(path).status_code == 204
    assert api.get(path).status_code == 404


def test_it_filters_by_application(api, user, application):
    kept = InterviewFactory(owner=user, application=application)
    InterviewFactory(owner=user)
    found = api.get("/api/v1/interviews", application_id=application.pk).json()
    assert [item["id"] for item in found] == [kept.pk]


def test_it_lists_interviews_awaiting_a_decision_and_upcoming_ones(api, user):
    waiting = InterviewFactory(owner=user)
    soon = InterviewFactory(
        owner=user,
        starts_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=3),
    )
    awaiting = api.get("/api/v1/interviews", awaiting_decision="true").json()
    upcoming = api.get("/api/v1/interviews", upcoming="true").json()
    assert [item["id"] for item in awaiting] == [waiting.pk]
    assert [item["id"] for item in upcoming] == [soon.pk]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("starts_at", "2026-02-30T10:00:00"),
        ("starts_at", "next tuesday"),
        ("starts_at", "2026-01-05T10:00:00+00:00"),  # before the application
        ("starts_at", "9999-12-31T23:30:00-05:00"),
        ("decision_promised_by", "2026-01-20"),  # before the interview
        ("decision_promised_by", "2026-02-31"),
        ("format", "carrier_pigeon"),
        ("stage", "x" * 101),
        ("notes", "x" * 50001),
        ("panel_ids", "everyone"),
    ],
)
def test_bad_input_is_refused_naming_the_field(api, application, field, value):
    payload = {
        "application_id": application.pk,
        "starts_at": "2026-02-03T10:30:00+00:00",
        field: value,
    }
    response = api.post("/api/v1/interviews", payload)
    assert response.status_code in (400, 422), body(response)
    assert field in body(response)
    assert not Interview.objects.exists()


def test_a_missing_start_is_named(api, application):
    response = api.post("/api/v1/interviews", {"application_id": application.pk})
    assert response.status_code == 422
    assert "starts_at" in body(response)


def test_another_users_ids_are_refused_and_nothing_is_half_saved(
    api, user, other_user, application
):
    theirs = ApplicationFactory(owner=other_user)
    their_contact = ContactFactory(owner=other_user)
    mine = ContactFactory(owner=user)
    response = api.post(
        "/api/v1/interviews",
        {"application_id": theirs.pk, "starts_at": "2026-02-03T10:30:00+00:00"},
    )
    assert response.status_code == 422
    assert "application_id" in body(response)
    response = api.post(
        "/api/v1/interviews",
        {
            "application_id": application.pk,
            "starts_at": "2026-02-03T10:30:00+00:00",
            "panel_ids": [mine.pk, their_contact.pk],
        },
    )
    assert response.status_code == 422
    assert "panel_ids" in body(response)
    assert not Interview.objects.exists()

    interview = InterviewFactory(owner=user, application=application)
    interview.panel.add(mine)
    response = api.patch(
        f"/api/v1/interviews/{interview.pk}",
        {"panel_ids": [their_contact.pk], "notes": "changed"},
    )
    assert response.status_code == 422
    interview.refresh_from_db()
    assert list(interview.panel.all()) == [mine]
    assert interview.notes != "changed"


def test_a_bad_patch_leaves_the_panel_as_it_was(api, user, application):
    interview = InterviewFactory(owner=user, application=application)
    first, second = ContactFactory(owner=user), ContactFactory(owner=user)
    interview.panel.add(first)
    response = api.patch(
        f"/api/v1/interviews/{interview.pk}",
        {"panel_ids": [second.pk], "decision_promised_by": "2000-01-01"},
    )
    assert response.status_code == 422
    assert "decision_promised_by" in body(response)
    assert list(interview.panel.all()) == [first]


def test_another_users_interview_is_not_found(api, other_user):
    interview = InterviewFactory(owner=other_user)
    path = f"/api/v1/interviews/{interview.pk}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"notes": "mine"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.get("/api/v1/interviews").json() == []
    assert Interview.objects.filter(pk=interview.pk).exists()


def test_a_new_interview_moves_the_application_on_and_plans_the_chase(api, application):
    from nextround.playbook.models import Action

    response = api.post(
        "/api/v1/interviews",
        {
            "application_id": application.pk,
            "starts_at": "2026-02-03T10:30:00+00:00",
            "decision_promised_by": "2026-02-10",
        },
    )
    assert response.status_code == 201
    application.refresh_from_db()
    assert application.status == "interviewing"
    assert Action.objects.filter(application=application, kind="chase_decision").exists()

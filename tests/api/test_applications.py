import datetime

import pytest

from nextround.jobs.models import Application
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return response.content.decode()


def test_it_creates_an_application_with_the_contract_fields(api, user):
    organisation = OrganisationFactory(owner=user)
    earlier = ApplicationFactory(owner=user, organisation=organisation)
    response = api.post(
        "/api/v1/applications",
        {
            "organisation_id": organisation.pk,
            "role": "Collections assistant",
            "contract": "fixed_term",
            "applied_on": "2026-01-15",
            "status": "applied",
            "applicants": 40,
            "reapplies_to_id": earlier.pk,
        },
    )
    assert response.status_code == 201, body(response)
    created = response.json()
    assert created["id"]
    assert created["organisation_id"] == organisation.pk
    assert created["role"] == "Collections assistant"
    assert created["contract"] == "fixed_term"
    assert created["applied_on"] == "2026-01-15"
    assert created["status"] == "applied"
    assert created["applicants"] == 40
    assert created["reapplies_to_id"] == earlier.pk


def test_fields_left_out_take_their_defaults(api, user):
    organisation = OrganisationFactory(owner=user)
    response = api.post(
        "/api/v1/applications", {"organisation_id": organisation.pk, "role": "Archivist"}
    )
    assert response.status_code == 201, body(response)
    created = response.json()
    assert created["contract"] == "paid"
    assert created["status"] == "applied"
    assert created["applied_on"] is None
    assert created["reapplies_to_id"] is None


def test_it_lists_reads_updates_and_deletes_an_application(api, user):
    application = ApplicationFactory(owner=user, role="Gallery assistant")
    listed = api.get("/api/v1/applications").json()
    assert [item["id"] for item in listed] == [application.pk]

    assert api.get(f"/api/v1/applications/{application.pk}").json()["role"] == "Gallery assistant"

    patched = api.patch(
        f"/api/v1/applications/{application.pk}", {"status": "interviewing", "applicants": 12}
    )
    assert patched.status_code == 200, body(patched)
    assert patched.json()["status"] == "interviewing"
    assert patched.json()["applicants"] == 12
    assert patched.json()["role"] == "Gallery assistant"

    assert api.delete(f"/api/v1/applications/{application.pk}").status_code == 204
    assert not Application.objects.filter(pk=application.pk).exists()
    assert api.get(f"/api/v1/applications/{application.pk}").status_code == 404


def test_null_clears_an_optional_field(api, user):
    application = ApplicationFactory(owner=user, applicants=30)
    response = api.patch(f"/api/v1/applications/{application.pk}", {"applicants": None})
    assert response.status_code == 200, body(response)
    assert response.json()["applicants"] is None


def test_null_for_a_required_field_names_it(api, user):
    application = ApplicationFactory(owner=user)
    for field in ("role", "organisation_id"):
        response = api.patch(f"/api/v1/applications/{application.pk}", {field: None})
        assert response.status_code == 422
        assert field in body(response)


def test_it_filters_by_status_organisation_and_contract(api, user):
    museum = OrganisationFactory(owner=user)
    kept = ApplicationFactory(owner=user, organisation=museum, status="interviewing")
    ApplicationFactory(owner=user, organisation=museum, status="applied")
    ApplicationFactory(owner=user, status="interviewing")
    found = api.get("/api/v1/applications", status="interviewing", organisation_id=museum.pk)
    assert [item["id"] for item in found.json()] == [kept.pk]
    assert api.get("/api/v1/applications", contract="voluntary").json() == []
    assert api.get("/api/v1/applications", status="dreaming").status_code == 422


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("applied_on", "2026-02-30"),
        ("applied_on", "15/01/2026"),
        ("applied_on", "0001-01-01"),
        ("closing_on", "yesterday"),
        ("role", "x" * 201),
        ("role", ""),
        ("role", "Archivist\x00"),
        ("notes", "x" * 20001),
        ("contract", "forever"),
        ("status", "sleeping"),
        ("applicants", 0),
        ("link", "not a web address"),
    ],
)
def test_bad_input_is_refused_naming_the_field(api, user, field, value):
    organisation = OrganisationFactory(owner=user)
    payload = {"organisation_id": organisation.pk, "role": "Archivist", field: value}
    response = api.post("/api/v1/applications", payload)
    assert response.status_code in (400, 422), body(response)
    assert field in body(response)
    assert not Application.objects.exists()


def test_a_missing_organisation_is_named(api):
    response = api.post("/api/v1/applications", {"role": "Archivist"})
    assert response.status_code == 422
    assert "organisation_id" in body(response)


def test_another_users_ids_in_foreign_keys_are_refused_by_name(api, user, other_user):
    mine = OrganisationFactory(owner=user)
    theirs = OrganisationFactory(owner=other_user)
    their_application = ApplicationFactory(owner=other_user)
    response = api.post("/api/v1/applications", {"organisation_id": theirs.pk, "role": "Guide"})
    assert response.status_code == 422
    assert "organisation_id" in body(response)
    response = api.post(
        "/api/v1/applications",
        {"organisation_id": mine.pk, "role": "Guide", "reapplies_to_id": their_application.pk},
    )
    assert response.status_code == 422
    assert "reapplies_to_id" in body(response)
    assert not Application.objects.filter(owner=user).exists()

    application = ApplicationFactory(owner=user, organisation=mine)
    response = api.patch(f"/api/v1/applications/{application.pk}", {"organisation_id": theirs.pk})
    assert response.status_code == 422
    assert "organisation_id" in body(response)
    application.refresh_from_db()
    assert application.organisation == mine


def test_an_application_cannot_reapply_to_itself(api, user):
    application = ApplicationFactory(owner=user)
    response = api.patch(
        f"/api/v1/applications/{application.pk}", {"reapplies_to_id": application.pk}
    )
    assert response.status_code == 422
    assert "reapplies_to_id" in body(response)


def test_the_applied_date_cannot_move_after_an_interview(api, user):
    interview = InterviewFactory(owner=user)
    late = (interview.starts_at + datetime.timedelta(days=3)).date().isoformat()
    response = api.patch(f"/api/v1/applications/{interview.application_id}", {"applied_on": late})
    assert response.status_code == 422
    assert "applied_on" in body(response)


def test_a_huge_id_is_not_found_rather_than_a_crash(api, user):
    assert api.get(f"/api/v1/applications/{2**70}").status_code in (404, 422)
    organisation = OrganisationFactory(owner=user)
    response = api.post("/api/v1/applications", {"organisation_id": 2**70, "role": "Guide"})
    assert response.status_code == 422
    assert "organisation_id" in body(response)
    assert api.get("/api/v1/applications", organisation_id=2**62).json() == []
    assert organisation.pk


def test_another_users_application_is_not_found(api, other_user):
    application = ApplicationFactory(owner=other_user)
    path = f"/api/v1/applications/{application.pk}"
    assert api.get(path).status_code == 404
    assert api.patch(path, {"role": "Mine now"}).status_code == 404
    assert api.delete(path).status_code == 404
    assert api.post(f"{path}/outcome", {"outcome": "rejected"}).status_code == 404
    assert api.get("/api/v1/applications").json() == []
    application.refresh_from_db()
    assert application.role != "Mine now"
    assert application.outcome == ""


def test_a_malformed_body_is_a_client_error(api):
    response = api.client.post(
        "/api/v1/applications", "{not json", content_type="application/json", headers=api.headers
    )
    assert response.status_code in (400, 422)

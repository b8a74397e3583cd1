"""Export and import: the whole account out as JSON and back, losing nothing."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from nextround.home import demo
from nextround.home.portability import export_user, import_user, portable_models
from nextround.jobs.models import Application, Interview, Organisation, Outcome
from nextround.playbook.models import LIVE_STATUSES, Action
from nextround.playbook.plan import record_outcome
from tests.factories import ApplicationFactory, InterviewFactory, OrganisationFactory, UserFactory


def canonical(document: dict) -> dict:
    """The export with every id replaced by the record's position in its list.

    Two exports of the same data from different accounts then compare equal,
    whatever ids the database handed out.
    """
    by_label = {model._meta.label_lower: model for model in portable_models()}
    positions = {
        by_label[label]: {record["id"]: index for index, record in enumerate(records)}
        for label, records in document["data"].items()
    }
    data = {}
    for label, records in document["data"].items():
        model = by_label[label]
        relations = {
            field.attname: field.related_model
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model in positions
        }
        many = {
            field.name: field.related_model
            for field in model._meta.many_to_many
            if field.related_model in positions
        }
        # Stored files get fresh random names on import; their content must match.
        files = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.FileField)
        ]
        rows = []
        for record in records:
            row = {key: value for key, value in record.items() if key != "id"}
            for key, target in relations.items():
                if row.get(key) is not None:
                    row[key] = positions[target][row[key]]
            for key, target in many.items():
                row[key] = sorted(positions[target][value] for value in row.get(key, []))
            for key in files:
                if row.get(key):
                    row[key] = row[key]["content"]
            rows.append(row)
        data[label] = rows
    return {"user": document["user"], "data": data}


@pytest.fixture
def demo_user(db):
    return demo.build().user


def test_every_kind_of_record_in_the_demo_survives_a_round_trip(demo_user):
    exported = export_user(demo_user)
    newcomer = UserFactory()
    import_user(newcomer, json.loads(json.dumps(exported)))
    assert canonical(export_user(newcomer)) == canonical(exported)


def test_the_demo_fills_most_kinds_of_record_so_the_round_trip_means_something(demo_user):
    exported = export_user(demo_user)
    filled = [label for label, records in exported["data"].items() if records]
    assert "jobs.application" in filled
    assert "jobs.interview" in filled
    assert "network.contact" in filled


def test_an_import_adds_records_and_replaces_nothing(user, other_user):
    ApplicationFactory(owner=other_user, role="Keeper of Maps")
    ApplicationFactory(owner=user, role="Keeper of Maps")
    import_user(user, export_user(other_user))
    assert Application.objects.filter(owner=user, role="Keeper of Maps").count() == 2


def test_importing_your_own_export_changes_nothing(user):
    application = ApplicationFactory(owner=user, role="Keeper of Maps")
    InterviewFactory(owner=user, application=application)
    document = export_user(user)
    assert import_user(user, document) == {}
    assert Application.objects.filter(owner=user).count() == 1
    assert Interview.objects.filter(owner=user).count() == 1


def test_a_record_keeps_its_identity_through_export_and_import(user, other_user):
    application = ApplicationFactory(owner=user)
    import_user(other_user, export_user(user))
    assert Application.objects.get(owner=other_user).uid == application.uid


def test_new_children_of_a_record_already_there_join_it(user, other_user):
    application = ApplicationFactory(owner=user, role="Keeper of Maps")
    import_user(other_user, export_user(user))
    InterviewFactory(owner=user, application=application, stage="Second interview")
    import_user(other_user, export_user(user))
    copy = Application.objects.get(owner=other_user)
    assert list(copy.interviews.values_list("stage", flat=True)) == ["Second interview"]


def test_importing_your_own_export_does_not_double_the_open_plan_steps(user):
    application = ApplicationFactory(owner=user)
    record_outcome(application, Outcome.REJECTED, timezone.localdate())
    open_steps = Action.objects.filter(owner=user, status__in=LIVE_STATUSES).count()
    assert open_steps
    import_user(user, json.loads(json.dumps(export_user(user))))
    assert Action.objects.filter(owner=user, status__in=LIVE_STATUSES).count() == open_steps


def test_an_older_export_without_identities_is_still_imported(user, other_user):
    ApplicationFactory(owner=other_user, role="Keeper of Maps")
    document = export_user(other_user)
    for records in document["data"].values():
        for record in records:
            record.pop("uid", None)
    assert import_user(user, document)["jobs.application"] == 1
    assert Application.objects.get(owner=user).uid is not None


def test_an_identity_that_is_not_a_uuid_is_named(user, other_user):
    ApplicationFactory(owner=other_user)
    document = export_user(other_user)
    document["data"]["jobs.application"][0]["uid"] = "not-a-uuid"
    with pytest.raises(ValidationError) as problem:
        import_user(user, document)
    assert "jobs.application[0].uid" in problem.value.message_dict


def test_a_chain_of_reapplications_keeps_its_links(user, other_user):
    first = ApplicationFactory(owner=user, role="Trainee, first tranche")
    ApplicationFactory(
        owner=user,
        organisation=first.organisation,
        role="Trainee, second tranche",
        reapplies_to=first,
    )
    import_user(other_user, export_user(user))
    second = Application.objects.get(owner=other_user, role="Trainee, second tranche")
    assert second.reapplies_to.role == "Trainee, first tranche"
    assert second.reapplies_to.owner == other_user


def test_a_broken_document_imports_nothing_and_says_where(user, other_user):
    ApplicationFactory(owner=user)
    document = export_user(user)
    document["data"]["jobs.application"][0]["applied_on"] = "not a date"
    with pytest.raises(Exception) as problem:
        import_user(other_user, document)
    assert "jobs.application[0].applied_on" in str(problem.value)
    assert not Organisation.objects.filter(owner=other_user).exists()


def test_the_api_exports_and_imports(api, user, api_for, other_user):
    ApplicationFactory(owner=user, role="Digital Archivist")
    exported = api.get("/api/v1/export")
    assert exported.status_code == 200
    response = api_for(other_user).post("/api/v1/import", exported.json())
    assert response.status_code == 201, response.content
    assert Application.objects.filter(owner=other_user, role="Digital Archivist").exists()


def test_the_api_names_what_is_wrong_with_a_bad_document(api):
    response = api.post("/api/v1/import", {"format": "something else", "data": {}})
    assert response.status_code == 422
    assert "format" in response.content.decode()


def test_the_api_refuses_an_import_without_a_token(db, client):
    assert client.post("/api/v1/import", {}, content_type="application/json").status_code == 401


def test_settings_offers_a_download_and_an_upload(user, user_client, other_user, client_for):
    ApplicationFactory(owner=user, role="Exhibitions Assistant")
    download = user_client.get("/accounts/settings/export/")
    assert download["Content-Disposition"].startswith("attachment;")
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = b"".join(download.streaming_content)
    upload = SimpleUploadedFile("export.json", body, content_type="application/json")
    response = client_for(other_user).post("/accounts/settings/import/", {"file": upload})
    assert response.status_code == 302
    assert Application.objects.filter(owner=other_user, role="Exhibitions Assistant").exists()


def test_settings_says_why_a_file_is_not_an_export(user_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("notes.json", b"<html>nope</html>", content_type="application/json")
    response = user_client.post("/accounts/settings/import/", {"file": upload})
    assert response.status_code == 422
    assert b"not a Next Round export" in response.content


def test_the_cli_exports_and_imports(tmp_path, user, other_user):
    ApplicationFactory(owner=user, role="Library Assistant")
    path = tmp_path / "export.json"
    call_command("export", user.username, "--output", str(path))
    call_command("import", other_user.username, str(path))
    assert Application.objects.filter(owner=other_user, role="Library Assistant").exists()


def test_a_file_in_an_export_must_really_be_an_image_or_pdf(user, other_user, settings, tmp_path):
    import base64

    from nextround.happybox.models import HappyItem

    settings.MEDIA_ROOT = tmp_path
    document = export_user(user)
    document["data"]["happybox.happyitem"] = [
        {
            "id": 1,
            "kind": "note",
            "title": "Not what it says",
            "file": {
                "name": "x.png",
                "content": base64.b64encode(b"<script>alert(1)</script>").decode(),
            },
            "file_type": "image/png",
        }
    ]
    with pytest.raises(Exception) as problem:
        import_user(other_user, document)
    assert "happybox.happyitem[0].file" in str(problem.value)
    assert not HappyItem.objects.filter(owner=other_user).exists()
    assert not [path for path in tmp_path.rglob("*") if path.is_file()]


def test_importing_into_the_same_account_reuses_skills_of_the_same_name(user, api):
    from nextround.feedback.models import Skill

    application = ApplicationFactory(owner=user)
    response = api.post(
        "/api/v1/feedback",
        {
            "application_id": application.pk,
            "text": "More collections experience, please.",
            "gaps": [{"skill": "Collections management", "category": "experience"}],
        },
    )
    assert response.status_code == 201, response.content
    document = api.get("/api/v1/export").json()
    # An export from before records carried an identity: the skill is still
    # recognised by its name.
    for records in document["data"].values():
        for record in records:
            record.pop("uid", None)
    assert api.post("/api/v1/import", document).status_code == 201
    assert Skill.objects.filter(owner=user).count() == 1
    assert Skill.objects.get(owner=user).mentions.count() == 2


def test_a_nul_character_in_a_document_is_named_not_a_database_error(user, other_user):
    ApplicationFactory(owner=other_user)
    document = export_user(other_user)
    document["data"]["jobs.application"][0]["role"] = "Guide\x00"
    with pytest.raises(ValidationError) as problem:
        import_user(user, document)
    assert problem.value.message_dict == {"jobs.application[0].role": ["Contains a NUL character."]}


def test_the_api_export_streams_like_the_download(api, user):
    """Years of history leave the server a record at a time, never held whole."""
    OrganisationFactory(owner=user, name="Stream Gallery")
    response = api.client.get("/api/v1/export", headers=api.headers)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"].startswith("application/json")
    document = json.loads(b"".join(response.streaming_content))
    names = [row["name"] for row in document["data"]["jobs.organisation"]]
    assert names == ["Stream Gallery"]


def test_a_text_longer_than_its_field_allows_is_named_and_nothing_is_imported(
    user, other_user, api
):
    """Forms bound long texts; the import checks the same bound, through the model itself."""
    ApplicationFactory(owner=other_user)
    document = export_user(other_user)
    document["data"]["jobs.application"][0]["notes"] = "n" * 20001
    with pytest.raises(ValidationError) as problem:
        import_user(user, document)
    assert problem.value.message_dict == {
        "jobs.application[0].notes": ["Keep this to 20,000 characters or fewer (it has 20,001)."]
    }
    assert not Application.objects.filter(owner=user).exists()

    refused = api.post("/api/v1/import", json.loads(json.dumps(document, default=str)))
    assert refused.status_code in (400, 422)
    assert "jobs.application[0].notes" in refused.content.decode()
    assert not Application.objects.filter(owner=user).exists()

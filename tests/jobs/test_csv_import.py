"""Bringing history in from other trackers' CSV exports (made-up rows)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from nextround.jobs.csv_import import read_csv, save_import
from nextround.jobs.models import Application, Organisation
from tests.factories import ApplicationFactory, OrganisationFactory

TEAL_LIKE = """Company,Job Position,Status,Date Saved,Date Applied,Deadline,Location,URL,Notes
Harbour Gallery,Learning Officer,Applied,2025-01-02,2025-01-05,2025-01-20,Portsmouth,https://harbour.example.org/jobs/1,Spoke to the team
County Record Office,Archives Assistant,Rejected,2025-02-01,2025-02-03,,Exeter,,
Harbour Gallery,Visitor Host,Bookmarked,2025-03-01,,,,,
"""

HUNTR_LIKE = """Job Title,Company,List,Date Applied,Job URL
Collections Trainee,Riverside Museum,Interviewing,14/03/2025,https://riverside.example.org/t
Digitisation Volunteer,Riverside Museum,Offer,02/04/2025,
"""


def test_a_teal_style_export_becomes_applications(user):
    result = read_csv(user, TEAL_LIKE)
    assert result.ok, result.problems
    save_import(result)
    learning = Application.objects.get(owner=user, role="Learning Officer")
    assert learning.applied_on == datetime.date(2025, 1, 5)
    assert learning.closing_on == datetime.date(2025, 1, 20)
    assert learning.link == "https://harbour.example.org/jobs/1"
    assert "Portsmouth" in learning.notes
    rejected = Application.objects.get(owner=user, role="Archives Assistant")
    assert rejected.status == rejected.outcome == "rejected"
    # The file does not say when the decision came: the day of applying is not it.
    assert rejected.decided_on is None
    assert Application.objects.get(owner=user, role="Visitor Host").status == "preparing"
    # One organisation per name, however many rows mention it.
    assert Organisation.objects.filter(owner=user, name="Harbour Gallery").count() == 1


def test_a_huntr_style_export_reads_british_dates(user):
    result = read_csv(user, HUNTR_LIKE)
    assert result.ok, result.problems
    assert result.day_first
    save_import(result)
    trainee = Application.objects.get(owner=user, role="Collections Trainee")
    assert trainee.applied_on == datetime.date(2025, 3, 14)
    assert trainee.status == "interviewing"
    assert Application.objects.get(
        owner=user, role="Digitisation Volunteer"
    ).applied_on == datetime.date(2025, 4, 2)


def test_american_dates_are_recognised_from_the_file_itself(user):
    text = "Company,Title,Date Applied\nHarbour Gallery,Guide,03/14/2025\nHarbour Gallery,Host,04/02/2025\n"
    result = read_csv(user, text)
    assert not result.day_first
    assert result.applications[1].applied_on == datetime.date(2025, 4, 2)


def test_every_bad_row_is_named_and_nothing_is_imported(user):
    text = (
        "Company,Title,Date Applied,Status,URL\n"
        "Harbour Gallery,Guide,2025-01-05,Applied,\n"
        ",Host,not a date,Applied,ftp://example.org\n"
    )
    result = read_csv(user, text)
    messages = [str(problem) for problem in result.problems]
    assert "Line 3, organisation: is empty." in messages
    assert any(m.startswith("Line 3, applied_on:") for m in messages)
    assert any(m.startswith("Line 3, link:") for m in messages)
    with pytest.raises(ValueError):
        save_import(result)
    assert not Application.objects.filter(owner=user).exists()


def test_a_file_without_a_company_column_is_explained(user):
    result = read_csv(user, "Title,Date\nGuide,2025-01-01\n")
    assert [problem.field for problem in result.problems] == ["organisation"]


def test_importing_the_same_file_twice_adds_nothing_the_second_time(user):
    save_import(read_csv(user, TEAL_LIKE))
    again = read_csv(user, TEAL_LIKE)
    assert again.applications == []
    assert again.duplicates == [2, 3, 4]


def test_rows_join_the_users_own_organisation_not_someone_elses(user, other_user):
    mine = OrganisationFactory(owner=user, name="Harbour Gallery")
    OrganisationFactory(owner=other_user, name="County Record Office")
    save_import(read_csv(user, TEAL_LIKE))
    assert Application.objects.get(owner=user, role="Learning Officer").organisation == mine
    assert Organisation.objects.filter(owner=user, name="County Record Office").exists()


def test_the_page_shows_a_preview_then_imports_on_confirmation(user, user_client):
    upload = SimpleUploadedFile("teal.csv", TEAL_LIKE.encode(), content_type="text/csv")
    preview = user_client.post("/applications/import/", {"file": upload})
    assert b"3 applications to add" in preview.content
    assert not Application.objects.filter(owner=user).exists()
    text = preview.context["confirm"].initial["text"]
    response = user_client.post("/applications/import/", {"text": text, "confirm": "1"})
    assert response.status_code == 302
    assert Application.objects.filter(owner=user).count() == 3


def test_the_page_lists_the_problems_by_line(user_client):
    upload = SimpleUploadedFile("bad.csv", b"Company,Title\n,Guide\n", content_type="text/csv")
    response = user_client.post("/applications/import/", {"file": upload})
    assert b"Line 2, organisation: is empty." in response.content
    assert b"Nothing was imported" in response.content


def test_the_page_refuses_a_file_that_is_not_text(user_client):
    upload = SimpleUploadedFile(
        "photo.csv", b"\x89PNG\r\n\x1a\n\xff\xfe\x00", content_type="text/csv"
    )
    response = user_client.post("/applications/import/", {"file": upload})
    assert response.status_code == 422
    assert b"not a text CSV file" in response.content


def test_the_cli_dry_run_writes_nothing(tmp_path, user, capsys):
    path = tmp_path / "teal.csv"
    path.write_text(TEAL_LIKE)
    call_command("import-csv", user.username, str(path), "--dry-run")
    assert "Would import 3 applications" in capsys.readouterr().out
    assert not Application.objects.filter(owner=user).exists()
    call_command("import-csv", user.username, str(path))
    assert Application.objects.filter(owner=user).count() == 3


def test_the_cli_names_the_problems_and_fails(tmp_path, user):
    path = tmp_path / "bad.csv"
    path.write_text("Company,Title\n,Guide\n")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import-csv", user.username, str(path))


def test_existing_applications_are_left_alone(user):
    ApplicationFactory(owner=user, role="Keeper")
    save_import(read_csv(user, HUNTR_LIKE))
    assert Application.objects.filter(owner=user).count() == 3

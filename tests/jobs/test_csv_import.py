"""Bringing history in from other trackers' CSV exports (made-up rows)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from nextround.jobs.csv_import import (
    MAX_CSV_BYTES,
    CsvImport,
    RowProblem,
    decode_csv,
    imported_message,
    read_csv,
    save_import,
)
from nextround.jobs.models import Application, Organisation
from nextround.playbook.models import Action
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


# Real-looking exports, made here so the tests say what is in them.

TEAL_EXPORT = (
    "Company,Job Position,Status,Date Saved,Date Applied,Location,URL\n"
    "Harbour Gallery,Learning Officer,Bookmarked,2025-01-02,,Portsmouth,\n"
    "Harbour Gallery,Visitor Host,Applying,2025-01-03,,Portsmouth,\n"
    "County Record Office,Archives Assistant,Applied,2025-01-04,2025-01-05,Exeter,\n"
    "Riverside Museum,Curator,Interviewing,2025-01-04,2025-01-06,,\n"
    "Tidal Trust,Fundraiser,Negotiating,2025-01-04,2025-01-07,,\n"
    "Moor Library,Librarian,Accepted,2025-01-04,2025-01-08,,\n"
    "Quay Theatre,Usher,I Withdrew,2025-01-04,2025-01-09,,\n"
    "Dock Archive,Cataloguer,No Response,2025-01-04,2025-01-10,,\n"
)

HUNTR_EXPORT = (
    "Job Title,Company,List,Date Applied,Job URL\n"
    "Guide,Riverside Museum,Wishlist,,\n"
    "Host,Riverside Museum,Applied,14/03/2025,\n"
    "Keeper,Harbour Gallery,Interview,15/03/2025,\n"
    "Trainee,Tidal Trust,Offer,16/03/2025,\n"
    "Porter,Quay Theatre,Rejected,17/03/2025,\n"
)


def statuses(result) -> dict[str, str]:
    return {row.application.role: row.application.status for row in result.rows}


def test_every_teal_status_is_understood_without_warnings(user):
    result = read_csv(user, TEAL_EXPORT)
    assert result.ready, result.problems
    assert statuses(result) == {
        "Learning Officer": "preparing",
        "Visitor Host": "preparing",
        "Archives Assistant": "applied",
        "Curator": "interviewing",
        "Fundraiser": "offered",
        "Librarian": "accepted",
        "Usher": "withdrawn",
        "Cataloguer": "no_reply",
    }
    assert not any(row.warnings for row in result.rows)


def test_every_huntr_list_is_understood(user):
    result = read_csv(user, HUNTR_EXPORT)
    assert result.ready
    assert statuses(result) == {
        "Guide": "preparing",
        "Host": "applied",
        "Keeper": "interviewing",
        "Trainee": "offered",
        "Porter": "rejected",
    }


def test_a_closed_row_gets_no_decision_date_unless_the_file_has_one(user):
    text = (
        "Company,Title,Date Applied,Status,Decision date\n"
        "Harbour Gallery,Guide,2025-01-05,Rejected,\n"
        "Harbour Gallery,Host,2025-01-05,Rejected,2025-02-01\n"
    )
    save_import(read_csv(user, text))
    assert Application.objects.get(owner=user, role="Guide").decided_on is None
    assert Application.objects.get(owner=user, role="Host").decided_on == datetime.date(2025, 2, 1)


def test_a_windows_spreadsheet_in_cp1252_keeps_its_pounds_and_accents(user):
    data = "Company,Title,Notes\nCafé Rouge,Chef de partie,£28,000 — très bien\n".replace(
        "£28,000", '"£28,000"'
    ).encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = read_csv(user, decode_csv(data))
    assert result.ready, result.problems
    assert result.rows[0].application.organisation.name == "Café Rouge"
    assert result.rows[0].application.notes == "£28,000 — très bien"


def test_utf8_with_and_without_a_byte_order_mark_reads_the_same(user):
    text = "Company,Title\nMusée d\u2019Orsay,Guide\n"
    assert decode_csv(text.encode("utf-8")) == text
    assert decode_csv("\ufeff".encode() + text.encode("utf-8")) == text


def test_a_european_excel_file_separated_by_semicolons(user):
    text = (
        "Company;Job Title;Date Applied;Status;Notes\r\n"
        "Musée;Guide;03/02/2025;Applied;Salary 28.000,00 €\r\n"
        "Harbour Gallery;Host;04/02/2025;Offer;\r\n"
    )
    result = read_csv(user, text)
    assert result.ready, result.problems
    assert [row.application.role for row in result.rows] == ["Guide", "Host"]
    assert result.rows[0].application.notes == "Salary 28.000,00 €"
    assert result.rows[0].application.applied_on == datetime.date(2025, 2, 3)


def test_a_tab_separated_file(user):
    result = read_csv(user, "Company\tTitle\nHarbour Gallery\tGuide, weekends\n")
    assert result.ready
    assert result.rows[0].application.role == "Guide, weekends"


def test_a_single_column_or_odd_file_falls_back_to_its_header(user):
    # Too little for the sniffer to go on; the header's separator decides.
    result = read_csv(user, "Company;Title\nA;B\n")
    assert [row.application.role for row in result.rows] == ["B"]


def test_an_old_mac_file_with_bare_carriage_returns(user):
    result = read_csv(user, "Company,Title\rHarbour Gallery,Guide\rHarbour Gallery,Host\r")
    assert result.ready, result.problems
    assert [row.line for row in result.rows] == [2, 3]


def test_a_huge_notes_field_is_kept_to_the_limit_with_a_warning(user):
    text = f'Company,Title,Notes\nHarbour Gallery,Guide,"{"x" * 200_000}"\n'
    result = read_csv(user, text)
    assert result.ready, result.problems
    assert len(result.rows[0].application.notes) == 20000
    assert "longer than 20,000" in result.rows[0].warnings[0]


def test_an_unclosed_quote_is_read_to_the_end_not_a_crash(user):
    result = read_csv(user, 'Company,Title\nHarbour Gallery,"Guide\n')
    assert result.ready
    assert result.rows[0].application.role == "Guide"


def test_a_field_over_the_upload_limit_is_refused_naming_the_line(user):
    text = f'Company,Title,Notes\nA,Guide,\nA,Host,"{"x" * (MAX_CSV_BYTES + 1)}"\n'
    result = read_csv(user, text)
    assert [str(problem)[:22] for problem in result.problems] == ["Line 3, file: cannot b"]


def test_an_unknown_status_is_read_as_the_closest_one_with_a_warning(user):
    result = read_csv(user, "Company,Title,Status\nA,Guide,Interveiwing\nA,Host,Sleeping\n")
    assert result.ready
    assert statuses(result) == {"Guide": "interviewing", "Host": "applied"}
    warning = result.rows[1].warnings[0]
    assert "“Sleeping” is not a status Next Round knows; read as Applied." in warning
    assert "Known words: Bookmarked, " in warning and "Not Selected" in warning


def test_the_person_may_read_any_word_another_way(user):
    text = "Company,Title,Status\nA,Guide,Negotiating\nA,Host,Sleeping\n"
    result = read_csv(user, text, {"negotiating": "interviewing", "Sleeping": "no_reply"})
    assert statuses(result) == {"Guide": "interviewing", "Host": "no_reply"}
    assert not any(row.warnings for row in result.rows)


def test_not_selected_is_asked_about_not_guessed(user):
    text = "Company,Title,Date Applied,Status\nA,Guide,2025-01-05,Not Selected\n"
    result = read_csv(user, text)
    assert result.ok and not result.ready
    assert [word.word for word in result.unanswered] == ["Not Selected"]
    assert result.rows[0].status_label == "To choose"
    with pytest.raises(ValueError):
        save_import(result)
    chosen = read_csv(user, text, {"Not Selected": "not_invited"})
    save_import(chosen)
    guide = Application.objects.get(owner=user, role="Guide")
    assert (guide.status, guide.outcome, guide.decided_on) == ("not_invited", "not_invited", None)


def test_plurals_are_right():
    result = CsvImport()
    assert result.would_import() == "Would import 0 applications"
    result.problems.append(RowProblem(2, "role", "is empty."))
    assert result.problems_summary() == "Nothing was imported: 1 problem."
    assert imported_message(1) == "Imported 1 application."
    assert imported_message(2) == "Imported 2 applications."


def test_imported_history_does_not_start_recovery_plans(user):
    save_import(read_csv(user, HUNTR_EXPORT))
    assert not Action.objects.filter(owner=user).exists()


# The page.


def test_the_page_reads_a_cp1252_upload(user, user_client):
    data = "Company;Title\nCafé Rouge;Chef £\n".encode("cp1252")
    upload = SimpleUploadedFile("excel.csv", data, content_type="text/csv")
    response = user_client.post("/applications/import/", {"file": upload})
    assert "Café Rouge" in response.content.decode()
    assert "1 application to add" in response.content.decode()


def test_the_preview_shows_each_row_with_its_warnings(user_client):
    upload = SimpleUploadedFile(
        "x.csv", b"Company,Title,Status,Date Applied\nA,Guide,Sleeping,2025-01-05\n"
    )
    content = user_client.post("/applications/import/", {"file": upload}).content.decode()
    assert "<td>2</td><td>A</td><td>Guide</td><td>Applied</td><td>5 Jan 2025</td>" in content
    assert "“Sleeping” is not a status Next Round knows" in content


def test_the_page_asks_about_not_selected_before_importing(user, user_client):
    text = "Company,Title,Status\nA,Guide,Not Selected\nA,Host,Applied\n"
    upload = SimpleUploadedFile("x.csv", text.encode())
    preview = user_client.post("/applications/import/", {"file": upload})
    confirm = preview.context["confirm"]
    names = {confirm.words[name]: name for name in confirm.words}
    assert set(names) == {"Not Selected", "Applied"}
    form = {"text": text, "confirm": "1"}
    for word, name in names.items():
        form[f"{name}_word"] = word
    form[names["Applied"]] = "applied"
    refused = user_client.post("/applications/import/", form)
    assert refused.status_code == 422
    assert "Choose what “Not Selected” means before importing." in refused.content.decode()
    assert not Application.objects.filter(owner=user).exists()
    form[names["Not Selected"]] = "rejected"
    saved = user_client.post("/applications/import/", form)
    assert saved.status_code == 302
    assert Application.objects.get(owner=user, role="Guide").status == "rejected"


def test_the_page_can_check_again_with_another_reading(user_client):
    text = "Company,Title,Status\nA,Guide,Negotiating\n"
    form = {"text": text, "recheck": "1", "status_0_word": "Negotiating", "status_0": "applied"}
    response = user_client.post("/applications/import/", form)
    assert response.status_code == 200
    assert response.context["result"].rows[0].application.status == "applied"


def test_the_page_says_imported_one_application(user_client):
    upload = SimpleUploadedFile("x.csv", b"Company,Title\nA,Guide\n")
    text = (
        user_client.post("/applications/import/", {"file": upload})
        .context["confirm"]
        .initial["text"]
    )
    response = user_client.post(
        "/applications/import/", {"text": text, "confirm": "1"}, follow=True
    )
    assert "Imported 1 application." in response.content.decode()


# The command.


def test_the_cli_reads_a_cp1252_file(tmp_path, user, capsys):
    path = tmp_path / "excel.csv"
    path.write_bytes("Company;Title\nCafé Rouge;Chef £\n".encode("cp1252"))
    call_command("import-csv", "--user", user.username, str(path))
    assert "Imported 1 application." in capsys.readouterr().out
    assert Application.objects.get(owner=user).role == "Chef £"


def test_the_cli_dry_run_shows_each_row_like_the_page(tmp_path, user, capsys):
    path = tmp_path / "x.csv"
    path.write_text(
        "Company,Title,Status,Date Applied\nHarbour,Guide [remote],Sleeping,2025-01-05\n"
    )
    call_command("import-csv", "--user", user.username, str(path), "--dry-run", "--width", "300")
    out = capsys.readouterr().out
    assert "Guide [remote]" in out
    assert "2025-01-05" in out
    assert "“Sleeping” is not a status Next Round knows; read as Applied." in out
    assert "Would import 1 application (dry run)." in out


def test_the_cli_dry_run_names_an_ambiguous_word_and_the_real_run_refuses(tmp_path, user, capsys):
    path = tmp_path / "teal.csv"
    path.write_text("Company,Title,Status\nA,Guide,Not Selected\n")
    call_command("import-csv", "--user", user.username, str(path), "--dry-run")
    assert '--status "Not Selected=not_invited"' in capsys.readouterr().out
    with pytest.raises(CommandError, match=r"“Not Selected” could mean not invited or rejected"):
        call_command("import-csv", "--user", user.username, str(path))
    assert not Application.objects.filter(owner=user).exists()
    call_command(
        "import-csv", "--user", user.username, str(path), "--status", "Not Selected=rejected"
    )
    assert Application.objects.get(owner=user).status == "rejected"


def test_the_cli_status_option_is_repeatable_and_checked(tmp_path, user):
    path = tmp_path / "x.csv"
    path.write_text("Company,Title,Status\nA,Guide,Negotiating\nA,Host,Sleeping\n")
    with pytest.raises(CommandError, match="--status 'Sleeping=asleep'"):
        call_command(
            "import-csv", "--user", user.username, str(path), "--status", "Sleeping=asleep"
        )
    call_command(
        "import-csv",
        "--user",
        user.username,
        str(path),
        "--status",
        "Negotiating=Interviewing",
        "--status",
        "Sleeping=no reply",
    )
    assert dict(Application.objects.filter(owner=user).values_list("role", "status")) == {
        "Guide": "interviewing",
        "Host": "no_reply",
    }


def test_the_cli_says_one_problem_in_the_singular(tmp_path, user):
    path = tmp_path / "bad.csv"
    path.write_text("Company,Title\n,Guide\n")
    with pytest.raises(CommandError, match=r"^Nothing was imported: 1 problem\.$"):
        call_command("import-csv", "--user", user.username, str(path))


def test_the_cli_refuses_a_binary_file_in_one_line(tmp_path, user):
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(CommandError, match="not a text CSV file"):
        call_command("import-csv", "--user", user.username, str(path))


def test_a_word_met_only_on_rows_already_there_needs_no_choosing(user):
    text = "Company,Title,Date Applied,Status\nA,Guide,2025-01-05,Not Selected\n"
    save_import(read_csv(user, text, {"Not Selected": "not_invited"}))
    again = read_csv(user, text + "A,Host,2025-01-06,Applied\n")
    assert again.ready
    assert again.duplicates == [2]
    assert list(again.status_words) == ["applied"]


def test_the_application_page_of_a_closed_row_without_a_decision_date(user, user_client):
    save_import(read_csv(user, "Company,Title,Status\nA,Guide,Rejected\n"))
    application = Application.objects.get(owner=user)
    response = user_client.get(application.get_absolute_url())
    assert response.status_code == 200
    assert "Rejected after interview. You can change it below." in response.content.decode()


def test_a_nul_character_is_a_problem_naming_its_line(user):
    result = read_csv(user, "Company,Title\nA,Guide\nA,Ho\x00st\n")
    assert [str(problem) for problem in result.problems] == [
        "Line 3, file: contains a NUL character."
    ]


def test_excels_unicode_text_export_in_utf16_is_read(user):
    data = "Company\tTitle\nMusée\tGuide\n".encode("utf-16")
    result = read_csv(user, decode_csv(data))
    assert result.ready
    assert result.rows[0].application.organisation.name == "Musée"


def test_semicolons_in_the_notes_of_a_comma_file_do_not_confuse_it(user):
    text = 'Company,Title,Notes\nA,Guide,"a;b;c"\nB,Host,d;e;f\nC,Keeper,g;h;i\n'
    result = read_csv(user, text)
    assert [row.application.notes for row in result.rows] == ["a;b;c", "d;e;f", "g;h;i"]

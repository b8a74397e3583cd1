"""A file of 12,000 rows imports whole: the page previews its first rows, the command shows progress."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from nextround.home.search import search
from nextround.jobs.csv_import import PREVIEW_ROWS
from nextround.jobs.models import Application, Organisation

ROWS = 12_000


@pytest.fixture(scope="module")
def big_file() -> str:
    lines = ["Company,Job Title,Date Applied,Status"]
    lines += [
        f"Harbour Museum {number % 300},Gallery Guide {number},2025-03-{number % 28 + 1:02d},Applied"
        for number in range(ROWS)
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.django_db
def test_the_page_previews_the_first_rows_then_imports_them_all(user, user_client, big_file):
    upload = SimpleUploadedFile("big.csv", big_file.encode(), content_type="text/csv")
    preview = user_client.post("/applications/import/", {"file": upload})
    page = preview.content.decode()
    assert "12000 applications to add" in page
    # The table shows the first rows; the file itself travels back in a hidden field.
    assert page.count("<td>Gallery Guide ") == PREVIEW_ROWS
    assert f"and {ROWS - PREVIEW_ROWS} more applications" in page
    assert "<td>Gallery Guide 11999" not in page
    assert "Harbour Museum 49 and 250 more." in page
    assert not Application.objects.filter(owner=user).exists()

    text = preview.context["confirm"].initial["text"]
    response = user_client.post("/applications/import/", {"text": text, "confirm": "1"})
    assert response.status_code == 302
    assert Application.objects.filter(owner=user).count() == ROWS
    assert Organisation.objects.filter(owner=user).count() == 300


@pytest.mark.django_db
def test_the_command_imports_every_row_and_says_how_far_it_has_got(
    user, big_file, tmp_path, capsys
):
    path = tmp_path / "big.csv"
    path.write_text(big_file)
    call_command("import-csv", "--user", user.username, str(path))
    output = capsys.readouterr()
    assert "Imported 12000 applications." in output.out
    assert "Checked 6000 of 12000 rows." in output.err
    assert "Saved 12000 of 12000 applications." in output.err
    assert Application.objects.filter(owner=user).count() == ROWS
    # Written in bulk, and still found by search.
    assert [found.title for found in search(user, "Gallery Guide 11999")] == [
        "Gallery Guide 11999 at Harbour Museum 299"
    ]
    # Run again, the same rows are recognised and nothing is added.
    call_command("import-csv", "--user", user.username, str(path))
    assert Application.objects.filter(owner=user).count() == ROWS


@pytest.mark.django_db
def test_the_command_dry_run_shows_the_first_rows_and_counts_the_rest(
    user, big_file, tmp_path, capsys
):
    path = tmp_path / "big.csv"
    path.write_text(big_file)
    call_command("import-csv", "--user", user.username, str(path), "--dry-run", width=200)
    out = capsys.readouterr().out
    assert "Would import 12000 applications (dry run)." in out
    assert f"and {ROWS - PREVIEW_ROWS} more applications" in out
    assert "Gallery Guide 11999" not in out
    assert not Application.objects.filter(owner=user).exists()

"""Bringing a spreadsheet in, in a real browser: a Windows file, a status word to choose."""

from __future__ import annotations

from nextround.jobs.models import Application
from tests.browser.accessibility import assert_accessible

# Saved by Excel on Windows: cp1252, semicolons, and Teal's "Not Selected".
EXCEL = (
    "Company;Job Position;Status;Date Applied\r\n"
    "Café Rouge;Chef £;Not Selected;03/02/2025\r\n"
    "Harbour Gallery;Guide;Sleeping;04/02/2025\r\n"
)


def test_importing_a_windows_spreadsheet_choosing_what_a_word_means(logged_in_page, user, tmp_path):
    upload = tmp_path / "export.csv"
    upload.write_bytes(EXCEL.encode("cp1252"))
    page = logged_in_page

    page.goto("/applications/import/")
    page.get_by_label("CSV file").set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("heading", name="2 applications to add").wait_for()
    assert page.get_by_role("cell", name="Café Rouge").is_visible()
    assert page.get_by_text("“Sleeping” is not a status Next Round knows").is_visible()
    assert_accessible(page)

    # Importing before choosing asks again.
    page.get_by_role("button", name="Import 2 applications").click()
    page.get_by_text("Choose what “Not Selected” means before importing.").wait_for()
    assert not Application.objects.filter(owner=user).exists()

    page.get_by_label("“Not Selected” becomes").select_option("not_invited")
    page.get_by_label("“Sleeping” becomes").select_option("no_reply")
    page.get_by_role("button", name="Import 2 applications").click()
    page.get_by_text("Imported 2 applications.").wait_for()
    assert dict(Application.objects.filter(owner=user).values_list("role", "status")) == {
        "Chef £": "not_invited",
        "Guide": "no_reply",
    }

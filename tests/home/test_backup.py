import sqlite3
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import ApplicationFactory


@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_a_database_that_opens_with_the_applications_in_it(tmp_path, settings):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite copy is only made on SQLite")
    ApplicationFactory(role="Heritage Officer")
    source = tmp_path / "live.sqlite3"
    # The test database lives in memory; back up a real file made from it.
    with sqlite3.connect(source) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    settings.DATABASES["default"]["NAME"] = str(source)
    settings.MEDIA_ROOT = tmp_path / "files"
    (tmp_path / "files" / "happybox").mkdir(parents=True)
    (tmp_path / "files" / "happybox" / "card.png").write_bytes(b"not really a png")
    target = tmp_path / "backup.zip"
    call_command("backup", "--output", str(target))
    with zipfile.ZipFile(target) as archive:
        assert "files/happybox/card.png" in archive.namelist()
        archive.extract("nextround.sqlite3", tmp_path / "restored")
    restored = sqlite3.connect(tmp_path / "restored" / "nextround.sqlite3")
    roles = [row[0] for row in restored.execute("select role from jobs_application")]
    assert roles == ["Heritage Officer"]


@pytest.mark.django_db
def test_on_postgresql_a_backup_holds_every_account_as_an_export(tmp_path, settings, monkeypatch):
    application = ApplicationFactory(role="Records Manager")
    monkeypatch.setattr(connection, "vendor", "postgresql")
    settings.MEDIA_ROOT = tmp_path / "files"
    target = tmp_path / "backup.zip"
    call_command("backup", "--output", str(target))
    with zipfile.ZipFile(target) as archive:
        body = archive.read(f"accounts/{application.owner.username}.json").decode()
    assert "Records Manager" in body

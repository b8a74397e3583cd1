import hashlib
import io
import json
import sqlite3
import stat
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from nextround.home.backup import (
    BackupRefused,
    check_backup,
    default_backup_dir,
    default_backup_path,
    prune_backups,
)
from nextround.jobs.models import Application
from tests.factories import PASSWORD, ApplicationFactory


@pytest.mark.django_db(transaction=True)
def test_a_backup_holds_a_database_that_opens_with_the_applications_in_it(
    tmp_path, settings, monkeypatch
):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite copy is only made on SQLite")
    ApplicationFactory(role="Heritage Officer")
    source = tmp_path / "live.sqlite3"
    # The test database lives in memory; back up a real file made from it.
    with sqlite3.connect(source) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    # Put back afterwards: the settings fixture restores settings, not what is inside them.
    monkeypatch.setitem(settings.DATABASES["default"], "NAME", str(source))
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


def manifest_of(path):
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


@pytest.mark.django_db
def test_a_backup_lists_every_member_with_its_sha256(tmp_path, settings, monkeypatch):
    ApplicationFactory()
    monkeypatch.setattr(connection, "vendor", "postgresql")
    settings.MEDIA_ROOT = tmp_path / "files"
    (tmp_path / "files" / "happybox").mkdir(parents=True)
    (tmp_path / "files" / "happybox" / "card.png").write_bytes(b"not really a png")
    target = tmp_path / "backup.zip"
    call_command("backup", "--output", str(target))
    manifest = manifest_of(target)
    assert manifest["format"] == "nextround-backup"
    assert manifest["version"] == 1
    assert manifest["database"] == "accounts"
    with zipfile.ZipFile(target) as archive:
        members = sorted(set(archive.namelist()) - {"manifest.json"})
        assert sorted(manifest["members"]) == members
        for name in members:
            assert manifest["members"][name] == hashlib.sha256(archive.read(name)).hexdigest()
    assert manifest["members"]["files/happybox/card.png"] == (
        hashlib.sha256(b"not really a png").hexdigest()
    )


def test_the_default_backup_folder_is_beside_the_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path / "nextround"
    assert default_backup_dir() == tmp_path / "nextround-backups"
    assert default_backup_path().parent == tmp_path / "nextround-backups"


@pytest.mark.django_db
def test_on_postgresql_restore_brings_back_each_account_with_its_login(
    tmp_path, settings, monkeypatch
):
    application = ApplicationFactory(role="Records Manager")
    robin = application.owner
    monkeypatch.setattr(connection, "vendor", "postgresql")
    settings.MEDIA_ROOT = tmp_path / "files"
    target = tmp_path / "backup.zip"
    call_command("backup", "--output", str(target))
    robin.delete()

    out = io.StringIO()
    call_command("restore", str(target), stdout=out)
    assert out.getvalue().strip() == "Restored 1 account from their exports."
    back = get_user_model().objects.get(username=robin.username)
    assert back.check_password(PASSWORD)
    assert list(Application.objects.filter(owner=back).values_list("role", flat=True)) == [
        "Records Manager"
    ]


@pytest.mark.django_db
def test_restoring_exports_never_adds_to_an_account_already_there(tmp_path, settings, monkeypatch):
    application = ApplicationFactory()
    monkeypatch.setattr(connection, "vendor", "postgresql")
    settings.MEDIA_ROOT = tmp_path / "files"
    target = tmp_path / "backup.zip"
    call_command("backup", "--output", str(target))
    with pytest.raises(CommandError, match="already exists"):
        call_command("restore", str(target), "--force")
    assert Application.objects.count() == 1
    assert application.owner.username in str(manifest_of(target)["accounts"])


def a_backup_with(tmp_path, name: str, *, symlink: bool = False):
    """A backup whose one member is ``name``, correctly listed in its manifest."""
    target = tmp_path / "odd.zip"
    data = b"content"
    manifest = {
        "format": "nextround-backup",
        "version": 1,
        "database": "accounts",
        "accounts": [],
        "members": {name: hashlib.sha256(data).hexdigest()},
    }
    with zipfile.ZipFile(target, "w") as archive:
        info = zipfile.ZipInfo(name)
        if symlink:
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, data)
        archive.writestr("manifest.json", json.dumps(manifest))
    return target


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/etc/passwd", "outside the data directory"),
        ("files/../../evil", "outside the data directory"),
        ("files\\..\\evil", "outside the data directory"),
        ("C:/evil", "outside the data directory"),
        ("secret_key", "not something a Next Round backup holds"),
    ],
)
def test_check_backup_refuses_a_name_that_could_land_elsewhere(tmp_path, name, reason):
    with pytest.raises(BackupRefused, match=reason):
        check_backup(a_backup_with(tmp_path, name))


def test_check_backup_refuses_a_symbolic_link(tmp_path):
    with pytest.raises(BackupRefused, match="symbolic link"):
        check_backup(a_backup_with(tmp_path, "files/link", symlink=True))


def test_check_backup_refuses_an_archive_without_a_manifest(tmp_path):
    target = tmp_path / "old.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("nextround.sqlite3", b"")
    with pytest.raises(BackupRefused, match=r"no manifest\.json"):
        check_backup(target)


def test_prune_keeps_the_newest_and_only_touches_backups(tmp_path):
    for stamp in ("20240101-000000", "20240201-000000", "20240301-000000"):
        (tmp_path / f"nextround-{stamp}.zip").write_bytes(b"")
    (tmp_path / "mine.zip").write_bytes(b"")
    removed = prune_backups(tmp_path, keep=1)
    assert [path.name for path in removed] == [
        "nextround-20240101-000000.zip",
        "nextround-20240201-000000.zip",
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "mine.zip",
        "nextround-20240301-000000.zip",
    ]
    assert prune_backups(tmp_path, keep=0) == []


@pytest.mark.parametrize("keep", ["-1", "many"])
def test_backup_refuses_a_keep_that_is_not_a_count(keep, tmp_path):
    with pytest.raises(CommandError, match="--keep takes a whole number"):
        call_command("backup", "--keep", keep, "--output", str(tmp_path / "x.zip"))

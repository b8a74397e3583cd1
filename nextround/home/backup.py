"""A whole-installation backup in one zip file, and the way back from it.

A backup is safe to take while the app runs. It holds a ``manifest.json``
(format version, what it holds, the SHA-256 of every other member) so that
``restore`` can check the whole archive before it touches anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from nextround.home.portability import export_json, import_user

MANIFEST = "manifest.json"
FORMAT = "nextround-backup"
VERSION = 1
SQLITE_MEMBER = "nextround.sqlite3"
FILES_FOLDER = "files"
ACCOUNTS_FOLDER = "accounts"
BACKUP_PREFIX = "nextround-"
DEFAULT_KEEP = 10


class BackupRefused(Exception):
    """The archive cannot be restored here; the message says why in one line."""


def default_backup_dir() -> Path:
    """``<DATA_DIR's parent>/<DATA_DIR's name>-backups``: beside the data, not inside it.

    Losing the data directory (a deleted folder, a dead disk mounted there)
    then does not take its backups with it.
    """
    data_dir = Path(settings.DATA_DIR)
    return data_dir.parent / f"{data_dir.name}-backups"


def default_backup_path() -> Path:
    """A new, time-stamped file name in the default backup folder."""
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return default_backup_dir() / f"{BACKUP_PREFIX}{stamp}.zip"


def write_backup(target: Path) -> dict[str, int]:
    """Write the backup to ``target``; return what it holds.

    With SQLite the database file is copied through SQLite's online backup,
    which gives a consistent copy even while the server is writing. Uploaded
    files go in beside it. With PostgreSQL, whose own tools (pg_dump) are the
    right way to copy the database, every account goes in as a JSON export
    that ``nextround import`` can load (its login, which exports leave out,
    is in the manifest so that ``restore`` can bring it back).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    held = {"database": 0, "files": 0, "accounts": 0}
    hashes: dict[str, str] = {}
    logins: list[dict] = []
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if connection.vendor == "sqlite":
            with tempfile.TemporaryDirectory() as scratch:
                copy = Path(scratch) / SQLITE_MEMBER
                _copy_sqlite(Path(settings.DATABASES["default"]["NAME"]), copy)
                archive.write(copy, SQLITE_MEMBER)
                hashes[SQLITE_MEMBER] = _sha256_of_file(copy)
                held["database"] = 1
        else:
            for user in get_user_model().objects.order_by("username"):
                member = f"{ACCOUNTS_FOLDER}/{user.username}.json"
                # Written a piece at a time: a long history is never held whole.
                digest = hashlib.sha256()
                with archive.open(member, "w") as entry:
                    for piece in export_json(user):
                        chunk = piece.encode()
                        entry.write(chunk)
                        digest.update(chunk)
                hashes[member] = digest.hexdigest()
                logins.append(_login_of(user, member))
                held["accounts"] += 1
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            for path in sorted(media.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    member = (PurePosixPath(FILES_FOLDER) / path.relative_to(media)).as_posix()
                    archive.write(path, member)
                    hashes[member] = _sha256_of_file(path)
                    held["files"] += 1
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": "sqlite" if held["database"] else "accounts",
            "holds": held,
            "accounts": logins,
            "members": hashes,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
    # Only a complete archive takes the final name.
    partial.replace(target)
    return held


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest ``keep`` backups in ``folder``; return those removed.

    Only files named like the ones ``backup`` writes there are considered, so
    anything else a person keeps in that folder is left alone. ``keep`` 0
    keeps them all.
    """
    if keep <= 0 or not folder.is_dir():
        return []
    # The names carry a sortable time stamp, so name order is age order.
    backups = sorted(folder.glob(f"{BACKUP_PREFIX}*.zip"))
    removed = backups[:-keep] if len(backups) > keep else []
    for old in removed:
        old.unlink()
    return removed


def _copy_sqlite(source: Path, destination: Path) -> None:
    with sqlite3.connect(source) as live, sqlite3.connect(destination) as copy:
        live.backup(copy)
    copy.close()


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _login_of(user, member: str) -> dict:
    return {
        "username": user.username,
        "password": user.password,
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "export": member,
    }


# Restoring --------------------------------------------------------------


@dataclass
class CheckedBackup:
    """An archive whose manifest, hashes and member names have all been checked."""

    path: Path
    manifest: dict

    @property
    def kind(self) -> str:
        """``sqlite`` (a database file) or ``accounts`` (a set of exports)."""
        return self.manifest["database"]


def check_backup(path: Path) -> CheckedBackup:
    """Read the whole archive and check it, or raise ``BackupRefused``.

    Nothing is written outside a temporary folder: a zip that opens, a
    manifest of a format this version knows, every member listed there with
    a matching SHA-256 (and no member it does not list), no name that could
    land outside the data directory, no symbolic link, and for SQLite a
    database that passes ``PRAGMA integrity_check``.
    """
    if not path.exists():
        raise BackupRefused(f"There is no file {path}.")
    if not path.is_file():
        raise BackupRefused(f"{path} is not a file.")
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = _read_manifest(archive)
            _check_members(archive, manifest)
            if manifest["database"] == "sqlite":
                _check_sqlite(archive)
            else:
                _check_exports(archive, manifest)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as error:
        raise BackupRefused(f"{path} is not a zip file that can be read ({error}).") from error
    return CheckedBackup(path=path, manifest=manifest)


def _read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as missing:
        raise BackupRefused(
            "The archive has no manifest.json: it is not a Next Round backup "
            "(or was made by a version before restore existed)."
        ) from missing
    except ValueError as error:
        raise BackupRefused(f"The manifest is not readable JSON ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupRefused("The manifest is not a Next Round backup's.")
    if manifest.get("version") != VERSION:
        raise BackupRefused(f"Unknown backup version {manifest.get('version')!r}.")
    if manifest.get("database") not in ("sqlite", "accounts"):
        raise BackupRefused("The manifest does not say what the backup holds.")
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
        isinstance(name, str) and isinstance(digest, str) for name, digest in members.items()
    ):
        raise BackupRefused("The manifest has no list of members and their hashes.")
    if not isinstance(manifest.get("accounts", []), list):
        raise BackupRefused("The manifest's list of accounts is not a list.")
    return manifest


def _check_members(archive: zipfile.ZipFile, manifest: dict) -> None:
    listed: dict[str, str] = manifest["members"]
    seen: set[str] = set()
    for info in archive.infolist():
        _check_name(info)
        if info.filename == MANIFEST:
            continue
        if info.filename not in listed:
            raise BackupRefused(f"{info.filename} is in the archive but not in its manifest.")
        if info.filename in seen:
            raise BackupRefused(f"{info.filename} is in the archive twice.")
        seen.add(info.filename)
        digest = hashlib.sha256()
        with archive.open(info) as member:
            for block in iter(lambda member=member: member.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != listed[info.filename]:
            raise BackupRefused(f"{info.filename} does not match its hash: the backup was altered.")
    for name in listed:
        _check_plain_name(name)
    missing = sorted(set(listed) - seen)
    if missing:
        raise BackupRefused(f"{missing[0]} is in the manifest but missing from the archive.")


def _check_name(info: zipfile.ZipInfo) -> None:
    # The top four bits of a Unix mode in external_attr say what kind of file it was.
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise BackupRefused(f"{info.filename} is a symbolic link; a backup holds none.")
    if info.is_dir():
        raise BackupRefused(f"{info.filename} is a folder entry; a backup holds files only.")
    _check_plain_name(info.filename)


def _check_plain_name(name: str) -> None:
    path = PurePosixPath(name)
    outside = (
        not name
        or "\\" in name
        or "\0" in name
        or path.is_absolute()
        or ":" in path.parts[0]
        or any(part in ("..", ".", "") for part in name.split("/"))
    )
    if outside:
        raise BackupRefused(f"{name!r} would land outside the data directory.")
    allowed = (
        name in (MANIFEST, SQLITE_MEMBER)
        or (path.parts[0] == FILES_FOLDER and len(path.parts) > 1)
        or (path.parts[0] == ACCOUNTS_FOLDER and len(path.parts) == 2 and name.endswith(".json"))
    )
    if not allowed:
        raise BackupRefused(f"{name!r} is not something a Next Round backup holds.")


def _check_sqlite(archive: zipfile.ZipFile) -> None:
    if SQLITE_MEMBER not in archive.namelist():
        raise BackupRefused("The manifest says it holds a SQLite database, and it does not.")
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / SQLITE_MEMBER
        with archive.open(SQLITE_MEMBER) as member, open(copy, "wb") as handle:
            shutil.copyfileobj(member, handle)
        _check_sqlite_file(copy)


def _check_sqlite_file(path: Path) -> None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupRefused(f"The database in the backup cannot be read ({error}).") from error
    if verdict != ["ok"]:
        raise BackupRefused(f"The database in the backup is damaged ({verdict[0]}).")
    if "accounts_user" not in tables:
        raise BackupRefused("The database in the backup is not a Next Round database.")


def _check_exports(archive: zipfile.ZipFile, manifest: dict) -> None:
    for login in manifest.get("accounts", []):
        if not isinstance(login, dict) or not isinstance(login.get("username"), str):
            raise BackupRefused("The manifest lists an account without a name.")
        if login.get("export") not in manifest["members"]:
            raise BackupRefused(f"The export of {login['username']} is not in the archive.")
        try:
            json.loads(archive.read(login["export"]))
        except ValueError as error:
            raise BackupRefused(f"{login['export']} is not readable JSON.") from error


def data_dir_holdings() -> list[str]:
    """What the data directory already holds that a restore would replace (empty if nothing)."""
    held = []
    try:
        accounts = get_user_model().objects.count()
    except DatabaseError:
        # No database yet, or one never migrated: nothing to lose in it.
        accounts = 0
    if accounts:
        held.append(f"{accounts} account{'s' if accounts != 1 else ''}")
    media = Path(settings.MEDIA_ROOT)
    files = sum(1 for path in media.rglob("*") if path.is_file()) if media.exists() else 0
    if files:
        held.append(f"{files} uploaded file{'s' if files != 1 else ''}")
    return held


def restore_backup(backup: CheckedBackup) -> dict[str, int]:
    """Put a checked backup in place of this installation's data; return what came back.

    SQLite: the database file is swapped in whole (through a file beside it
    and a rename, so a crash leaves either the old file or the new one), and
    the uploaded files replace the old ones. PostgreSQL (or a backup made on
    it): each account is created again with its login and its export is
    imported, all in one transaction; the uploaded files come with the exports.
    """
    if backup.kind == "sqlite":
        if connection.vendor != "sqlite":
            raise BackupRefused(
                "This backup holds a SQLite database and this installation uses "
                f"{connection.vendor}: restore it with SQLite (unset DATABASE_URL)."
            )
        with zipfile.ZipFile(backup.path) as archive:
            _swap_in_sqlite(archive)
            files = _replace_files(archive)
        return {"database": 1, "files": files, "accounts": 0}
    return {"database": 0, "files": 0, "accounts": _import_accounts(backup)}


def _swap_in_sqlite(archive: zipfile.ZipFile) -> None:
    live = Path(settings.DATABASES["default"]["NAME"])
    live.parent.mkdir(parents=True, exist_ok=True)
    incoming = live.with_name(live.name + ".restoring")
    with archive.open(SQLITE_MEMBER) as member, open(incoming, "wb") as handle:
        shutil.copyfileobj(member, handle)
    # Checked again where it will live: the copy is what gets used.
    _check_sqlite_file(incoming)
    connection.close()
    # A write-ahead log left from the old database would be replayed into the
    # new one; the check's own (a WAL database opened read-only) is not needed.
    for leftover in (live, incoming):
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                leftover.with_name(leftover.name + suffix).unlink()
    os.replace(incoming, live)
    os.chmod(live, 0o600)


def _replace_files(archive: zipfile.ZipFile) -> int:
    media = Path(settings.MEDIA_ROOT)
    members = [name for name in archive.namelist() if name.startswith(f"{FILES_FOLDER}/")]
    incoming = media.with_name(media.name + ".restoring")
    shutil.rmtree(incoming, ignore_errors=True)
    incoming.mkdir(mode=0o700, parents=True)
    for name in members:
        target = incoming.joinpath(*PurePosixPath(name).parts[1:])
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with archive.open(name) as member, open(target, "wb") as handle:
            shutil.copyfileobj(member, handle)
        os.chmod(target, 0o600)
    if media.exists():
        shutil.rmtree(media)
    incoming.rename(media)
    return len(members)


def _import_accounts(backup: CheckedBackup) -> int:
    User = get_user_model()
    logins = backup.manifest.get("accounts", [])
    taken = sorted(
        User.objects.filter(username__in=[login["username"] for login in logins]).values_list(
            "username", flat=True
        )
    )
    if taken:
        raise BackupRefused(
            f"An account named {taken[0]!r} already exists: restore a set of exports "
            "into an empty database."
        )
    with zipfile.ZipFile(backup.path) as archive, transaction.atomic():
        for login in logins:
            user = User(
                username=login["username"],
                password=login.get("password") or "",
                is_active=bool(login.get("is_active", True)),
                is_staff=bool(login.get("is_staff", False)),
                is_superuser=bool(login.get("is_superuser", False)),
            )
            if not user.password:
                user.set_unusable_password()
            user.save()
            try:
                import_user(user, json.loads(archive.read(login["export"])))
            except ValidationError as error:
                first = next(iter(error.messages), "not a Next Round export")
                raise BackupRefused(f"{login['export']}: {first}") from error
    return len(logins)

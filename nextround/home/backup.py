"""A whole-installation backup in one zip file, safe to take while the app runs."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from nextround.home.portability import export_user


def default_backup_path() -> Path:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.DATA_DIR) / "backups" / f"nextround-{stamp}.zip"


def write_backup(target: Path) -> dict[str, int]:
    """Write the backup to ``target``; return what it holds.

    With SQLite the database file is copied through SQLite's online backup,
    which gives a consistent copy even while the server is writing. Uploaded
    files go in beside it. With PostgreSQL, whose own tools (pg_dump) are the
    right way to copy the database, every account goes in as a JSON export
    that ``nextround import`` can load.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    held = {"database": 0, "files": 0, "accounts": 0}
    partial = target.with_suffix(".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if connection.vendor == "sqlite":
            with tempfile.TemporaryDirectory() as scratch:
                copy = Path(scratch) / "nextround.sqlite3"
                _copy_sqlite(Path(settings.DATABASES["default"]["NAME"]), copy)
                archive.write(copy, "nextround.sqlite3")
                held["database"] = 1
        else:
            for user in get_user_model().objects.order_by("username"):
                body = json.dumps(export_user(user), ensure_ascii=False, indent=1)
                archive.writestr(f"accounts/{user.username}.json", body)
                held["accounts"] += 1
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            for path in sorted(media.rglob("*")):
                if path.is_file():
                    archive.write(path, Path("files") / path.relative_to(media))
                    held["files"] += 1
    # Only a complete archive takes the final name.
    partial.replace(target)
    return held


def _copy_sqlite(source: Path, destination: Path) -> None:
    with sqlite3.connect(source) as live, sqlite3.connect(destination) as copy:
        live.backup(copy)
    copy.close()

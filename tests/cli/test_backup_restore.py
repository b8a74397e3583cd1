"""``nextround backup`` and ``nextround restore``, run as a person would run them.

The round trip: the demo built in one data dir, backed up, restored into a
new empty one, and both served side by side give the same answers.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.cookiejar
import json
import re
import shutil
import subprocess
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.cli.test_console_script import (
    environment,
    free_port,
    nextround,
    nextround_command,
    usernames,
)

# SQLite's write-ahead log comes and goes as other processes open the
# database; a copy for a backup test does not need it.
WRITE_AHEAD_LOG = shutil.ignore_patterns("*-wal", "*-shm")


@contextlib.contextmanager
def serving(data_dir: Path):
    """``nextround serve`` on a free port for ``data_dir``; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [*nextround_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/accounts/login/", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(server.stdout.read()) from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()


def fetch(url: str, token: str) -> bytes:
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=20) as response:
        assert response.status == 200
        return response.read()


def log_in(base: str, username: str, password: str) -> tuple[str, str]:
    """Log in through the form as a browser would; return the final URL and its page."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(f"{base}/accounts/login/", timeout=20) as response:
        form = response.read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf, "username": username, "password": password}
    ).encode()
    with opener.open(f"{base}/accounts/login/", data=body, timeout=20) as response:
        return response.url, response.read().decode()


def token_for(data_dir: Path, username: str) -> str:
    result = nextround(data_dir, "token", "--user", username)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def demo_backup(tmp_path_factory) -> tuple[Path, Path]:
    """The demo built in a data dir of its own, and a backup of it."""
    place = tmp_path_factory.mktemp("demo")
    original = place / "original"
    assert nextround(original, "migrate", "--no-input").returncode == 0
    built = nextround(original, "demo")
    assert built.returncode == 0, built.stderr
    backup = place / "demo-backup.zip"
    written = nextround(original, "backup", "-o", str(backup))
    assert written.returncode == 0, written.stderr
    return original, backup


def test_a_backup_restored_into_a_new_data_dir_answers_the_same(demo_backup, tmp_path):
    original, backup = demo_backup
    restored = tmp_path / "restored"
    result = nextround(restored, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert f"into {restored}" in result.stdout
    assert usernames(restored) == usernames(original) == ["demo"]

    tokens = {place: token_for(place, "demo") for place in (original, restored)}
    answers = {}
    for place in (original, restored):
        with serving(place) as base:
            final_url, _page = log_in(base, "demo", "next-round-demo")
            assert not final_url.endswith("/accounts/login/"), "the demo's login was refused"
            token = tokens[place]

            def answer(path, base=base, token=token):
                # Links in the answers are absolute: each server has its own port.
                return json.loads(fetch(base + path, token).decode().replace(base, "SERVER"))

            expenses = answer("/api/v1/expenses")
            with_receipt = [expense for expense in expenses if expense["receipt_url"]]
            assert with_receipt, "the demo should have a receipt to download"
            items = answer("/api/v1/happy-items")
            with_file = [item for item in items if item["file_url"]]
            assert with_file, "the demo should have an uploaded picture"
            answers[place] = {
                "applications": answer("/api/v1/applications"),
                "questions": answer("/api/v1/questions"),
                "expenses": expenses,
                "happy items": items,
                "receipt": fetch(with_receipt[0]["receipt_url"].replace("SERVER", base), token),
                "picture": fetch(with_file[0]["file_url"].replace("SERVER", base), token),
            }
    assert answers[restored] == answers[original]
    assert answers[restored]["applications"]


def test_restore_refuses_a_data_dir_that_already_holds_accounts(demo_backup, tmp_path):
    backup = demo_backup[1]
    busy = tmp_path / "busy"
    assert nextround(busy, "migrate", "--no-input").returncode == 0
    made = nextround(busy, "createuser", "robin", "--password-stdin", stdin="a-long-pw-for-robin-9")
    assert made.returncode == 0, made.stderr

    refused = nextround(busy, "restore", str(backup))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"CommandError: Nothing was restored. {busy} already holds 1 account: restore into an "
        "empty data dir (NEXTROUND_DATA_DIR), or add --force to replace them."
    ]
    assert usernames(busy) == ["robin"]

    forced = nextround(busy, "restore", str(backup), "--force")
    assert forced.returncode == 0, forced.stderr
    assert usernames(busy) == ["demo"]


def test_restore_refuses_a_data_dir_that_holds_uploaded_files(demo_backup, tmp_path):
    backup = demo_backup[1]
    busy = tmp_path / "busy"
    (busy / "files").mkdir(parents=True)
    (busy / "files" / "kept.txt").write_text("mine")
    refused = nextround(busy, "restore", str(backup))
    assert refused.returncode == 1
    assert "already holds 1 uploaded file" in refused.stderr
    assert (busy / "files" / "kept.txt").read_text() == "mine"


def rewritten(backup: Path, target: Path, change) -> Path:
    """A copy of ``backup`` with ``change(name, data)`` deciding each member's new name and data."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as copy:
        for info in source.infolist():
            renamed = change(info.filename, source.read(info))
            if renamed is not None:
                copy.writestr(renamed[0], renamed[1])
    return target


def first_file(backup: Path) -> str:
    with zipfile.ZipFile(backup) as archive:
        return next(name for name in archive.namelist() if name.startswith("files/"))


def _tampered(backup, tmp_path):
    changed = first_file(backup)
    return rewritten(
        backup,
        tmp_path / "tampered.zip",
        lambda name, data: (name, data + b"!" if name == changed else data),
    ), "does not match its hash"


def _escaping(backup, tmp_path):
    changed = first_file(backup)

    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["members"]["../../evil"] = manifest["members"].pop(changed)
            return name, json.dumps(manifest).encode()
        return ("../../evil" if name == changed else name), data

    return rewritten(backup, tmp_path / "escaping.zip", change), "outside the data directory"


def _corrupt(backup, tmp_path):
    broken = tmp_path / "corrupt.zip"
    broken.write_bytes(backup.read_bytes()[:5000])
    return broken, "is not a zip file that can be read"


def _missing(backup, tmp_path):
    return tmp_path / "no-such-backup.zip", "There is no file"


def _unlisted(backup, tmp_path):
    changed = first_file(backup)
    return rewritten(
        backup,
        tmp_path / "dropped.zip",
        lambda name, data: None if name == changed else (name, data),
    ), "missing from the archive"


def _damaged_database(backup, tmp_path):
    with zipfile.ZipFile(backup) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    damaged = bytearray(members["nextround.sqlite3"])
    # The second page's b-tree header: the file still opens, its tables do not read.
    damaged[4096 : 4096 + 200] = b"\xff" * 200
    members["nextround.sqlite3"] = bytes(damaged)
    # Hashed again, so that only the integrity check can catch it.
    manifest = json.loads(members["manifest.json"])
    manifest["members"]["nextround.sqlite3"] = hashlib.sha256(damaged).hexdigest()
    members["manifest.json"] = json.dumps(manifest).encode()
    copy = tmp_path / "damaged.zip"
    with zipfile.ZipFile(copy, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return copy, "The database in the backup"


@pytest.mark.parametrize(
    "spoil",
    [_tampered, _escaping, _corrupt, _missing, _unlisted, _damaged_database],
    ids=["tampered", "escaping", "corrupt", "missing", "unlisted", "damaged-database"],
)
def test_restore_refuses_a_spoiled_backup_in_one_line_and_touches_nothing(
    demo_backup, tmp_path, spoil
):
    backup = demo_backup[1]
    spoiled, reason = spoil(backup, tmp_path)
    empty = tmp_path / "empty"
    result = nextround(empty, "restore", str(spoiled))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert reason in lines[0]
    assert not (empty / "nextround.sqlite3").exists()
    assert not (empty / "files").exists()
    assert not (tmp_path / "evil").exists()


def test_backup_writes_beside_the_data_dir_and_keeps_the_newest(demo_backup, tmp_path):
    original = demo_backup[0]
    place = tmp_path / "place"
    shutil.copytree(original, place / "data", ignore=WRITE_AHEAD_LOG)
    data_dir = place / "data"
    folder = place / "data-backups"
    folder.mkdir()
    for stamp in ("20200101-000000", "20200102-000000", "20200103-000000"):
        (folder / f"nextround-{stamp}.zip").write_bytes(b"old")
    (folder / "notes.txt").write_text("not a backup")

    result = nextround(data_dir, "backup", "--keep", "2")
    assert result.returncode == 0, result.stderr
    assert f"to {folder}/nextround-" in result.stdout
    assert "Removed 2 older backups, keeping the newest 2." in result.stdout
    kept = sorted(path.name for path in folder.iterdir())
    assert kept[0] == "nextround-20200103-000000.zip"
    assert kept[1].startswith("nextround-2") and kept[1] != kept[0]
    # The zip holds the whole database: it is the owner's alone, like the data dir.
    assert (folder / kept[1]).stat().st_mode & 0o077 == 0
    assert kept[2:] == ["notes.txt"]
    assert not (data_dir / "backups").exists()


def test_backup_with_keep_zero_keeps_every_backup(demo_backup, tmp_path):
    original = demo_backup[0]
    data_dir = tmp_path / "data"
    shutil.copytree(original, data_dir, ignore=WRITE_AHEAD_LOG)
    folder = tmp_path / "data-backups"
    folder.mkdir()
    (folder / "nextround-20200101-000000.zip").write_bytes(b"old")
    result = nextround(data_dir, "backup", "--keep", "0")
    assert result.returncode == 0, result.stderr
    assert len(list(folder.glob("nextround-*.zip"))) == 2


def test_restore_is_listed_in_help_with_its_line(tmp_path):
    result = nextround(tmp_path, "--help")
    assert result.returncode == 0
    assert re.search(
        r"\n  restore +Restore a backup zip into an empty data dir, after checking the whole "
        r"archive\.\n",
        result.stdout,
    )

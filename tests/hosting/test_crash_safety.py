"""Nothing acknowledged is lost when the server is killed outright (SQLite, WAL).

The server is started, a client writes organisations through the API as fast
as it can while the server is killed with SIGKILL at a random moment, and the
next server must hold every organisation it answered 201 for.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

ROUNDS = 3

# It is about SQLite's own files; the PostgreSQL pass of the suite skips it.
pytestmark = pytest.mark.skipif(
    "DATABASE_URL" in os.environ, reason="The kill test runs in the SQLite pass of the suite."
)
PASSWORD = "a-long-crash-password-42"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def data_dir(tmp_path):
    env = _environment(tmp_path)
    command = [sys.executable, "-m", "nextround"]
    subprocess.run([*command, "migrate", "-v", "0"], env=env, check=True, timeout=180)
    subprocess.run(
        [*command, "createuser", "robin", "--password-stdin"],
        env=env,
        input=PASSWORD + "\n",
        text=True,
        check=True,
        timeout=60,
    )
    return tmp_path


def _environment(data_dir) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NEXTROUND_", "DATABASE_URL", "DJANGO_"))
    }
    env["NEXTROUND_DATA_DIR"] = str(data_dir)
    return env


def _serve(data_dir, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port)],
        env=_environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    pytest.fail("The server did not start")


def _token(data_dir) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "nextround", "token", "robin"],
        env=_environment(data_dir),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip().splitlines()[-1]


def _write_until_refused(port: int, token: str, names: list[str], stop: threading.Event):
    """POST organisations one after another; keep the names answered 201."""
    number = 0
    while not stop.is_set():
        number += 1
        name = f"Museum {port}-{number}"
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/organisations",
            data=json.dumps({"name": name, "kind": "museum"}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 201:
                    names.append(name)
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return


def test_every_acknowledged_write_survives_a_kill(data_dir):
    token = _token(data_dir)
    acknowledged: list[str] = []
    for _ in range(ROUNDS):
        port = _free_port()
        server = _serve(data_dir, port)
        stop = threading.Event()
        names: list[str] = []
        writer = threading.Thread(target=_write_until_refused, args=(port, token, names, stop))
        writer.start()
        time.sleep(random.uniform(0.5, 1.5))
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=20)
        stop.set()
        writer.join(timeout=20)
        assert names, "The server acknowledged nothing before it was killed"
        acknowledged += names
    with sqlite3.connect(data_dir / "nextround.sqlite3") as db:
        stored = {row[0] for row in db.execute("SELECT name FROM jobs_organisation")}
    missing = [name for name in acknowledged if name not in stored]
    assert not missing, f"{len(missing)} of {len(acknowledged)} acknowledged writes were lost"
    print(f"{len(acknowledged)} acknowledged writes over {ROUNDS} kills, none lost")

"""`nextround serve` with several worker processes (gunicorn), and with one (waitress).

Each test starts the real command on a free port in its own data directory.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cli.test_console_script import environment, nextround, nextround_command


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("workers")
    assert nextround(folder, "migrate", "--no-input").returncode == 0
    return folder


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _serve(data_dir: Path, *arguments: str):
    port = _free_port()
    server = subprocess.Popen(
        [*nextround_command(), "serve", "--port", str(port), *arguments],
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/setup/", timeout=30):
                return server, port
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError(server.stdout.read()) from None
            time.sleep(0.2)


def _stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        server.stdout.close()


@pytest.mark.skipif(os.name != "posix", reason="gunicorn runs on POSIX systems only")
def test_several_workers_answer_under_gunicorn_and_stop_together(data_dir):
    server, port = _serve(data_dir, "--workers", "2", "--threads", "2")
    try:
        workers = _children(server.pid)
        assert len(workers) == 2
        for _ in range(6):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/setup/") as page:
                assert page.status == 200
                assert page.headers["Server"] == "gunicorn"
    finally:
        _stop(server)
    assert server.returncode == 0
    for worker in workers:
        assert not Path(f"/proc/{worker}").exists(), "a worker outlived the server"


def test_one_worker_is_served_by_waitress_in_one_process(data_dir):
    server, port = _serve(data_dir, "--workers", "1", "--no-worker")
    try:
        assert _children(server.pid) == []
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/setup/") as page:
            # waitress names itself with serve's ident.
            assert page.headers["Server"] == "nextround"
    finally:
        _stop(server)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_busy_port_is_one_line_whichever_server(data_dir, workers):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = nextround(data_dir, "serve", "--port", str(port), "--workers", workers)
    assert result.returncode != 0
    assert result.stderr.strip() == (
        f"CommandError: Cannot listen on 127.0.0.1:{port}: Address already in use."
    )


def test_workers_and_threads_come_from_the_environment_and_are_checked(data_dir):
    result = nextround(data_dir, "serve", "--port", "0", NEXTROUND_WORKERS="0")
    assert result.returncode != 0
    assert (
        result.stderr.strip()
        == "CommandError: NEXTROUND_WORKERS is a whole number, 1 or more, not 0."
    )
    refused = nextround(data_dir, "serve", "--workers", "none")
    assert refused.returncode != 0
    assert "workers is a whole number, 1 or more, not 'none'" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) <= 2


def test_a_missing_gunicorn_leaves_waitress_serving(monkeypatch):
    from nextround.core.management.commands import serve

    monkeypatch.setitem(sys.modules, "gunicorn", None)
    assert serve.gunicorn_available() is False


def test_the_workers_start_warm_from_a_page_and_an_api_call_asked_before_the_fork(settings):
    """warm_up asks the app itself, on an allowed host; what answers does not matter."""
    from nextround.core.management.commands.serve import WARM_UP_PATHS, warm_up

    settings.ALLOWED_HOSTS = [".jobs.example.org"]
    asked, closed = [], []

    class Answer(list):
        def close(self):
            closed.append(True)

    def application(environ, start_response):
        asked.append((environ["PATH_INFO"], environ["HTTP_HOST"]))
        if environ["PATH_INFO"].startswith("/api/"):
            raise RuntimeError("a cold worker is no worse than before")
        start_response("200 OK", [])
        return Answer([b"page"])

    warm_up(application)
    assert asked == [(path, "jobs.example.org") for path in WARM_UP_PATHS]
    assert closed == [True]


@pytest.mark.django_db
def test_warming_up_the_real_app_raises_nothing_and_keeps_its_expected_401_out_of_the_log():
    import logging

    from django.core.wsgi import get_wsgi_application

    from nextround.core.management.commands.serve import warm_up

    request_log = logging.getLogger("django.request")
    real = get_wsgi_application()
    answered = []

    def application(environ, start_response):
        answered.append((environ["PATH_INFO"], request_log.level))
        return real(environ, start_response)

    before = request_log.level
    warm_up(application)
    assert answered == [("/accounts/login/", logging.ERROR), ("/api/v1/me", logging.ERROR)]
    assert request_log.level == before

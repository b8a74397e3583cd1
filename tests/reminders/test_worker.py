"""The worker: on its own, and inside `serve` unless --no-worker."""

from __future__ import annotations

import datetime
import threading
from pathlib import Path

import pytest
from django.core.management import call_command

from nextround.reminders import schedule
from nextround.reminders.models import DigestSent, ReminderSettings
from nextround.vacancies.models import Vacancy
from tests.factories import OrganisationFactory, UserFactory
from tests.playbook.factories import ActionFactory
from tests.vacancies.site import FixtureSite, start

FEED = (Path(__file__).parent.parent / "vacancies" / "pages" / "feed.rss").read_bytes()


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_digests_and_watches_until_stopped(smtp_inbox, settings):
    settings.WATCH_ALLOW_PRIVATE = True
    site = FixtureSite()
    server = start(site)
    site.serve("/jobs.rss", FEED, "application/rss+xml")
    person = UserFactory()
    ReminderSettings.objects.create(
        user=person, digest_enabled=True, email="me@example.org", alarm_time=datetime.time(0, 0)
    )
    ActionFactory(owner=person)
    OrganisationFactory(owner=person, vacancies_url=site.url("/jobs.rss"))
    try:
        thread, stop = schedule.start_in_background(tick=0.05)
        for _ in range(200):
            if smtp_inbox.envelopes and Vacancy.objects.count() == 2:
                break
            threading.Event().wait(0.05)
        stop.set()
        thread.join(timeout=10)
    finally:
        server.shutdown()
        server.server_close()

    assert not thread.is_alive()
    assert Vacancy.objects.count() == 2
    assert site.hits["/jobs.rss"] == 1
    assert len(smtp_inbox.envelopes) == 1
    assert DigestSent.objects.count() == 1


@pytest.mark.django_db
def test_a_failing_round_does_not_stop_the_worker(monkeypatch):
    rounds = []
    stop = threading.Event()

    def failing_round():
        rounds.append(1)
        if len(rounds) == 3:
            stop.set()
        raise RuntimeError("the database went away")

    monkeypatch.setattr(schedule, "run_once", failing_round)
    schedule.run_worker(stop, tick=0)

    assert len(rounds) == 3


class FakeServer:
    def run(self):
        pass

    def close(self):
        pass


started = []


def pretend_worker():
    started.append(True)
    return None, threading.Event()


@pytest.mark.parametrize(("arguments", "runs_worker"), [([], True), (["--no-worker"], False)])
def test_serve_runs_the_worker_unless_told_not_to(arguments, runs_worker, settings, monkeypatch):
    import waitress

    monkeypatch.setattr(waitress, "create_server", lambda *args, **kwargs: FakeServer())
    settings.BACKGROUND_WORKER = f"{__name__}.pretend_worker"
    # One worker process: waitress, replaced by the pretend server above.
    settings.SERVE_WORKERS = 1
    started.clear()

    call_command("serve", "--port", "8123", *arguments)

    assert started == ([True] if runs_worker else [])


@pytest.mark.django_db
def test_watch_command_reports_what_it_did(settings, capsys):
    settings.WATCH_ALLOW_PRIVATE = False
    OrganisationFactory(name="Quarry Hill Archive", vacancies_url="http://10.0.0.1/jobs")

    call_command("watch")

    captured = capsys.readouterr()
    assert "Checked 1 address: 0 new vacancies." in captured.out
    assert "Failed: Quarry Hill Archive:" in captured.err


def test_the_worker_command_runs_until_a_service_manager_stops_it(tmp_path):
    import signal
    import subprocess

    from tests.settings.test_startup import nextround

    migrated = nextround("migrate", "--no-input", env={}, data_dir=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    worker = subprocess.Popen(
        nextround.command("worker", "--tick", "0.2"),
        env=nextround.environment({}, tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert "worker is running" in worker.stdout.readline()
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
        _, errors = worker.communicate()
    assert "Traceback" not in errors


def test_the_new_commands_are_listed_in_the_help():
    from nextround.cli import help_text

    listed = help_text()
    for name in ("worker", "remind", "watch"):
        assert f"  {name} " in listed

"""The worker: morning digests and vacancy watches, each on its own schedule.

Every unit of work is claimed in the database before it is done (a digest
by its day's row, a watch by moving its next check forward), so any number
of workers, and the commands run by hand beside them, never do one twice.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import close_old_connections, connections
from django.utils import timezone

from nextround.reminders.digest import Sent, send_due_digests
from nextround.vacancies.watching import WatchReport, check_due_watches

logger = logging.getLogger(__name__)

# How often the worker looks for due work: digests ring to the minute.
TICK_SECONDS = 60.0


def account_named(username: str | None):
    """The account called ``username``, or a one-line error for the command line."""
    if not username:
        return None
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist as missing:
        raise CommandError(f"No account named {username!r}.") from missing


def run_once(now: datetime.datetime | None = None) -> tuple[list[Sent], WatchReport]:
    """One round of the worker: the digests due now, then the watches due now."""
    now = now or timezone.now()
    return send_due_digests(now), check_due_watches(now=now)


def run_worker(stop: threading.Event, tick: float = TICK_SECONDS) -> None:
    """Run rounds until ``stop`` is set; a failing round is logged, never fatal."""
    try:
        _rounds(stop, tick)
    finally:
        # The thread's own connections end with it, not when it is collected.
        connections.close_all()


def _rounds(stop: threading.Event, tick: float) -> None:
    while not stop.is_set():
        try:
            sent, report = run_once()
            for one in sent:
                if one.outcome != "already sent":
                    logger.info("Digest for %s: %s", one.username, one.outcome)
            if report.checked:
                logger.info(
                    "Watched %s addresses, %s new vacancies", report.checked, report.new_vacancies
                )
        except Exception:
            # The worker outlives one bad round: the next may well succeed.
            logger.exception("A round of reminders and watches failed")
        finally:
            # This thread's connection is its own; do not keep it open idle.
            close_old_connections()
        stop.wait(tick)


def start_in_background(tick: float = TICK_SECONDS) -> tuple[threading.Thread, threading.Event]:
    """Start the worker in a daemon thread (for ``serve``); set the event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(
        target=run_worker, args=(stop, tick), name="nextround-worker", daemon=True
    )
    thread.start()
    return thread, stop

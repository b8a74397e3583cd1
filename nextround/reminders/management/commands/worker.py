"""Run digests and vacancy watches on their schedules until stopped."""

from __future__ import annotations

import signal
import threading

from django.core.management.base import BaseCommand

from nextround.reminders.schedule import TICK_SECONDS, run_worker


class Command(BaseCommand):
    help = "Send digests and watch vacancies on their schedules until stopped (Ctrl+C)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick",
            type=float,
            default=TICK_SECONDS,
            help=f"Seconds between looks for due work (default {TICK_SECONDS:g}).",
        )

    def handle(self, *args, tick: float, **options):
        stop = threading.Event()
        # A service manager stops it with SIGTERM: finish the round, then go.
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        self.stdout.write("Next Round's worker is running (Ctrl+C to stop).")
        self.stdout.flush()
        try:
            run_worker(stop, max(tick, 0.1))
        except KeyboardInterrupt:
            stop.set()

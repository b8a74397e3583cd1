"""Run the same work in two threads at once, as two workers would."""

from __future__ import annotations

import threading
import time

from django.db import OperationalError, connections


def race(work, runners: int = 2) -> tuple[list, list]:
    """Start ``work`` in ``runners`` threads together; return their results and errors.

    The test database on SQLite is a shared in-memory one, whose table locks
    fail at once instead of waiting like the real database file does (its
    busy timeout is 20 s): such a failure is waited out and tried again here,
    as the real database would. PostgreSQL never needs it.
    """
    start = threading.Barrier(runners)
    results, errors = [], []

    def runner():
        try:
            start.wait()
            for _ in range(200):
                try:
                    results.append(work())
                    return
                except OperationalError as error:
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            raise AssertionError("the database stayed locked")
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner) for _ in range(runners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors

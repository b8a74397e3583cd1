"""Every workflow test runs on one known day, so "in the future" means the same to each door."""

from __future__ import annotations

import datetime

import pytest
import time_machine


@pytest.fixture(autouse=True)
def _on_the_second_of_march():
    with time_machine.travel(datetime.datetime(2026, 3, 2, 12, 0, tzinfo=datetime.UTC), tick=False):
        yield

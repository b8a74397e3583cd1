"""`python -m nextround.bench` end to end at a tiny scale, against a live `nextround serve`.

Nothing here checks a time: only that every page and list was measured,
answered, and counted, and that the table has every row it promises.
"""

import os
import re
import subprocess
import sys

import pytest

from nextround.bench.middleware import QUERY_COUNT_HEADER
from nextround.bench.run import API_LISTS, PAGES, Row, Table, percentile
from tests.factories import UserFactory


def test_percentiles_are_nearest_rank():
    times = [float(n) for n in range(1, 101)]
    assert percentile(times, 0.5) == 50
    assert percentile(times, 0.99) == 99
    assert percentile([7.0], 0.99) == 7


def test_the_table_lines_up_its_columns():
    table = Table()
    table.add(Row("Today", p50=12.345, p99=20, ratio=3.0, queries=14, kb=40.2))
    table.add(Row("server memory, peak", note="140 MB"))

    lines = table.render("title").splitlines()

    assert lines[0] == "title"
    assert len({len(line) for line in lines[2:]}) == 1
    assert "| Today " in lines[4]
    assert "12.3" in lines[4]
    assert "3.0x" in lines[4]


@pytest.mark.django_db
def test_the_query_count_header_is_only_there_for_the_bench(client):
    client.force_login(UserFactory())
    assert QUERY_COUNT_HEADER not in client.get("/")


def test_the_bench_serves_a_tiny_w1_and_prints_one_row_for_each_measure(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        and not key.startswith("NEXTROUND_")
    }
    environment["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "nextround.bench",
            "--scale",
            "0.005",
            "--requests",
            "2",
            "--connections",
            "2",
            "--workers",
            "2",
            "--threads",
            "2",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    table = result.stdout
    assert "W1 x 0.005 on sqlite3" in table
    assert "--workers 2 --threads 2" in table
    rows = {
        cells[0]: cells
        for line in table.splitlines()
        if line.startswith("| ")
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    }
    for name, _ in (*PAGES, *API_LISTS):
        row = rows[name]
        assert row[1] and row[2], f"{name} was not measured: {row}"
        assert re.fullmatch(r"[\d.,]+x", row[3]), row
        assert row[4].isdigit(), f"{name} has no query count: {row}"
    assert rows["trivial: /api/v1/me"][3] == "1.0x"
    assert "req/s" in rows["Today, 2 connections"][6]
    assert rows["review: rate, then the next card"][1]
    for name in (
        "Anki deck",
        "interview pack (PDF)",
        "whole-account export (API)",
        "whole-account import of that export (CLI)",
    ):
        assert rows[name][1] and not rows[name][6], rows[name]
    assert "CSV import of 10,000 rows (CLI)" in rows
    assert re.fullmatch(
        r"\d+ MB \(shared counted once: \d+ MB, during .+\)", rows["server memory, peak"][6]
    )
    assert "server memory, idle (3 processes)" in rows
    assert "server memory peak" in rows["8 logins at once"][6]
    # The throwaway data directory is gone afterwards.
    assert not list(tmp_path.glob("nextround-bench-*"))

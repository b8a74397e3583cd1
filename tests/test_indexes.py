"""Every per-account query of the main pages can use an index (PostgreSQL).

With ``enable_seqscan`` off, PostgreSQL still scans a whole table when no
index can answer the query, so a "Seq Scan" left in a plan means one is
missing: the page would read every account's rows once many people use the
install. The plans need only a little data to show it.
"""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextround.accounts.models import ApiToken
from tests.test_query_counts import PAGES, fill

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's"),
]

MORE_PAGES = [
    "questions:review",
    "questions:stats",
    "questions:practice?category=competency",
    "search?q=museum",
]

API_LISTS = [
    "/api/v1/applications",
    "/api/v1/interviews",
    "/api/v1/organisations",
    "/api/v1/contacts",
    "/api/v1/actions?status=open",
    "/api/v1/questions?due=true",
    "/api/v1/expenses",
    "/api/v1/gaps",
]

SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")


def full_scans(queries: list[dict]) -> dict[str, set[str]]:
    """The tables each captured SELECT would read whole: table -> the queries' first words."""
    found: dict[str, set[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN {sql}")
            plan = "\n".join(row[0] for row in cursor.fetchall())
            for table in SEQ_SCAN.findall(plan):
                found.setdefault(table, set()).add(sql[:300])
    return found


def url_of(page: str) -> str:
    name, _, query = page.partition("?")
    return reverse(name) + (f"?{query}" if query else "")


@pytest.mark.parametrize("page", PAGES + MORE_PAGES)
def test_the_page_reads_no_table_whole(page, user, user_client):
    fill(user, 3)
    url = url_of(page)
    user_client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = user_client.get(url)
    assert response.status_code == 200
    assert full_scans(captured.captured_queries) == {}


@pytest.mark.parametrize("path", API_LISTS)
def test_the_api_list_reads_no_table_whole(path, user, client):
    fill(user, 3)
    _, raw = ApiToken.issue(user, "tests")
    headers = {"Authorization": f"Bearer {raw}"}
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    assert response.status_code == 200
    assert full_scans(captured.captured_queries) == {}

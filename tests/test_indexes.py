"""Every per-account query of the main pages can use an index (PostgreSQL).

With ``enable_seqscan`` off, PostgreSQL still scans a whole table when no
index can answer the query, so a "Seq Scan" left in a plan (or an index
walked end to end with no condition) means one is missing: the page would
read every account's rows once many people use the install. The plans need
only a little data to show it.
"""

from __future__ import annotations

import json

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextround.accounts.models import ApiToken
from nextround.core.models import OwnedModel
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


def per_account_tables() -> set[str]:
    """The tables that grow with every account: owned records and their links."""
    tables = set()
    for model in apps.get_models():
        if issubclass(model, OwnedModel):
            tables.add(model._meta.db_table)
            tables.update(
                field.remote_field.through._meta.db_table for field in model._meta.many_to_many
            )
    return tables


def full_scans(queries: list[dict]) -> dict[str, set[str]]:
    """The per-account tables a captured SELECT would read whole, with the queries that would.

    A whole read is a sequential scan, or an index scan with no condition on
    the index (walking a whole index just for its order reads every row too).
    """
    tables = per_account_tables()
    found: dict[str, set[str]] = {}
    with connection.cursor() as cursor:
        # Joins by nested loop, too: merging or hashing two small tables may
        # walk a whole index even where a lookup by key exists.
        for setting in ("enable_seqscan", "enable_mergejoin", "enable_hashjoin"):
            cursor.execute(f"SET LOCAL {setting} = off")
        for query in queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
            plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            for table in whole_reads(plan[0]["Plan"]) & tables:
                found.setdefault(table, set()).add(sql[:300])
    return found


def whole_reads(node: dict) -> set[str]:
    """The tables a plan node and those under it read from end to end."""
    reads = set()
    kind = node.get("Node Type", "")
    if kind == "Seq Scan" or (
        kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node
    ):
        reads.add(node.get("Relation Name", ""))
    for child in node.get("Plans", []):
        reads |= whole_reads(child)
    return reads


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


def test_the_check_finds_a_query_no_index_answers(user):
    fill(user, 3)
    unindexed = {"sql": "SELECT id FROM questions_question WHERE tags = 'budgets' ORDER BY id"}
    indexed = {"sql": f"SELECT id FROM questions_question WHERE owner_id = {user.pk}"}
    assert set(full_scans([unindexed, indexed])) == {"questions_question"}

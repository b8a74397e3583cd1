"""Records made before identities existed each get their own when migrating."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_existing_records_get_distinct_uids():
    executor = MigrationExecutor(connection)
    before = [("jobs", "0003_organisation_vacancies_url")]
    after = [("jobs", "0004_record_uid")]
    executor.migrate(before)
    # Every other app as it is now, the applications as they were (and
    # nothing that needs them as they are now, like the search entries).
    later = {"jobs", "home"}
    others = [
        _last_before(executor.loader.graph, leaf, after[0])
        for leaf in executor.loader.graph.leaf_nodes()
        if leaf[0] not in later
    ]
    others = [node for node in others if node is not None]
    old_apps = executor.loader.project_state([*others, *before]).apps
    User = old_apps.get_model("accounts", "User")
    Organisation = old_apps.get_model("jobs", "Organisation")
    Application = old_apps.get_model("jobs", "Application")
    person = User.objects.create(username="before-uids")
    organisation = Organisation.objects.create(owner=person, name="Harbour Gallery")
    for number in range(3):
        Application.objects.create(owner=person, organisation=organisation, role=f"Guide {number}")

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new_apps = executor.loader.project_state(after).apps
    made_here = new_apps.get_model("jobs", "Application").objects.filter(owner_id=person.pk)
    uids = list(made_here.values_list("uid", flat=True))
    assert len(uids) == 3
    assert None not in uids
    assert len(set(uids)) == 3
    # Leave the database as every other test expects it.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _last_before(graph, leaf, needed):
    """``leaf``'s app at its latest migration that does not need ``needed`` (or None)."""
    node = leaf
    while node is not None and needed in graph.forwards_plan(node):
        parents = [parent for parent in graph.node_map[node].parents if parent[0] == node[0]]
        node = parents[0].key if parents else None
    return node

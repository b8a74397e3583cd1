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
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in later]
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

"""The contacts page asks each contact's next follow-up through an index, whatever SQLite knows.

With planner statistics (``ANALYZE``) taken from an account whose plan steps
are mostly not about a contact, SQLite judged the contact index useless and
read every plan step once per contact: 25 ms became more than a second at a
heavy account. The index on (contact, kind, status, due date) answers it
either way.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nextround.playbook.models import Action, ActionKind, ActionStatus
from tests.factories import ApplicationFactory, ContactFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own planner"),
]


def test_the_next_follow_up_is_found_through_an_index_after_analyze(user, user_client):
    # No plan step is about a contact yet: the statistics that misled SQLite.
    application = ApplicationFactory(owner=user)
    for _ in range(5):
        ContactFactory(owner=user)
    Action.objects.bulk_create(
        Action(
            owner=user,
            kind=ActionKind.ASK_FEEDBACK,
            status=ActionStatus.DONE,
            application=application,
            due_on=application.applied_on,
        )
        for _ in range(300)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    with CaptureQueriesContext(connection) as captured:
        assert user_client.get(reverse("network:contacts")).status_code == 200

    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "playbook_action" in query["sql"] and query["sql"].startswith("SELECT"):
                cursor.execute("EXPLAIN QUERY PLAN " + query["sql"])
                plans += [row[-1] for row in cursor.fetchall()]
    assert plans, "the contacts page no longer asks for follow-ups"
    assert not [step for step in plans if step.startswith("SCAN") and "U0" in step], plans
    assert any("action_contact_next_idx" in step for step in plans), plans

"""List endpoints cost the same number of queries however many rows there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ApplicationFactory,
    ContactFactory,
    InterviewFactory,
    OrganisationFactory,
)

pytestmark = pytest.mark.django_db


def fill(user, rows: int) -> None:
    for _ in range(rows):
        organisation = OrganisationFactory(owner=user)
        application = ApplicationFactory(owner=user, organisation=organisation)
        contact = ContactFactory(owner=user, organisation=organisation)
        interview = InterviewFactory(owner=user, application=application)
        interview.panel.add(contact, ContactFactory(owner=user))


def queries_for(api, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path",
    ["/api/v1/organisations", "/api/v1/applications", "/api/v1/interviews", "/api/v1/contacts"],
)
def test_list_endpoints_stay_flat_as_rows_grow_tenfold(
    api, user, path, django_assert_max_num_queries
):
    fill(user, 2)
    few = queries_for(api, path)
    fill(user, 18)
    with django_assert_max_num_queries(few):
        response = api.get(path)
    assert len(response.json()) >= 20
    # The first-run check, the token (read, and its last use written), the
    # rows, and at most one prefetch for the panels.
    assert few <= 5

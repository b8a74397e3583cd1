"""Whatever a client sends, the API answers with a 2xx or a 4xx, never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ApplicationFactory, ContactFactory, InterviewFactory

pytestmark = pytest.mark.django_db

FIELDS = [
    "organisation_id",
    "application_id",
    "reapplies_to_id",
    "panel_ids",
    "role",
    "name",
    "contract",
    "status",
    "outcome",
    "applied_on",
    "decided_on",
    "closing_on",
    "starts_at",
    "decision_promised_by",
    "format",
    "applicants",
    "links",
    "connections",
    "email",
    "notes",
    "kind",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-02-03",
            "0000-01-01",
            "9999-12-31T23:59:59-12:00",
            "2026-02-03T10:00",
            "\x00",
            "rejected",
            "video",
            "https://example.org/",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
payloads = st.dictionaries(st.sampled_from(FIELDS), values, max_size=6)
relaxed = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def records(user):
    interview = InterviewFactory(owner=user)
    contact = ContactFactory(owner=user)
    return {
        "organisations": interview.application.organisation_id,
        "applications": interview.application_id,
        "interviews": interview.pk,
        "contacts": contact.pk,
    }


@pytest.mark.parametrize("collection", ["organisations", "applications", "interviews", "contacts"])
@relaxed
@given(payload=payloads)
def test_creating_never_fails_with_a_500(api, records, collection, payload):
    response = api.post(f"/api/v1/{collection}", payload)
    assert response.status_code < 500


@pytest.mark.parametrize("collection", ["organisations", "applications", "interviews", "contacts"])
@relaxed
@given(payload=payloads)
def test_changing_never_fails_with_a_500(api, records, collection, payload):
    response = api.patch(f"/api/v1/{collection}/{records[collection]}", payload)
    assert response.status_code < 500


@relaxed
@given(payload=payloads)
def test_recording_an_outcome_never_fails_with_a_500(api, user, payload):
    application = ApplicationFactory(owner=user)
    response = api.post(f"/api/v1/applications/{application.pk}/outcome", payload)
    assert response.status_code < 500


@pytest.mark.parametrize("collection", ["organisations", "applications", "interviews", "contacts"])
@relaxed
@given(
    params=st.dictionaries(
        st.sampled_from([*FIELDS, "q", "upcoming"]), st.text(max_size=12), max_size=3
    )
)
def test_filtering_never_fails_with_a_500(api, records, collection, params):
    response = api.get(f"/api/v1/{collection}", **params)
    assert response.status_code < 500

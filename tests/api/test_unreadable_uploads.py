"""A multipart body that cannot be read is a clear refusal, logged in one line."""

import logging

import pytest

from nextround.core.logs import NoTracebackForUnreadableBodies
from tests.expenses.factories import ExpenseFactory
from tests.happybox.factories import HappyItemFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["happy-items", "expenses"])
def test_a_multipart_body_without_boundary_is_a_422_naming_the_file(user, api, kind):
    record = (HappyItemFactory if kind == "happy-items" else ExpenseFactory)(owner=user)
    path = f"/api/v1/{kind}/{record.pk}/" + ("file" if kind == "happy-items" else "receipt")
    response = api.client.post(
        path, data=b"--x\r\n", content_type="multipart/form-data", headers=api.headers
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "file"]


def test_the_web_answers_400_and_the_log_has_no_traceback(user_client, caplog):
    with caplog.at_level(logging.WARNING):
        response = user_client.post(
            "/happy-box/new/", data=b"--x\r\n", content_type="multipart/form-data"
        )
    assert response.status_code == 400
    records = [r for r in caplog.records if "Unable to parse request body" in r.getMessage()]
    assert records
    for record in records:
        NoTracebackForUnreadableBodies().filter(record)
        assert record.exc_info is None


def test_the_servers_log_handler_carries_the_filter():
    handlers = logging.getLogger().handlers
    assert any(
        isinstance(each, NoTracebackForUnreadableBodies)
        for handler in handlers
        for each in handler.filters
    )

"""The JSON import keeps the one range of years for every date it reads, in every area."""

from __future__ import annotations

import pytest

from nextround.happybox.models import HappyItem
from tests.happybox.factories import HappyItemFactory
from tests.workflows.doors import json_import

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["1899", "3000"])
def test_a_date_out_of_range_anywhere_in_a_document_is_refused_naming_it(
    user, other_user, api, api_for, year
):
    HappyItemFactory(owner=other_user, title="Certificate")
    document = api_for(other_user).get("/api/v1/export").json()
    (item,) = document["data"]["happybox.happyitem"]
    item["happened_on"] = f"{year}-06-01"
    assert json_import(api, document) == ("refused", {"happened_on"})
    assert not HappyItem.objects.filter(owner=user).exists()


def test_a_date_in_range_is_imported(user, other_user, api, api_for):
    HappyItemFactory(owner=other_user, title="Certificate")
    document = api_for(other_user).get("/api/v1/export").json()
    document["data"]["happybox.happyitem"][0]["happened_on"] = "1900-01-01"
    assert json_import(api, document) == ("stored", None)
    assert HappyItem.objects.get(owner=user).happened_on.year == 1900

"""``POST /api/v1/outcomes``: the news about an application, and the plan it makes."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from nextround.playbook.models import Action
from tests.factories import ApplicationFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_a_no_answers_201_with_the_plan_and_the_drafted_request(api):
    response = api.post(
        "/api/v1/outcomes",
        {"organisation": "Harbour Gallery", "role": "Curator", "outcome": "rejected"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["id"] == body["application_id"]
    assert (body["outcome"], body["decided_on"]) == ("rejected", "2026-03-02")
    kinds = {step["kind"] for step in body["plan"]}
    assert "ask_feedback" in kinds
    step = Action.objects.get(pk=body["feedback_request_id"])
    assert step.kind == "ask_feedback"


@time_machine.travel(NOW, tick=False)
def test_the_same_news_again_answers_200_with_the_same_application(api):
    news = {"organisation": "Harbour Gallery", "role": "Curator", "outcome": "rejected"}
    first = api.post("/api/v1/outcomes", news).json()
    again = api.post("/api/v1/outcomes", news)
    assert again.status_code == 200
    assert again.json()["application_id"] == first["application_id"]
    assert again.json()["plan"] == first["plan"]


def test_an_application_and_a_new_name_together_are_refused(user, api):
    application = ApplicationFactory(owner=user)
    response = api.post(
        "/api/v1/outcomes",
        {"application_id": application.pk, "organisation": "Elsewhere", "outcome": "offered"},
    )
    assert response.status_code == 422
    assert ["body", "application_id"] in [item["loc"] for item in response.json()["detail"]]

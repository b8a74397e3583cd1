"""Recording an outcome through the web makes the plan."""

from __future__ import annotations

import pytest
import time_machine

from nextround.jobs.models import InterviewFormat
from nextround.playbook.models import Action, ActionKind
from tests.factories import InterviewFactory

pytestmark = pytest.mark.django_db


@time_machine.travel("2026-03-04 10:00Z", tick=False)
def test_it_makes_a_plan_when_a_rejection_is_recorded_on_the_web(user, user_client):
    interview = InterviewFactory(owner=user, format=InterviewFormat.IN_PERSON)
    application = interview.application
    response = user_client.post(
        f"/applications/{application.pk}/outcome/",
        {"outcome": "rejected", "decided_on": "2026-03-04"},
    )
    assert response.status_code == 302
    kinds = set(Action.objects.filter(application=application).values_list("kind", flat=True))
    assert ActionKind.ASK_FEEDBACK in kinds
    assert ActionKind.BE_KIND in kinds
    assert ActionKind.CLAIM_EXPENSES in kinds

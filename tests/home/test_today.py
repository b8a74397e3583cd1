"""Today puts together one part from each area."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from nextround.playbook.models import ActionKind
from tests.factories import ApplicationFactory, InterviewFactory
from tests.happybox.factories import HappyItemFactory
from tests.playbook.factories import ActionFactory
from tests.questions.factories import QuestionFactory

NOW = datetime.datetime(2026, 11, 20, 9, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_today_shows_every_area_s_part(user, user_client):
    InterviewFactory(
        owner=user,
        application__role="Collections assistant",
        starts_at=timezone.now() + datetime.timedelta(days=2),
    )
    ActionFactory(
        owner=user,
        application=ApplicationFactory(owner=user),
        kind=ActionKind.BE_KIND,
        due_on=timezone.localdate(),
    )
    QuestionFactory.create_batch(2, owner=user)
    HappyItemFactory(owner=user)
    ApplicationFactory(
        owner=user,
        organisation__name="Harbour Gallery",
        outcome="rejected",
        status="rejected",
        decided_on=datetime.date(2026, 11, 18),
    )
    page = user_client.get(reverse("today")).content.decode()
    assert "Collections assistant" in page  # jobs: the interview coming up
    assert "Be kind to yourself" in page  # the plan: today's step
    assert "2 questions to review today" in page  # the question bank
    assert "Open the box" in page  # the happy box, after the gallery's no

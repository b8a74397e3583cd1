"""The plan's steps lead to the happy box and to the drafted claim."""

from django.urls import reverse

from nextround.playbook.models import ActionKind
from tests.factories import InterviewFactory
from tests.playbook.factories import ActionFactory


def test_the_be_kind_step_opens_the_box(user, user_client):
    step = ActionFactory(owner=user, kind=ActionKind.BE_KIND)
    response = user_client.get(step.get_absolute_url())
    assert f'href="{reverse("happybox:open")}"' in response.content.decode()


def test_the_claim_step_leads_to_the_drafted_claim(user, user_client):
    interview = InterviewFactory(owner=user)
    step = ActionFactory(
        owner=user,
        kind=ActionKind.CLAIM_EXPENSES,
        application=interview.application,
        interview=interview,
    )
    response = user_client.get(step.get_absolute_url())
    assert f'href="{reverse("expenses:claim", args=[interview.pk])}"' in response.content.decode()

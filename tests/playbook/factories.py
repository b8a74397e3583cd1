"""Factories for actions. Names here are invented."""

from __future__ import annotations

import factory
from django.utils import timezone

from nextround.playbook.models import Action, ActionKind
from tests.factories import ApplicationFactory, UserFactory


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    owner = factory.SubFactory(UserFactory)
    kind = ActionKind.ASK_FEEDBACK
    application = factory.SubFactory(ApplicationFactory, owner=factory.SelfAttribute("..owner"))
    due_on = factory.LazyFunction(timezone.localdate)

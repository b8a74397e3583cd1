"""Factories for feedback, skills, comparisons and improvement actions (made-up data)."""

from __future__ import annotations

import factory
from django.utils import timezone

from nextround.feedback.models import (
    Feedback,
    GapMention,
    ImprovementAction,
    Skill,
    SkillCategory,
    SuccessfulCandidate,
)
from tests.factories import ApplicationFactory, UserFactory


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Collections skill {n}")
    category = SkillCategory.EXPERIENCE


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    owner = factory.SubFactory(UserFactory)
    application = factory.SubFactory(ApplicationFactory, owner=factory.SelfAttribute("..owner"))
    received_on = factory.LazyFunction(timezone.localdate)
    text = "Thank you for coming in. The panel felt other candidates had more experience."


class SuccessfulCandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SuccessfulCandidate

    owner = factory.SubFactory(UserFactory)
    application = factory.SubFactory(ApplicationFactory, owner=factory.SelfAttribute("..owner"))
    profile_url = "https://www.example.org/in/made-up-person"
    found_on = factory.LazyFunction(timezone.localdate)


class GapMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GapMention

    owner = factory.SubFactory(UserFactory)
    skill = factory.SubFactory(SkillFactory, owner=factory.SelfAttribute("..owner"))
    feedback = factory.SubFactory(FeedbackFactory, owner=factory.SelfAttribute("..owner"))


class ImprovementActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImprovementAction

    owner = factory.SubFactory(UserFactory)
    skill = factory.SubFactory(SkillFactory, owner=factory.SelfAttribute("..owner"))
    title = factory.Sequence(lambda n: f"Short course {n}")

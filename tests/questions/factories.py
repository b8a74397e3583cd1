"""Factories for the question bank. Every question and answer here is made up."""

from __future__ import annotations

import factory

from nextround.questions.models import Category, Question, QuestionToAsk
from tests.factories import UserFactory


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    owner = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Tell us about collections project number {n}?")
    category = Category.COMPETENCY


class QuestionToAskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionToAsk

    owner = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"How will the team change in year {n}?")

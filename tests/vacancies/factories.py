"""Factories for vacancies. Names here are invented."""

from __future__ import annotations

import factory

from nextround.vacancies.models import Vacancy
from tests.factories import OrganisationFactory, UserFactory


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    owner = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory, owner=factory.SelfAttribute("..owner"))
    title = factory.Sequence(lambda n: f"Trainee Curatorial Assistant {n}")
    url = factory.Sequence(lambda n: f"https://jobs.example.org/posts/{n}")

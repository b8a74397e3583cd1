"""Factories for made-up test data. Names and places here are invented."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from nextround.accounts.models import User
from nextround.jobs.models import Application, Interview, Organisation, OrganisationKind
from nextround.network.models import Contact

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"seeker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Riverside Museum {n}")
    kind = OrganisationKind.MUSEUM


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    owner = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory, owner=factory.SelfAttribute("..owner"))
    role = factory.Sequence(lambda n: f"Collections Assistant {n}")
    applied_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Alex Panelist {n}")
    role = "Head of Collections"


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interview

    owner = factory.SubFactory(UserFactory)
    application = factory.SubFactory(ApplicationFactory, owner=factory.SelfAttribute("..owner"))
    stage = "First interview"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))

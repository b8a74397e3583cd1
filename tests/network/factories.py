"""Factories for the network area. Every name here is made up."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from nextround.network.models import Channel, Interaction
from tests.factories import ContactFactory


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    owner = factory.SelfAttribute("contact.owner")
    contact = factory.SubFactory(ContactFactory)
    happened_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    channel = Channel.EMAIL
    note = "Thanked them for the interview."

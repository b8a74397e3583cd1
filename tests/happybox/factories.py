"""Happy-box items with made-up titles."""

import factory

from nextround.happybox.models import HappyItem, HappyKind
from tests.factories import UserFactory


class HappyItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HappyItem

    owner = factory.SubFactory(UserFactory)
    kind = HappyKind.NOTE
    title = factory.Sequence(lambda n: f"A kind word from a volunteer, number {n}")
    text = "You made the Saturday tour feel like home."

"""Expenses for made-up interviews."""

from decimal import Decimal

import factory

from nextround.expenses.models import Expense, ExpenseCategory
from tests.factories import InterviewFactory, UserFactory


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense

    owner = factory.SubFactory(UserFactory)
    interview = factory.SubFactory(InterviewFactory, owner=factory.SelfAttribute("..owner"))
    category = ExpenseCategory.TRAIN
    description = "Return ticket"
    amount = Decimal("23.40")
    currency = "GBP"

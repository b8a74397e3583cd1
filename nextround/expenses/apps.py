from django.apps import AppConfig


class ExpensesConfig(AppConfig):
    name = "nextround.expenses"
    label = "expenses"

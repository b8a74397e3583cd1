from django.apps import AppConfig


class ExpensesConfig(AppConfig):
    name = "nextround.expenses"
    label = "expenses"

    def ready(self) -> None:
        from nextround.core.uploads import remove_files_on_delete
        from nextround.expenses.models import Expense

        remove_files_on_delete(Expense)

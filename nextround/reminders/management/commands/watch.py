"""Look at the vacancies addresses that are due and keep what is new."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from nextround.reminders.schedule import account_named
from nextround.vacancies.watching import check_due_watches


class Command(BaseCommand):
    help = "Check the organisations' vacancies addresses that are due for new vacancies."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="Only this account's organisations.")

    def handle(self, *args, user=None, **options):
        report = check_due_watches(user=account_named(user))
        self.stdout.write(
            f"Checked {report.checked} address{'es' if report.checked != 1 else ''}: "
            f"{report.new_vacancies} new vacanc{'ies' if report.new_vacancies != 1 else 'y'}."
        )
        for failure in report.failures:
            self.stderr.write(f"Failed: {failure}")

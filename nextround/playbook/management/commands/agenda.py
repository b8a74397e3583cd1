"""Print a person's plan in the terminal: overdue, today, the next two weeks."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from nextround.core.commands import account_from_options, add_user_argument
from nextround.playbook.agenda import agenda_for


class Command(BaseCommand):
    help = "Show the plan: overdue steps first, then today's, then the next 14 days."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Whose plan; optional when there is one account")
        parser.add_argument("--all", action="store_true", help="Also show steps further ahead.")
        parser.add_argument("--width", type=int, default=None, help="Columns to print in.")

    def handle(self, *args, width=None, **options):
        show_later = options["all"]
        user = account_from_options(options, command="agenda", only_account_will_do=True)
        today = timezone.localdate()
        agenda = agenda_for(user, today, include_later=show_later)
        console = Console(file=self.stdout, width=width, highlight=False)
        groups = [
            ("Overdue", agenda.overdue),
            ("Today", agenda.due_today),
            ("The next two weeks", agenda.soon),
        ]
        if show_later:
            groups.append(("Later", agenda.later))
        if not any(actions for _, actions in groups):
            console.print("Nothing on your plan for the next two weeks. Enjoy the quiet.")
            return
        for title, actions in groups:
            if not actions:
                continue
            table = Table(title=title, title_justify="left", expand=False)
            table.add_column("Due", no_wrap=True)
            table.add_column("Step")
            table.add_column("About")
            table.add_column("#", justify="right", no_wrap=True)
            for action in actions:
                due = action.due_on.strftime("%a %-d %b")
                if action.status == "snoozed":
                    due += " (snoozed)"
                table.add_row(due, action.get_kind_display(), action.subject_label, str(action.pk))
            console.print(table)

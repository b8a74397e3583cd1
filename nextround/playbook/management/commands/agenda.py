"""Print a person's plan in the terminal: overdue, today, the next two weeks."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from rich.console import Console
from rich.table import Table

from nextround.playbook.agenda import agenda_for


def _account(username: str | None):
    User = get_user_model()
    if username:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist as missing:
            raise CommandError(f"No account named {username!r}.") from missing
    people = list(User.objects.filter(is_active=True).order_by("id")[:2])
    if len(people) != 1:
        raise CommandError("Name the account: nextround agenda USERNAME")
    return people[0]


class Command(BaseCommand):
    help = "Show the plan: overdue steps first, then today's, then the next 14 days."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="Whose plan (optional with one account).")
        parser.add_argument("--all", action="store_true", help="Also show steps further ahead.")
        parser.add_argument("--width", type=int, default=None, help="Columns to print in.")

    def handle(self, *args, username=None, width=None, **options):
        show_later = options["all"]
        user = _account(username)
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

"""Send today's morning digests that are due and not yet sent."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nextround.reminders.digest import send_due_digests
from nextround.reminders.schedule import account_named


class Command(BaseCommand):
    help = "Send today's morning digests that are due and not sent yet (once a day each)."

    def add_arguments(self, parser):
        parser.add_argument("--user", help="Only this account's digest.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )

    def handle(self, *args, user=None, dry_run=False, **options):
        # A mistyped name is named first: it is the one mistake in the command itself.
        account = account_named(user)
        if not settings.EMAIL_ENABLED:
            raise CommandError("Email is not set up: set NEXTROUND_EMAIL_URL (see the README).")
        results = send_due_digests(user=account, dry_run=dry_run)
        if not results:
            self.stdout.write("No digest is due now.")
        for result in results:
            self.stdout.write(f"{result.username} <{result.address}>: {result.outcome}")
        if any(result.outcome.startswith("failed") for result in results):
            raise CommandError("Some digests could not be sent; the next run tries them again.")

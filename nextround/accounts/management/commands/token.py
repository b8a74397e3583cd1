"""Issue a personal access token for the API."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from nextround.accounts.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for an account and print it on the last line."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Command line", help="A label for the token.")

    def handle(self, *args, username: str, name: str, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as missing:
            raise CommandError(f"No account named {username!r}.") from missing
        _, raw = ApiToken.issue(user, name[:100])
        self.stdout.write(f"Token {name!r} for {username}. Keep it safe; it is not shown again:")
        self.stdout.write(raw)

"""Issue a personal access token for the API."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from nextround.accounts.models import ApiToken
from nextround.core.commands import account_from_options, add_user_argument


class Command(BaseCommand):
    help = "Create an API token for an account and print it on the last line."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Whose token")
        parser.add_argument("--name", default="Command line", help="A label for the token.")

    def handle(self, *args, name: str, **options):
        user = account_from_options(options, command="token")
        _, raw = ApiToken.issue(user, name[:100])
        self.stdout.write(
            f"Token {name!r} for {user.username}. Keep it safe; it is not shown again:"
        )
        self.stdout.write(raw)

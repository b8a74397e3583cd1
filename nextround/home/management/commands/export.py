"""Write one account's data as a JSON document."""

from __future__ import annotations

import json
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from nextround.home.portability import export_user


class Command(BaseCommand):
    help = "Export everything of an account as JSON (to a file, or to standard output)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--output", "-o", help="File to write; standard output if left out.")

    def handle(self, *args, username: str, output: str | None, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as missing:
            raise CommandError(f"No account named {username!r}.") from missing
        text = json.dumps(export_user(user), indent=2, ensure_ascii=False)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Wrote {output}.")
        else:
            sys.stdout.write(text + "\n")

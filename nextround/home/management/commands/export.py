"""Write one account's data as a JSON document."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from nextround.core.commands import account_from_options, add_user_argument
from nextround.home.portability import export_json


class Command(BaseCommand):
    help = "Export everything of an account as JSON (to a file, or to standard output)."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Whose data")
        parser.add_argument("--output", "-o", help="File to write; standard output if left out.")

    def handle(self, *args, output: str | None, **options):
        user = account_from_options(options, command="export")
        if output:
            try:
                with open(output, "w", encoding="utf-8") as handle:
                    handle.writelines(export_json(user))
            except OSError as error:
                raise CommandError(
                    f"Could not write {output}: {error.strerror or error}."
                ) from error
            self.stderr.write(f"Wrote {output}.")
        else:
            sys.stdout.writelines(export_json(user))

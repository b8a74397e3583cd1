"""Load a JSON export into an account."""

from __future__ import annotations

import json

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import ngettext

from nextround.core.commands import account_from_options, add_user_argument
from nextround.home.portability import import_user


class Command(BaseCommand):
    help = "Import a JSON export (from `nextround export` or the API) into an account."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Which account to add the records to")
        parser.add_argument("file", help="The export to read.")

    def handle(self, *args, file: str, **options):
        user = account_from_options(options, command="import")
        try:
            with open(file, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not read {file}: {error}") from error
        except RecursionError as error:
            raise CommandError(f"Could not read {file}: it is nested too deeply.") from error
        try:
            counts = import_user(user, document, progress=self._show_progress)
        except ValidationError as error:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            raise CommandError(f"Nothing was imported. {problems}") from error
        total = sum(counts.values())
        self.stdout.write(
            ngettext(
                "Imported %(count)d record into %(name)s's account.",
                "Imported %(count)d records into %(name)s's account.",
                total,
            )
            % {"count": total, "name": user.username}
        )

    def _show_progress(self, label: str, count: int) -> None:
        """One line on stderr as each kind of record is added, so a long import shows its pace."""
        kind = apps.get_model(label)._meta
        name = kind.verbose_name if count == 1 else kind.verbose_name_plural
        self.stderr.write(f"Added {count} {name}.")

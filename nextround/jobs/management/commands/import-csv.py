"""Import applications from another tracker's CSV export."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from nextround.core.commands import account_from_options, add_user_argument
from nextround.jobs.csv_import import read_csv, save_import


class Command(BaseCommand):
    help = "Import applications from a CSV file (Teal, Huntr, a spreadsheet). All or nothing."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Whose applications")
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and say what would be added."
        )

    def handle(self, *args, file: str, dry_run: bool, **options):
        user = account_from_options(options, command="import-csv")
        try:
            with open(file, encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Could not read {file}: {error}") from error
        result = read_csv(user, text)
        for ours, theirs in result.columns.items():
            self.stdout.write(f"  column {theirs!r} -> {ours}")
        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"Nothing was imported: {len(result.problems)} problems.")
        if result.duplicates:
            self.stdout.write(
                f"Already there, left out: lines {', '.join(map(str, result.duplicates))}"
            )
        if dry_run:
            self.stdout.write(f"Would import {len(result.applications)} applications (dry run).")
            return
        self.stdout.write(f"Imported {save_import(result)} applications.")

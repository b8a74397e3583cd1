"""Load a JSON export into an account."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nextround.home.portability import import_user


class Command(BaseCommand):
    help = "Import a JSON export (from `nextround export` or the API) into an account."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("file", help="The export to read.")

    def handle(self, *args, username: str, file: str, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as missing:
            raise CommandError(f"No account named {username!r}.") from missing
        try:
            with open(file, encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not read {file}: {error}") from error
        try:
            counts = import_user(user, document)
        except ValidationError as error:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            raise CommandError(f"Nothing was imported. {problems}") from error
        total = sum(counts.values())
        self.stdout.write(f"Imported {total} records into {username}'s account.")

"""Lift the pause on an account's login after too many wrong passwords."""

from __future__ import annotations

from axes.utils import reset
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Let an account log in again straight away after too many wrong passwords."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="The account (or use --user).")
        parser.add_argument("--user", dest="user", help="The account's name.")

    def handle(self, *args, username: str | None, user: str | None, **options):
        name = user or username
        if not name:
            raise CommandError("Name the account: nextround unlock --user NAME")
        if not get_user_model().objects.filter(username=name).exists():
            raise CommandError(f"No account named {name!r}.")
        cleared = reset(username=name)
        if cleared:
            self.stdout.write(f"{name} can log in again.")
        else:
            self.stdout.write(f"{name} was not locked out.")

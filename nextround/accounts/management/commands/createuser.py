"""Add an account from the command line."""

from __future__ import annotations

import getpass
import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nextround.accounts.profile import create_account


class Command(BaseCommand):
    help = "Create an account. The password is asked for, or read from stdin."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--password-stdin", action="store_true", help="Read the password from standard input."
        )
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--signing-name",
            default="",
            metavar="NAME",
            help="The name drafted emails and reports are signed with, such as 'Sam Rivera'.",
        )
        parser.add_argument(
            "--country",
            default="GB",
            help="Whose public holidays working days skip: two letters, such as GB, IE or DE.",
        )
        parser.add_argument(
            "--region",
            default=None,
            help="A part of the country with holidays of its own, such as ENG or SCT "
            "(ENG when the country is GB; none otherwise).",
        )

    def handle(self, *args, username: str, password_stdin: bool, email: str, **options):
        country = options["country"]
        region = options["region"]
        if region is None:
            region = "ENG" if country.strip().upper() == "GB" else ""
        details = {
            "email": email,
            "signing_name": options["signing_name"],
            "country": country,
            "holiday_region": region,
        }
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise CommandError(f"An account named {username!r} already exists.")
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        elif not sys.stdin.isatty():
            raise CommandError(
                "There is no terminal to ask for the password: pipe it in with --password-stdin."
            )
        else:
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError("The passwords do not match.")
        try:
            create_account(username, password, details)
        except ValidationError as error:
            raise CommandError(_one_line(error)) from error
        self.stdout.write(f"Created account {username}.")


# How each field is named on this command line.
OPTION_NAMES = {
    "username": "name",
    "password": "password",
    "email": "--email",
    "signing_name": "--signing-name",
    "country": "--country",
    "holiday_region": "--region",
}


def _one_line(error: ValidationError) -> str:
    """The refusal as one line, naming the option the person typed."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return " ".join(
        f"{OPTION_NAMES.get(field, field)}: {' '.join(messages)}"
        for field, messages in error.message_dict.items()
    )

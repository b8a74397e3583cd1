"""One way to name the account in every management command: ``--user NAME``.

Commands that used to take the name as their first word (``agenda NAME``,
``export NAME``, ``import NAME FILE``, ``import-csv NAME FILE``, ``token
NAME``) still accept it for a while; ``--user`` is the spelling to teach.
``createuser NAME`` keeps its word: it makes the account rather than naming one.
"""

from __future__ import annotations

import argparse

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError


def add_user_argument(parser, *, whose: str, older_spelling: bool = True) -> None:
    """Add ``--user NAME`` (and, hidden from --help, the older positional NAME)."""
    parser.add_argument("--user", metavar="NAME", help=f"{whose} (an account's username).")
    if older_spelling:
        parser.add_argument("username", nargs="?", metavar="NAME", help=argparse.SUPPRESS)


def account_from_options(options: dict, *, command: str, only_account_will_do: bool = False):
    """The account the command line names, or a one-line ``CommandError`` saying what is wrong.

    With ``only_account_will_do`` an installation with a single active account
    need not name it.
    """
    named, older = options.get("user"), options.get("username")
    if named and older and named != older:
        raise CommandError(f"Name the account once: nextround {command} --user NAME")
    username = named or older
    User = get_user_model()
    if username:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist as missing:
            raise CommandError(f"No account named {username!r}.") from missing
    if only_account_will_do:
        people = list(User.objects.filter(is_active=True).order_by("id")[:2])
        if len(people) == 1:
            return people[0]
    raise CommandError(f"Name the account: nextround {command} --user NAME")

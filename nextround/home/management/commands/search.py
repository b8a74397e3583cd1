"""Search an account from the command line: the same search as the header's box."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from nextround.core.commands import account_from_options, add_user_argument
from nextround.home import search


class Command(BaseCommand):
    help = "Find applications, organisations, contacts, questions, notes and feedback by any word."

    def add_arguments(self, parser):
        parser.add_argument("words", nargs="*", help="The words to find.")
        add_user_argument(parser, whose="Whose records to search", older_spelling=False)
        parser.add_argument(
            "--limit", type=int, default=search.DEFAULT_LIMIT, help="The most results to show."
        )
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="Make the search index again from the records (after a bulk change).",
        )

    def handle(self, *args, words: list[str], limit: int, rebuild: bool, **options):
        user = account_from_options(options, command="search", only_account_will_do=True)
        if rebuild:
            count = search.rebuild(user)
            self.stderr.write(f"Search index made again: {count} records.")
            if not words:
                return
        query = " ".join(words)
        if len(query) > search.MAX_QUERY_LENGTH:
            raise CommandError(f"words: at most {search.MAX_QUERY_LENGTH} characters.")
        if not search.search_words(query):
            raise CommandError("words: type a word or two to find.")
        if not 1 <= limit <= search.MAX_LIMIT:
            raise CommandError(f"--limit: a number from 1 to {search.MAX_LIMIT}.")
        results = search.search(user, query, limit=limit)
        if not results:
            self.stderr.write(f"Nothing holds all of “{query}”.")
            return
        for result in results:
            self.stdout.write(
                "\t".join((result.kind, str(result.id), result.title, result.detail, result.url))
            )

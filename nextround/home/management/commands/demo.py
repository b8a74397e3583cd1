"""Fill a ``demo`` account with a made-up job search."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nextround.home import demo


class Command(BaseCommand):
    help = "Create (or re-create) the demo account with a made-up story, and print how to log in."

    def handle(self, *args, **options):
        try:
            story = demo.build()
        except demo.NotADemoAccount as refused:
            raise CommandError(f"{refused} Rename that account to build the demo.") from refused
        self.stdout.write(
            f"The demo account is ready: {len(story.applications)} applications, "
            f"{len(story.interviews)} interviews, {len(story.contacts)} contacts."
        )
        self.stdout.write(f"It is in {where_it_wrote()}")
        self.stdout.write(f"Log in as {demo.DEMO_USERNAME} with the password {demo.DEMO_PASSWORD}")
        self.stdout.write(
            "Run the server with the same NEXTROUND_DATA_DIR (and DATABASE_URL) to see it."
        )


def where_it_wrote() -> str:
    """The data dir, and the database when it lives elsewhere, with no password in it."""
    where = f"the data dir {settings.DATA_DIR}"
    if connection.vendor == "sqlite":
        database = settings.DATABASES["default"]["NAME"]
        if str(database) != str(settings.DATA_DIR / "nextround.sqlite3"):
            where += f" (database {database})"
        return where
    database = settings.DATABASES["default"]
    host = database.get("HOST") or "localhost"
    # Only names: the password in DATABASE_URL never reaches the terminal.
    return where + f" (the {connection.vendor} database {database['NAME']!r} on {host})"

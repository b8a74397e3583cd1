"""Fill a ``demo`` account with a made-up job search."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

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
        self.stdout.write(f"Log in as {demo.DEMO_USERNAME} with the password {demo.DEMO_PASSWORD}")

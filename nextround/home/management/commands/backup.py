"""Back up the database and uploaded files into one zip file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from nextround.home.backup import default_backup_path, write_backup


class Command(BaseCommand):
    help = (
        "Write a backup zip (the database and uploaded files) into the data dir's backups folder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="Where to write the zip (default: DATA_DIR/backups/)."
        )

    def handle(self, *args, output: str | None, **options):
        target = Path(output) if output else default_backup_path()
        held = write_backup(target)
        parts = [f"{held['files']} uploaded files"]
        if held["database"]:
            parts.insert(0, "the database")
        if held["accounts"]:
            parts.insert(0, f"{held['accounts']} accounts as JSON exports")
        self.stdout.write(f"Backed up {', '.join(parts)} to {target}")

"""Restore a backup zip into an empty data dir (or database)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nextround.home.backup import BackupRefused, check_backup, data_dir_holdings, restore_backup


class Command(BaseCommand):
    help = "Restore a backup zip into an empty data dir, after checking the whole archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "backup", metavar="BACKUP.zip", help="The zip `nextround backup` wrote."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace what the data dir already holds (its accounts and uploaded files).",
        )

    def handle(self, *args, backup: str, force: bool, **options):
        try:
            # The whole archive is checked before anything here is touched.
            checked = check_backup(Path(backup))
            held = data_dir_holdings()
            if held and not force:
                # On PostgreSQL the accounts are in the database, not the data dir.
                empty = (
                    "an empty data dir (NEXTROUND_DATA_DIR)"
                    if connection.vendor == "sqlite"
                    else "an empty database (DATABASE_URL) and data dir"
                )
                raise BackupRefused(
                    f"{settings.DATA_DIR} already holds {' and '.join(held)}: restore into "
                    f"{empty}, or add --force to replace them."
                )
            if checked.kind == "accounts":
                # A set of exports is imported, so the tables must exist first.
                call_command("migrate", verbosity=0, interactive=False)
            restored = restore_backup(checked)
            if checked.kind == "sqlite":
                # A backup from an older version catches up with this one.
                call_command("migrate", verbosity=0, interactive=False)
        except BackupRefused as refused:
            raise CommandError(f"Nothing was restored. {refused}") from refused
        if restored["database"]:
            files = restored["files"]
            self.stdout.write(
                f"Restored the database and {files} uploaded file{'s' if files != 1 else ''} "
                f"into {settings.DATA_DIR}."
            )
        else:
            accounts = restored["accounts"]
            self.stdout.write(
                f"Restored {accounts} account{'s' if accounts != 1 else ''} from their exports."
            )

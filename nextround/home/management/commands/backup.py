"""Back up the database and uploaded files into one zip file."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nextround.home.backup import (
    DEFAULT_KEEP,
    default_backup_dir,
    default_backup_path,
    prune_backups,
    write_backup,
)


def _count(text: str) -> int:
    """``--keep``'s value: a whole number, 0 or more."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise CommandError(f"--keep takes a whole number, 0 or more (not {text!r}).")
    return number


class Command(BaseCommand):
    help = "Write a backup zip (the database and uploaded files) into a folder beside the data dir."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write the zip (default: a new file in DATA_DIR-backups/, beside the "
            "data dir).",
        )
        parser.add_argument(
            "--keep",
            metavar="N",
            default=str(DEFAULT_KEEP),
            help=f"Keep the newest N backups in the default folder (default {DEFAULT_KEEP}; "
            "0 keeps them all). A backup written with -o is never removed.",
        )

    def handle(self, *args, output: str | None, keep: str, **options):
        kept = _count(keep)
        target = Path(output) if output else default_backup_path()
        if target.is_dir():
            raise CommandError(f"{target} is a folder: name the zip file to write.")
        for folder in target.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise CommandError(f"Could not write {target}: {folder} is not a folder.")
                break
        try:
            held = write_backup(target)
        except OSError as error:
            raise CommandError(f"Could not write {target}: {error.strerror or error}") from error
        parts = [f"{held['files']} uploaded file{'s' if held['files'] != 1 else ''}"]
        if held["database"]:
            parts.insert(0, "the database")
        if held["accounts"]:
            accounts = held["accounts"]
            plural = "s" if accounts != 1 else ""
            parts.insert(0, f"{accounts} account{plural} as JSON exports")
        self.stdout.write(f"Backed up {' and '.join(parts)} to {target}")
        if not output:
            removed = prune_backups(default_backup_dir(), kept)
            if removed:
                plural = "s" if len(removed) != 1 else ""
                self.stdout.write(
                    f"Removed {len(removed)} older backup{plural}, keeping the newest {kept}."
                )

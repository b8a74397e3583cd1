"""Import applications from another tracker's CSV export."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from nextround.core.commands import account_from_options, add_user_argument
from nextround.jobs.csv_import import (
    MAX_CSV_BYTES,
    CsvImport,
    CsvUnreadable,
    decode_csv,
    imported_message,
    read_csv,
    save_import,
    status_from_text,
)


def _status_option(text: str) -> tuple[str, str]:
    """``"Negotiating=offered"`` as (word, status), or a one-line error naming --status."""
    word, equals, status = text.rpartition("=")
    chosen = status_from_text(status) if equals else None
    if not word.strip() or chosen is None:
        raise CommandError(
            f'--status {text!r}: write WORD=STATUS, e.g. --status "Negotiating=offered"; '
            "statuses: preparing, applied, interviewing, offered, accepted, rejected, "
            "not_invited, withdrawn, no_reply."
        )
    return word.strip(), chosen


class Command(BaseCommand):
    help = "Import applications from a CSV file (Teal, Huntr, a spreadsheet). All or nothing."

    def add_arguments(self, parser):
        add_user_argument(parser, whose="Whose applications")
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file and show what would be added."
        )
        parser.add_argument(
            "--status",
            action="append",
            default=[],
            metavar="WORD=STATUS",
            help='Read a status word of the file as one of ours, e.g. "Negotiating=offered". Repeatable.',
        )
        parser.add_argument("--width", type=int, default=None, help="Columns to print in.")

    def handle(self, *args, file: str, dry_run: bool, status: list[str], width=None, **options):
        user = account_from_options(options, command="import-csv")
        choices = dict(_status_option(text) for text in status)
        try:
            with open(file, "rb") as handle:
                data = handle.read(MAX_CSV_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Could not read {file}: {error.strerror or error}") from error
        if len(data) > MAX_CSV_BYTES:
            raise CommandError(
                f"{file} is larger than {MAX_CSV_BYTES // (1024 * 1024)} MB; "
                "split it into smaller files."
            )
        try:
            text = decode_csv(data)
        except CsvUnreadable as error:
            raise CommandError(f"{file}: {error}") from error
        result = read_csv(user, text, choices, progress=self._show_checked)
        for ours, theirs in result.columns.items():
            self.stdout.write(f"  column {theirs!r} -> {ours}")
        if result.problems:
            for problem in result.problems:
                self.stderr.write(str(problem))
            raise CommandError(result.problems_summary())
        if result.duplicates:
            lines = ", ".join(map(str, result.preview_duplicates))
            more = f" {result.more_duplicates()}" if result.duplicates_not_shown else ""
            self.stdout.write(f"Already there, left out: lines {lines}{more}")
        if dry_run:
            self._print_preview(result, width)
            for word in result.unanswered:
                self.stdout.write(word.choice_hint())
            self.stdout.write(f"{result.would_import()} (dry run).")
            return
        if result.unanswered:
            raise CommandError(result.unanswered[0].choice_hint())
        self.stdout.write(imported_message(save_import(result, progress=self._show_saved)))

    def _show_checked(self, done: int, total: int) -> None:
        """A line on stderr now and then, so a long file shows its pace."""
        self.stderr.write(f"Checked {done} of {total} rows.")

    def _show_saved(self, done: int, total: int) -> None:
        self.stderr.write(f"Saved {done} of {total} applications.")

    def _print_preview(self, result: CsvImport, width: int | None) -> None:
        """The same rows the web preview shows: line, organisation, role, status, dates, warnings."""
        if not result.rows:
            return
        console = Console(file=self.stdout, width=width, highlight=False)
        table = Table(title="Would import", title_justify="left", expand=False)
        for heading in ("Line", "Organisation", "Role", "Status", "Applied", "Closing", "Decided"):
            table.add_column(heading, overflow="fold")
        table.add_column("Warnings", overflow="fold")
        for row in result.preview_rows:
            application = row.application
            # Text, not markup: a role may well contain "[remote]".
            cells = [
                str(row.line),
                application.organisation.name,
                application.role,
                row.status_label,
                *(
                    day.isoformat() if day else "—"
                    for day in (
                        application.applied_on,
                        application.closing_on,
                        application.decided_on,
                    )
                ),
                "\n".join(row.warnings),
            ]
            table.add_row(*(Text(cell) for cell in cells))
        console.print(table)
        if result.rows_not_shown:
            self.stdout.write(
                f"The first {len(result.preview_rows)} are shown, {result.more_rows()}"
            )

"""``nextround review``: a review session in the terminal."""

from __future__ import annotations

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel

from nextround.core.commands import account_from_options, add_user_argument
from nextround.questions.answering import write_answer
from nextround.questions.models import Rating
from nextround.questions.scheduling import (
    daily_allowance,
    describe_interval,
    next_in_queue,
    next_intervals,
    record_review,
)

KEYS = {str(index): rating for index, rating in enumerate(Rating, start=1)}


class Command(BaseCommand):
    help = "Review the questions due today, one at a time, in the terminal."
    # Tests hand in their own answers as a stream.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        add_user_argument(
            parser,
            whose="Whose questions; needed when there are several accounts",
            older_spelling=False,
        )

    def handle(self, *args, **options):
        user = account_from_options(options, command="review", only_account_will_do=True)
        stdin = options.get("stdin") or sys.stdin
        console = Console(file=self.stdout, highlight=False, soft_wrap=True)
        allowance = daily_allowance(user)
        if not allowance.total_now:
            console.print("Nothing to review right now. Come back tomorrow.")
            return
        console.print(f"{allowance.total_now} question(s) to review. Type q to stop at any time.")
        reviewed = 0
        later: list[int] = []
        while (question := next_in_queue(user, later=later)) is not None:
            console.print(Panel(escape(question.text), title=question.get_category_display()))
            if not question.has_answer:
                # Nothing to remember until it is written: ask for the answer first.
                console.print(
                    "No answer written yet. Type it on one line and press Enter "
                    "(or just Enter to leave it for later, q to stop)."
                )
                answer = self._read(stdin, keep_case=True)
                if answer.lower() == "q":
                    break
                if not answer:
                    later.append(question.pk)
                    continue
                try:
                    write_answer(question, answer)
                except ValidationError as error:
                    console.print(" ".join(error.messages))
                    later.append(question.pk)
                    continue
                console.print("Saved. Now, from memory:")
            console.print("[dim]Answer it aloud, then press Enter to see your answer.[/dim]")
            if self._read(stdin) == "q":
                break
            console.print(_answer_text(question))
            intervals = next_intervals(question)
            choices = "  ".join(
                f"[bold]{key}[/bold] {rating.label} ({describe_interval(intervals[rating])})"
                for key, rating in KEYS.items()
            )
            console.print(choices)
            while True:
                key = self._read(stdin)
                if key == "q" or key in KEYS:
                    break
                console.print("Type 1, 2, 3 or 4 (or q to stop).")
            if key == "q":
                break
            review = record_review(question, KEYS[key])
            reviewed += 1
            if review.question.needs_rework:
                console.print("[yellow]This answer is flagged “rework this answer”.[/yellow]")
        console.print(f"Reviewed {reviewed}. Well done for showing up.")

    def _read(self, stdin, *, keep_case: bool = False) -> str:
        line = stdin.readline()
        if line == "":
            return "q"
        return line.strip() if keep_case else line.strip().lower()


def _answer_text(question) -> str:
    lines = [
        f"[bold]{part.title()}:[/bold] {escape(value)}"
        for part, value in question.star.items()
        if value.strip()
    ]
    if question.answer.strip():
        lines.append(escape(question.answer))
    return "\n".join(lines) or "[dim](no answer written yet)[/dim]"

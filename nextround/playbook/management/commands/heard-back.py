"""Record the news about an application from the terminal, and show the plan that follows."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from nextround.core.commands import account_from_options, add_user_argument
from nextround.jobs.models import Outcome
from nextround.playbook.heard_back import heard_back
from nextround.playbook.models import LIVE_STATUSES, Action

# How each field is named on this command line.
OPTION_NAMES = {
    "application": "--application",
    "organisation": "--org",
    "role": "--role",
    "outcome": "--outcome",
    "decided_on": "--date",
}


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--date: {text!r} is not a date like 2026-03-02.") from error


class Command(BaseCommand):
    help = "Record what you heard about an application (a no, an offer…) and show the plan."

    def add_arguments(self, parser):
        add_user_argument(
            parser,
            whose="Whose application; optional when there is one account",
            older_spelling=False,
        )
        parser.add_argument("--application", type=int, metavar="ID", help="The application's id.")
        parser.add_argument("--org", default="", help="The organisation, for a new application.")
        parser.add_argument("--role", default="", help="The role, for a new application.")
        parser.add_argument(
            "--outcome",
            required=True,
            help=f"What you heard: {', '.join(Outcome.values)}.",
        )
        parser.add_argument(
            "--date", default=None, help="When you heard (YYYY-MM-DD); today if left out."
        )

    def handle(self, *args, **options):
        user = account_from_options(options, command="heard-back", only_account_will_do=True)
        decided_on = _day(options["date"]) if options["date"] else None
        try:
            news = heard_back(
                user,
                application_id=options["application"],
                organisation_name=options["org"],
                role=options["role"],
                outcome=options["outcome"],
                decided_on=decided_on,
            )
        except ValidationError as error:
            raise CommandError(_one_line(error)) from error
        application = news.application
        self.stdout.write(
            f"Recorded: {application.get_outcome_display()}, {application}"
            f" (application {application.pk})."
        )
        steps = Action.objects.filter(application=application, status__in=LIVE_STATUSES).order_by(
            "due_on", "pk"
        )
        for step in steps:
            self.stdout.write(f"  {step.due_on:%a %-d %b}  {step.get_kind_display()}")
        feedback = news.feedback_request
        if feedback is not None:
            self.stdout.write(
                "The feedback request is drafted for you: open Today, or run nextround agenda."
            )


def _one_line(error: ValidationError) -> str:
    """The refusal as one line, naming the option the person typed."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    return " ".join(
        f"{OPTION_NAMES.get(field, field)}: {' '.join(messages)}"
        for field, messages in error.message_dict.items()
    )

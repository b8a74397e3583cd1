"""``nextround how-it-went``: after an interview, note how it went, as the web page does."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import ngettext

from nextround.core.access import owned
from nextround.core.commands import account_from_options, add_user_argument
from nextround.core.dates import YEAR_MESSAGE, is_plausible
from nextround.expenses.models import ExpenseCategory
from nextround.home.debrief import Cost, record_debrief
from nextround.jobs.models import Feeling, Interview
from nextround.jobs.today import LOOK_BACK_DAYS
from nextround.questions.capture import Choice


def _day(text: str) -> datetime.date:
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"--decision-by: give a date as YYYY-MM-DD, not {text!r}.") from error
    if not is_plausible(day):
        raise CommandError(f"--decision-by: {YEAR_MESSAGE}")
    return day


def _cost(text: str, currency: str) -> Cost:
    """``12.40``, ``12.40:train`` or ``12.40:parking:Station car park``."""
    amount_text, _, rest = text.partition(":")
    category, _, description = rest.partition(":")
    try:
        amount = Decimal(amount_text)
    except InvalidOperation as error:
        raise CommandError(
            f"--cost: give the amount as a number, such as 12.40, not {amount_text!r}."
        ) from error
    category = category.strip().lower() or ExpenseCategory.TRAIN
    if category not in ExpenseCategory.values:
        raise CommandError(f"--cost: the kind is one of {', '.join(ExpenseCategory.values)}.")
    return Cost(
        amount=amount, category=category, currency=currency, description=description.strip()
    )


class Command(BaseCommand):
    help = "After an interview: how it went, the questions, the costs and when you will hear."

    def add_arguments(self, parser):
        add_user_argument(
            parser,
            whose="Whose interview; optional when there is one account",
            older_spelling=False,
        )
        parser.add_argument(
            "interview",
            nargs="?",
            type=int,
            metavar="INTERVIEW",
            help="The interview's number. Without it, the recent ones still to note are listed.",
        )
        parser.add_argument(
            "--feeling", type=int, choices=Feeling.values, help="How it felt, 1 (hard going) to 5."
        )
        parser.add_argument("--note", help="How it went, in a few words.")
        parser.add_argument(
            "--question",
            action="append",
            default=[],
            help="A question you were asked (repeat for more); its kind is suggested from its words.",
        )
        parser.add_argument(
            "--cost",
            action="append",
            default=[],
            metavar="AMOUNT[:KIND[:DETAILS]]",
            help="A cost of the journey, such as 12.40:train:Return ticket (repeat for more).",
        )
        parser.add_argument(
            "--currency", default="GBP", help="The costs' currency (GBP unless given)."
        )
        parser.add_argument(
            "--decision-by", metavar="YYYY-MM-DD", help="The day they said you would hear by."
        )

    def handle(self, *args, **options):
        user = account_from_options(options, command="how-it-went", only_account_will_do=True)
        interviews = owned(Interview, user).select_related("application__organisation")
        if options["interview"] is None:
            return self._list(interviews)
        interview = interviews.filter(pk=options["interview"]).first()
        if interview is None:
            raise CommandError(f"No interview {options['interview']} of yours.")
        values = {}
        if options["feeling"] is not None:
            values["feeling"] = options["feeling"]
        if options["note"] is not None:
            values["self_assessment"] = options["note"]
        if options["decision_by"] is not None:
            values["decision_promised_by"] = _day(options["decision_by"])
        currency = options["currency"].strip().upper()
        costs = [_cost(text, currency) for text in options["cost"]]
        questions = [Choice(text=text) for text in options["question"] if text.strip()]
        if not (values or costs or questions):
            raise CommandError(
                "Give at least one of --feeling, --note, --question, --cost, --decision-by."
            )
        try:
            result = record_debrief(
                user, interview, interview_values=values, questions=questions, costs=costs
            )
        except ValidationError as error:
            field, problems = next(iter(error.message_dict.items()))
            raise CommandError(f"{field}: {' '.join(problems)}") from error
        kept = len(result.questions.added) + len(result.questions.merged)
        spent = len(result.expenses)
        parts = [
            "how it went" if values else "",
            ngettext("%d question", "%d questions", kept) % kept if kept else "",
            ngettext("%d cost", "%d costs", spent) % spent if spent else "",
        ]
        saved = ", ".join(part for part in parts if part)
        self.stdout.write(f"Saved for {interview.application}: {saved}.")
        for question in result.questions.added:
            self.stdout.write(f"  {question.get_category_display()}: {question.text}")

    def _list(self, interviews) -> None:
        now = timezone.now()
        waiting = interviews.to_look_back_on(now, now - datetime.timedelta(days=LOOK_BACK_DAYS))
        if not waiting:
            self.stdout.write("No recent interview is waiting for a note on how it went.")
            return
        self.stdout.write("Recent interviews with no note yet on how they went:")
        for interview in waiting:
            when = timezone.localtime(interview.starts_at)
            self.stdout.write(f"  {interview.pk:>5}  {when:%a %-d %b}  {interview.application}")
        self.stdout.write("Note one with: nextround how-it-went INTERVIEW --feeling 4 --note …")

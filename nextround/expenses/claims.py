"""Claiming interview expenses back: the drafted request, and marking it asked."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from nextround.core.access import owned
from nextround.core.mailto import mailto_link
from nextround.core.uploads import CheckedFile, save_with_file
from nextround.expenses.models import ASKED_STATUSES, ClaimStatus, Expense
from nextround.jobs.models import Interview
from nextround.playbook.actions import complete_actions
from nextround.playbook.drafts import sign_off
from nextround.playbook.models import ActionKind
from nextround.playbook.plan import interview_costs_changed


@dataclass(frozen=True)
class ClaimDraft:
    to: str
    subject: str
    body: str

    @property
    def mailto(self) -> str:
        return mailto_link(self.to, self.subject, self.body)


def claimable(interview: Interview):
    """The interview's expenses still to ask for: not asked yet."""
    return interview.expenses.filter(claim_status=ClaimStatus.NOT_ASKED).order_by("id")


def totals_by_currency(expenses) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for expense in expenses:
        totals[expense.currency] += expense.amount
    return dict(totals)


def draft_claim(interview: Interview, expenses: list[Expense] | None = None) -> ClaimDraft:
    """The request for the interview's unclaimed expenses, itemised, ready to edit."""
    if expenses is None:
        expenses = list(claimable(interview))
    application = interview.application
    organisation = application.organisation
    contact = next((person for person in interview.panel.all() if person.email), None)
    when = timezone.localtime(interview.starts_at)
    day = f"{when.day} {when:%B %Y}"
    lines = [
        f"- {expense.get_category_display()}"
        + (f" ({expense.description})" if expense.description else "")
        + f": {expense.amount} {expense.currency}"
        for expense in expenses
    ]
    totals = totals_by_currency(expenses)
    total_text = " and ".join(f"{amount} {currency}" for currency, amount in totals.items())
    greeting = f"Dear {contact.name}," if contact else "Hello,"
    body = "\n".join(
        [
            greeting,
            "",
            f"Thank you again for the interview for the {application.role} role at "
            f"{organisation.name} on {day}.",
            "",
            "I would be grateful if you could reimburse my travel expenses for attending:",
            "",
            *lines,
            "",
            f"Total: {total_text}." if total_text else "",
            "",
            "I can send the receipts, and my bank details, in whatever form suits you best.",
            "",
            sign_off(interview.owner, "With thanks and best wishes,"),
        ]
    )
    subject = f"Interview expenses: {application.role}, {day}"
    return ClaimDraft(to=contact.email if contact else "", subject=subject, body=body)


def save_expense(
    expense: Expense, upload: CheckedFile | None = None, *, remove_receipt: bool = False
) -> Expense:
    """Check and store an expense and its claim: the one way in for every door.

    The web form, the API (create and PATCH) and "Mark as asked" all come
    here, so a claim is held to the model's rules wherever it is changed
    (amount paid within the amount and only once paid, payment not before
    the request, real days that have come, a real currency); the JSON import
    runs the same ``full_clean``. A ``ValidationError`` names the field.
    When this expense has been asked for and nothing of its interview is
    left to ask for, the plan's claim step for that interview is done.
    """
    expense.full_clean()
    with transaction.atomic():
        save_with_file(expense, upload, remove=remove_receipt)
        # A cost recorded earns the interview its claim step, even after a remote one.
        interview_costs_changed(expense.interview)
        if expense.claim_status in ASKED_STATUSES and not claimable(expense.interview).exists():
            finish_claim_step(expense.owner, expense.interview)
    return expense


def delete_expense(expense: Expense) -> None:
    """Delete an expense (and its receipt); the interview's claim step follows what is left.

    A remote interview whose only cost goes no longer has anything to claim.
    """
    interview = expense.interview
    with transaction.atomic():
        expense.delete()
        interview_costs_changed(interview)


def finish_claim_step(user, interview: Interview) -> None:
    """Mark the plan's claim-expenses step for this interview done."""
    # The plan makes one claim step per interview; finish this one's.
    complete_actions(
        user,
        [ActionKind.CLAIM_EXPENSES],
        application=interview.application,
        interview=interview,
    )


def mark_asked(user, interview: Interview, on: datetime.date | None = None) -> int:
    """Record that the claim was sent: unasked expenses become asked, and the plan's step is done.

    Returns how many expenses changed. Asking twice changes nothing the second time.
    """
    on = on or timezone.localdate()
    with transaction.atomic():
        unasked = list(
            owned(Expense, user)
            .filter(interview=interview, claim_status=ClaimStatus.NOT_ASKED)
            .select_related("interview__application")
        )
        for expense in unasked:
            expense.claim_status, expense.asked_on = ClaimStatus.ASKED, on
            save_expense(expense)
        # Saying "I asked" finishes the step even with nothing left to change.
        finish_claim_step(user, interview)
    return len(unasked)

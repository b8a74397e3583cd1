"""The demo's expenses: travel to interviews, claimed and not."""

from __future__ import annotations

from decimal import Decimal

from nextround.core import demo_pictures
from nextround.core.demo import Story
from nextround.core.uploads import check_file, save_with_file
from nextround.expenses.models import ClaimStatus, Expense, ExpenseCategory


def add_demo_chapter(story: Story) -> None:
    """What the in-person interviews cost, and how the claims went."""

    def spend(interview: str, category: str, description: str, amount: str, receipt=None, **claim):
        expense = Expense(
            owner=story.user,
            interview=story.interviews[interview],
            category=category,
            description=description,
            amount=Decimal(amount),
            currency="GBP",
            **claim,
        )
        expense.full_clean()
        save_with_file(expense, check_file(receipt) if receipt else None)

    # Asked on the day, and refused: volunteers' travel was not covered then.
    spend(
        "volunteer_first",
        ExpenseCategory.BUS,
        "Return, town centre to the harbour",
        "4.20",
        claim_status=ClaimStatus.REFUSED,
        asked_on=story.day(-405),
    )
    # Asked the day after the assessment; the train paid in full, lunch in part.
    for category, description, amount, paid, status in (
        (ExpenseCategory.TRAIN, "Return ticket to Northgate", "38.60", "38.60", ClaimStatus.PAID),
        (
            ExpenseCategory.MEALS,
            "Lunch between task and panel",
            "6.45",
            "5.00",
            ClaimStatus.PART_PAID,
        ),
    ):
        spend(
            "traineeship_second",
            category,
            description,
            amount,
            claim_status=status,
            asked_on=story.day(-149),
            paid_on=story.day(-120),
            amount_paid=Decimal(paid),
        )
    # Not asked yet: the claim is drafted and waiting on the Expenses page.
    spend(
        "overdue",
        ExpenseCategory.TRAIN,
        "Return ticket to Calderbrook",
        "27.90",
        receipt=demo_pictures.picture(demo_pictures.train_ticket, "ticket.png"),
    )
    spend("overdue", ExpenseCategory.PARKING, "Station car park, all day", "7.50")
    # Yesterday's "no" at Ashcombe: the plan's claim step points here.
    spend("visitor_experience", ExpenseCategory.BUS, "Return, Riverside to Ashcombe", "9.80")

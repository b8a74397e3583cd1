"""What was spent on interviews, what came back, and how often organisations pay.

Sums are done by the database, per currency (amounts in different currencies
are never added together), on Decimal columns, and come back as Decimals
rounded to the penny.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from nextround.core.access import owned
from nextround.expenses.models import (
    ASKED_STATUSES,
    AWAITING_STATUSES,
    PAID_STATUSES,
    ClaimStatus,
    Expense,
)

ZERO = Decimal("0.00")
PENNY = Decimal("0.01")
_MONEY = DecimalField(max_digits=14, decimal_places=2)

# The rule of thumb people are given: somewhere between a third and a half
# of employers pay interview expenses when asked.
RULE_OF_THUMB = (Decimal(1) / 3, Decimal(1) / 2)
RULE_OF_THUMB_TEXT = "Between a third and a half of employers pay interview expenses when asked."


@dataclass(frozen=True)
class CurrencySummary:
    currency: str
    spent: Decimal
    recovered: Decimal
    outstanding: Decimal
    unclaimed: Decimal
    asked: int  # organisations asked
    paid: int  # organisations that paid something
    refused: int  # organisations that refused


def _penny(value) -> Decimal:
    # PostgreSQL sums NUMERIC exactly. SQLite keeps decimals as binary
    # floats and hands sums back with 15 significant digits; every amount
    # has at most two places, so rounding to the penny restores the exact sum.
    return Decimal(value).quantize(PENNY)


def _money_sum(expression, condition: Q | None = None):
    if condition is not None:
        expression = Case(
            When(condition, then=expression), default=Value(ZERO), output_field=_MONEY
        )
    return Coalesce(Sum(expression, output_field=_MONEY), Value(ZERO), output_field=_MONEY)


def summarise(user) -> list[CurrencySummary]:
    """One line per currency the user has spent in, most-used first (then by code).

    ``outstanding`` is what has been asked for with no answer yet;
    ``unclaimed`` is what has not been asked for at all. The counts are of
    organisations: one asked about three receipts counts once.
    """
    organisation = "interview__application__organisation"
    rows = (
        owned(Expense, user)
        .values("currency")
        .annotate(
            spent=_money_sum(F("amount")),
            recovered=_money_sum(F("amount_paid")),
            outstanding=_money_sum(F("amount"), Q(claim_status__in=AWAITING_STATUSES)),
            unclaimed=_money_sum(F("amount"), Q(claim_status=ClaimStatus.NOT_ASKED)),
            asked=Count(organisation, filter=Q(claim_status__in=ASKED_STATUSES), distinct=True),
            paid=Count(organisation, filter=Q(claim_status__in=PAID_STATUSES), distinct=True),
            refused=Count(organisation, filter=Q(claim_status=ClaimStatus.REFUSED), distinct=True),
            rows=Count("id"),
        )
        .order_by("-rows", "currency")
    )
    return [
        CurrencySummary(
            currency=row["currency"],
            spent=_penny(row["spent"]),
            recovered=_penny(row["recovered"]),
            outstanding=_penny(row["outstanding"]),
            unclaimed=_penny(row["unclaimed"]),
            asked=row["asked"],
            paid=row["paid"],
            refused=row["refused"],
        )
        for row in rows
    ]


def organisations_that_paid(user) -> tuple[int, int]:
    """(organisations that paid something, organisations asked), across all currencies."""
    organisation = "interview__application__organisation"
    counts = owned(Expense, user).aggregate(
        asked=Count(organisation, filter=Q(claim_status__in=ASKED_STATUSES), distinct=True),
        paid=Count(organisation, filter=Q(claim_status__in=PAID_STATUSES), distinct=True),
    )
    return counts["paid"], counts["asked"]

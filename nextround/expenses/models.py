"""What interviews cost, and how much of it came back."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse

from nextround.core.currencies import DEFAULT_CURRENCY, validate_currency
from nextround.core.dates import YEAR_MESSAGE, is_plausible, latest_decision_day
from nextround.core.models import OwnedModel
from nextround.core.uploads import UploadedFileFields


class ExpenseCategory(models.TextChoices):
    TRAIN = "train", "Train"
    BUS = "bus", "Bus or coach"
    FUEL = "fuel", "Fuel"
    PARKING = "parking", "Parking"
    ACCOMMODATION = "accommodation", "Accommodation"
    MEALS = "meals", "Meals"
    OTHER = "other", "Other"


class ClaimStatus(models.TextChoices):
    NOT_ASKED = "not_asked", "Not asked"
    ASKED = "asked", "Asked"
    PAID = "paid", "Paid"
    PART_PAID = "part_paid", "Part-paid"
    REFUSED = "refused", "Refused"


# Claims the organisation has been asked about, whatever it answered.
ASKED_STATUSES = (
    ClaimStatus.ASKED,
    ClaimStatus.PAID,
    ClaimStatus.PART_PAID,
    ClaimStatus.REFUSED,
)
PAID_STATUSES = (ClaimStatus.PAID, ClaimStatus.PART_PAID)
# Asked, and no answer yet: the money may still come. (A part-payment is an
# answer; what it left unpaid is not counted as still to come.)
AWAITING_STATUSES = (ClaimStatus.ASKED,)

MONEY = {"max_digits": 10, "decimal_places": 2}


class Expense(UploadedFileFields, OwnedModel):
    """One cost of going to one interview, and the claim for it."""

    interview = models.ForeignKey(
        "jobs.Interview", on_delete=models.CASCADE, related_name="expenses"
    )
    category = models.CharField(
        max_length=20, choices=ExpenseCategory, default=ExpenseCategory.TRAIN
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="For example: return ticket, Leeds to York."
    )
    amount = models.DecimalField(**MONEY, validators=[MinValueValidator(Decimal("0.01"))])
    currency = models.CharField(
        max_length=3, default=DEFAULT_CURRENCY, validators=[validate_currency]
    )
    claim_status = models.CharField(
        max_length=20, choices=ClaimStatus, default=ClaimStatus.NOT_ASKED
    )
    asked_on = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    amount_paid = models.DecimalField(
        **MONEY,
        default=Decimal("0.00"),
        validators=[MinValueValidator(Decimal("0.00"))],
        help_text="In the same currency as the amount.",
    )

    upload_folder = "receipts"

    class Meta:
        ordering = ["interview__starts_at", "id"]
        indexes = [
            models.Index(fields=["owner", "currency"]),
            models.Index(fields=["owner", "claim_status"]),
        ]

    def __str__(self) -> str:
        what = self.description or self.get_category_display()
        return f"{what}: {self.amount} {self.currency}"

    def get_absolute_url(self) -> str:
        return reverse("expenses:expense_edit", args=[self.pk])

    def clean_fields(self, exclude=None) -> None:
        # "eur" and " GBP" mean what they say; tidy them before the code is checked.
        if isinstance(self.currency, str):
            self.currency = self.currency.strip().upper()
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.interview_id and self.owner_id and self.interview.owner_id != self.owner_id:
            errors["interview"] = "Choose one of your interviews."
        amount, paid = self.amount, self.amount_paid
        if paid is None:
            paid = self.amount_paid = Decimal("0.00")
        if amount is not None and paid is not None:
            if paid > amount:
                errors["amount_paid"] = "The amount paid cannot be more than the amount spent."
            elif self.claim_status == ClaimStatus.PAID and paid == 0:
                # "Paid" with nothing entered means paid in full.
                self.amount_paid = amount
            elif self.claim_status == ClaimStatus.PAID and paid < amount:
                errors["amount_paid"] = (
                    "Paid means paid in full; choose part-paid for less than the amount."
                )
            elif self.claim_status == ClaimStatus.PART_PAID and not 0 < paid < amount:
                errors["amount_paid"] = "For part-paid, give the amount paid, less than the total."
            elif (
                self.claim_status in (ClaimStatus.NOT_ASKED, ClaimStatus.ASKED, ClaimStatus.REFUSED)
                and paid
            ):
                errors["amount_paid"] = "Only a paid or part-paid claim has an amount paid."
        if self.claim_status == ClaimStatus.NOT_ASKED and self.asked_on:
            errors["asked_on"] = "A claim not yet asked has no date asked."
        if self.paid_on and self.claim_status not in PAID_STATUSES:
            errors["paid_on"] = "Only a paid or part-paid claim has a payment date."
        if self.paid_on and self.asked_on and self.paid_on < self.asked_on:
            errors["paid_on"] = "The payment cannot come before the claim."
        for name in ("asked_on", "paid_on"):
            problem = _claim_date_problem(getattr(self, name))
            if problem:
                errors[name] = problem
        if errors:
            raise ValidationError(errors)


CLAIM_DATE_FUTURE = "A claim's dates are days that have come: this one is in the future."


def _claim_date_problem(value: datetime.date | None) -> str:
    """What is wrong with a day a claim was asked or paid on, or "" if nothing.

    The model checks it, not only the form, so the web, the API and the JSON
    import refuse the same days.
    """
    if not isinstance(value, datetime.date):
        return ""
    if not is_plausible(value):
        return YEAR_MESSAGE
    if value > latest_decision_day():
        return CLAIM_DATE_FUTURE
    return ""

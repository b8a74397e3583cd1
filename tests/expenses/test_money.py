"""Money rules: positive, to the penny, real currencies, paid never more than spent."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from nextround.expenses.models import ClaimStatus
from nextround.expenses.summary import summarise
from tests.expenses.factories import ExpenseFactory
from tests.factories import InterviewFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def invalid_fields(expense) -> set[str]:
    with pytest.raises(ValidationError) as error:
        expense.full_clean()
    return set(error.value.message_dict)


def test_a_negative_or_zero_amount_is_refused(user):
    assert "amount" in invalid_fields(
        ExpenseFactory.build(
            owner=user, amount=Decimal("-5.00"), interview=InterviewFactory(owner=user)
        )
    )
    assert "amount" in invalid_fields(
        ExpenseFactory.build(
            owner=user, amount=Decimal("0"), interview=InterviewFactory(owner=user)
        )
    )


def test_more_than_two_decimal_places_is_refused(user):
    expense = ExpenseFactory.build(
        owner=user, amount=Decimal("12.345"), interview=InterviewFactory(owner=user)
    )
    assert "amount" in invalid_fields(expense)


@pytest.mark.parametrize("code", ["XYZ", "£", "POUNDS", "XTS"])
def test_an_unknown_currency_is_refused(user, code):
    expense = ExpenseFactory.build(
        owner=user, currency=code, interview=InterviewFactory(owner=user)
    )
    assert "currency" in invalid_fields(expense)


def test_a_lower_case_code_is_read_as_the_currency(user):
    expense = ExpenseFactory.build(
        owner=user, currency="eur", interview=InterviewFactory(owner=user)
    )
    expense.full_clean()
    assert expense.currency == "EUR"


def test_paid_back_cannot_exceed_the_amount(user):
    expense = ExpenseFactory.build(
        owner=user,
        interview=InterviewFactory(owner=user),
        amount=Decimal("10.00"),
        claim_status=ClaimStatus.PART_PAID,
        amount_paid=Decimal("10.01"),
    )
    assert "amount_paid" in invalid_fields(expense)


def test_paid_with_no_amount_means_paid_in_full(user):
    expense = ExpenseFactory.build(
        owner=user,
        interview=InterviewFactory(owner=user),
        amount=Decimal("31.70"),
        claim_status=ClaimStatus.PAID,
    )
    expense.full_clean()
    assert expense.amount_paid == Decimal("31.70")


def test_another_users_interview_is_refused(user, other_user):
    expense = ExpenseFactory.build(owner=user, interview=InterviewFactory(owner=other_user))
    assert "interview" in invalid_fields(expense)


def test_sums_are_exact_to_the_penny_in_each_currency(user):
    # Thirty 0.10s and ten 0.20s: float arithmetic would drift, Decimal does not.
    interview = InterviewFactory(owner=user)
    for _ in range(30):
        ExpenseFactory(owner=user, interview=interview, amount=Decimal("0.10"), currency="GBP")
    for _ in range(10):
        ExpenseFactory(
            owner=user,
            interview=interview,
            amount=Decimal("0.20"),
            currency="GBP",
            claim_status=ClaimStatus.PAID,
            amount_paid=Decimal("0.20"),
        )
    ExpenseFactory(
        owner=user,
        interview=interview,
        amount=Decimal("99999999.99"),
        currency="EUR",
        claim_status=ClaimStatus.PART_PAID,
        amount_paid=Decimal("0.01"),
    )
    ExpenseFactory(
        owner=user,
        interview=interview,
        amount=Decimal("0.01"),
        currency="EUR",
        claim_status=ClaimStatus.ASKED,
    )
    by_currency = {line.currency: line for line in summarise(user)}
    assert set(by_currency) == {"GBP", "EUR"}
    gbp, eur = by_currency["GBP"], by_currency["EUR"]
    assert gbp.spent == Decimal("5.00")
    assert str(gbp.spent) == "5.00"
    assert gbp.recovered == Decimal("2.00")
    assert gbp.unclaimed == Decimal("3.00")
    assert gbp.outstanding == Decimal("0.00")
    assert eur.spent == Decimal("100000000.00")
    assert eur.recovered == Decimal("0.01")
    assert eur.outstanding == Decimal("0.01")


def test_the_summary_counts_organisations_not_receipts(user):
    paid_org, refused_org, quiet_org = OrganisationFactory.create_batch(3, owner=user)
    paid_interview = InterviewFactory(owner=user, application__organisation=paid_org)
    for _ in range(3):
        ExpenseFactory(owner=user, interview=paid_interview, claim_status=ClaimStatus.PAID)
    ExpenseFactory(
        owner=user,
        interview=InterviewFactory(owner=user, application__organisation=refused_org),
        claim_status=ClaimStatus.REFUSED,
    )
    ExpenseFactory(
        owner=user, interview=InterviewFactory(owner=user, application__organisation=quiet_org)
    )
    (line,) = summarise(user)
    assert (line.asked, line.paid, line.refused) == (2, 1, 1)


def test_the_summary_is_your_own(user, other_user):
    ExpenseFactory(owner=other_user, amount=Decimal("50.00"))
    assert summarise(user) == []

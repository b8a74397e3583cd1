"""The how-it-went page's forms: a few words and a feeling, the answer's day, the costs."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from nextround.core.currencies import CURRENCY_CHOICES, DEFAULT_CURRENCY
from nextround.core.dates import PlausibleDatesForm
from nextround.expenses.models import ExpenseCategory
from nextround.home.debrief import Cost
from nextround.jobs.forms import DateInput
from nextround.jobs.models import Feeling, Interview

COST_ROWS = 2


class HowItWentForm(PlausibleDatesForm, forms.ModelForm):
    """The interview's own part: how it went, how it felt, when they said you would hear."""

    feeling = forms.TypedChoiceField(
        label="How did it feel?",
        choices=Feeling.choices,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Interview
        fields = ["self_assessment", "feeling", "decision_promised_by"]
        labels = {
            "self_assessment": "How it went, in a few words",
            "decision_promised_by": "When did they say you would hear?",
        }
        help_texts = {
            "self_assessment": "What went well, what you would do differently. Only you see this.",
            "decision_promised_by": "If they named a day, a gentle reminder to ask follows it.",
        }
        widgets = {
            "self_assessment": forms.Textarea(attrs={"rows": 4}),
            "decision_promised_by": DateInput(),
        }


class QuestionsForm(forms.Form):
    questions = forms.CharField(
        label="Questions you were asked",
        required=False,
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="One per line, as you remember them. The wording does not need to be exact.",
    )
    unprepared = forms.BooleanField(
        label="Some of them caught me without an answer ready", required=False
    )


class CostForm(forms.Form):
    """One cost of the journey; a row left without an amount is not a cost."""

    category = forms.ChoiceField(label="What for", choices=ExpenseCategory.choices)
    description = forms.CharField(label="Details", required=False, max_length=200)
    amount = forms.DecimalField(
        label="Amount",
        required=False,
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        error_messages={
            "min_value": "Give an amount above zero, such as 12.50.",
            "invalid": "Give the amount as a number, such as 12.50.",
            "max_digits": "That amount is too large to be a journey's cost.",
            "max_whole_digits": "That amount is too large to be a journey's cost.",
            "max_decimal_places": "Give the amount with at most two decimals, such as 12.50.",
        },
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0.01", "inputmode": "decimal"}),
    )
    currency = forms.ChoiceField(choices=CURRENCY_CHOICES, initial=DEFAULT_CURRENCY)

    def cost(self) -> Cost | None:
        data = self.cleaned_data
        if data.get("amount") is None:
            return None
        return Cost(
            amount=data["amount"],
            category=data["category"],
            currency=data["currency"],
            description=data["description"].strip(),
        )


def cost_forms(data=None) -> list[CostForm]:
    return [CostForm(data, prefix=f"cost-{row}") for row in range(COST_ROWS)]

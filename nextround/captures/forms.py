"""The capture page's form: the same note the offline queue sends as JSON."""

from __future__ import annotations

import uuid

from django import forms

from nextround.captures.capturing import Cost, Note, recent_interviews
from nextround.core.currencies import DEFAULT_CURRENCY
from nextround.core.dates import PlausibleDatesForm
from nextround.core.uploads import UploadField
from nextround.expenses.models import ExpenseCategory

FEELINGS = [
    ("1", "1 · Rough"),
    ("2", "2 · Not great"),
    ("3", "3 · All right"),
    ("4", "4 · Good"),
    ("5", "5 · Really good"),
]


class InterviewChoice(forms.ModelChoiceField):
    def label_from_instance(self, interview) -> str:
        application = interview.application
        return f"{application.organisation.name}: {application.role} ({interview.starts_at:%-d %b})"


class CaptureForm(PlausibleDatesForm, forms.Form):
    """What to note straight after an interview; every part but the interview is optional."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)
    interview = InterviewChoice(
        queryset=None,
        required=False,
        empty_label="Another interview (type it below)",
        label="Which interview",
    )
    organisation = forms.CharField(required=False, max_length=200)
    role = forms.CharField(required=False, max_length=200)
    how_it_went = forms.CharField(
        label="How it went, in a few words",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    feeling = forms.TypedChoiceField(
        label="How it felt",
        choices=FEELINGS,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    questions = forms.CharField(
        label="The questions they asked",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="One per line. Questions already in your bank are joined, not repeated.",
    )
    unprepared = forms.BooleanField(label="I had no answer ready for these", required=False)
    decision_promised_by = forms.DateField(
        label="They promised a decision by",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    cost_amount = forms.DecimalField(
        label="The journey cost",
        required=False,
        min_value=0.01,
        max_digits=10,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    cost_currency = forms.CharField(label="Currency", max_length=3, initial=DEFAULT_CURRENCY)
    cost_category = forms.ChoiceField(
        label="Spent on", choices=ExpenseCategory.choices, initial=ExpenseCategory.TRAIN
    )
    cost_description = forms.CharField(label="What it was", required=False, max_length=200)
    receipt = UploadField(label="Photo of the receipt")

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("client_id", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.fields["interview"].queryset = recent_interviews(user)

    def clean(self):
        data = super().clean()
        if data.get("receipt") and not data.get("cost_amount"):
            self.add_error("cost_amount", "Give the amount the receipt is for.")
        return data

    def note(self) -> Note:
        """The form's values as the note every door saves."""
        data = self.cleaned_data
        costs = []
        if data.get("cost_amount"):
            receipt = data.get("receipt")
            costs.append(
                Cost(
                    amount=data["cost_amount"],
                    category=data["cost_category"],
                    currency=data["cost_currency"],
                    description=data["cost_description"],
                    receipt=receipt,
                )
            )
        interview = data.get("interview")
        return Note(
            client_id=data["client_id"],
            interview_id=interview.pk if interview else None,
            organisation=data["organisation"],
            role=data["role"],
            how_it_went=data["how_it_went"],
            feeling=data["feeling"],
            questions=[data["questions"]],
            unprepared=data["unprepared"],
            decision_promised_by=data["decision_promised_by"],
            costs=costs,
        )

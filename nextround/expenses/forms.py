"""The expense form: an interview of the user's, money, and an optional receipt."""

from __future__ import annotations

from django import forms

from nextround.core.access import owned
from nextround.core.currencies import CURRENCY_CHOICES
from nextround.core.dates import PlausibleDatesForm
from nextround.core.forms import LATEST_OFFERED, offer_some
from nextround.core.uploads import UploadField
from nextround.expenses.models import Expense
from nextround.jobs.models import Interview


class InterviewChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, interview: Interview) -> str:
        application = interview.application
        return (
            f"{interview.starts_at:%d %b %Y} · {application.role}, {application.organisation.name}"
        )


class ExpenseForm(PlausibleDatesForm, forms.ModelForm):
    interview = InterviewChoiceField(
        queryset=Interview.objects.none(),
        help_text="Your latest interviews are offered. For an older one, add the expense "
        "from the interview's page.",
    )
    currency = forms.ChoiceField(choices=CURRENCY_CHOICES, initial="GBP")
    receipt = UploadField(label="Receipt")
    remove_receipt = forms.BooleanField(label="Remove the current receipt", required=False)

    class Meta:
        model = Expense
        fields = [
            "interview",
            "category",
            "description",
            "amount",
            "currency",
            "claim_status",
            "asked_on",
            "paid_on",
            "amount_paid",
        ]
        widgets = {
            "asked_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "paid_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "amount": forms.NumberInput(
                attrs={"step": "0.01", "min": "0.01", "inputmode": "decimal"}
            ),
            "amount_paid": forms.NumberInput(
                attrs={"step": "0.01", "min": "0", "inputmode": "decimal"}
            ),
        }
        labels = {"amount_paid": "Amount paid back", "asked_on": "Asked on", "paid_on": "Paid on"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        interviews = (
            owned(Interview, user)
            .select_related("application__organisation")
            .order_by("-starts_at")
        )
        self.fields["interview"].queryset = interviews
        offer_some(
            self.fields["interview"],
            interviews[:LATEST_OFFERED],
            chosen=self["interview"].value(),
        )
        if not self.instance.has_file:
            del self.fields["remove_receipt"]


class ClaimDraftForm(forms.Form):
    """The drafted claim as the person edited it, on its way to their mail program."""

    to = forms.CharField(
        label="To",
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"data-draft-part": "to", "autocomplete": "off"}),
    )
    subject = forms.CharField(
        label="Subject",
        max_length=300,
        widget=forms.TextInput(attrs={"data-draft-part": "subject"}),
        error_messages={"required": "Give the email a subject."},
    )
    body = forms.CharField(
        label="Message",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 16, "data-draft-part": "body"}),
        error_messages={"required": "Write the message to send."},
    )

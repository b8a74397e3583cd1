"""The interview form: its panel is picked from the person's contacts or added on the spot."""

from __future__ import annotations

from django import forms

from nextround.core.access import owned
from nextround.core.dates import PlausibleDatesForm
from nextround.core.forms import LATEST_OFFERED, offer_some
from nextround.jobs.forms import DateInput, DateTimeInput
from nextround.jobs.models import Application, Interview
from nextround.network.models import Contact


class InterviewForm(PlausibleDatesForm, forms.ModelForm):
    """An interview; panel members may be picked or added on the spot.

    The form only reads and checks what was typed; saving goes through
    ``nextround.network.interviews.save_interview``, as the API's does.
    """

    new_panel = forms.CharField(
        label="New panel members",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One per line, as “Name, role”. They are added to your contacts.",
    )

    class Meta:
        model = Interview
        fields = [
            "application",
            "stage",
            "starts_at",
            "format",
            "location",
            "panel",
            "new_panel",
            "decision_promised_by",
            "notes",
            "self_assessment",
        ]
        widgets = {
            "starts_at": DateTimeInput(),
            "decision_promised_by": DateInput(),
            "panel": forms.CheckboxSelectMultiple(),
            "notes": forms.Textarea(attrs={"rows": 8}),
            "self_assessment": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "application": "Applications still waiting for an outcome are offered, and your "
            "latest ones. For an older one, add the interview from its page.",
            "panel": "Your contacts at the organisation are offered, and those added last.",
        }
        labels = {
            "starts_at": "Date and time",
            "decision_promised_by": "Decision promised by",
            "self_assessment": "How you think it went",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        applications = owned(Application, user).select_related("organisation")
        self.fields["application"].queryset = applications
        contacts = owned(Contact, user)
        self.fields["panel"].queryset = contacts
        self.fields["panel"].required = False
        # Offered: the applications still waiting for an outcome and the latest
        # ones; the contacts at the application's organisation and the latest added.
        newest_first = applications.order_by("-applied_on", "-pk")
        chosen = self["application"].value()
        offer_some(
            self.fields["application"],
            newest_first.filter(outcome="")[:LATEST_OFFERED],
            newest_first[:LATEST_OFFERED],
            chosen=chosen,
        )
        offer_some(
            self.fields["panel"],
            contacts.order_by("-pk")[:LATEST_OFFERED],
            contacts.filter(organisation__applications=chosen)
            if str(chosen).isdigit()
            else contacts.none(),
            chosen=self["panel"].value(),
        )

    def clean_new_panel(self) -> list[tuple[str, str]]:
        people = []
        for line in self.cleaned_data["new_panel"].splitlines():
            if not line.strip():
                continue
            name, _, role = (part.strip() for part in line.partition(","))
            if len(name) > 200 or len(role) > 200:
                raise forms.ValidationError("Keep each name and role under 200 characters.")
            people.append((name, role))
        return people

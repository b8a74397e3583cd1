"""Forms for organisations, applications and outcomes.

The interview form lives with its workflow in nextround/network/interview_forms.py.
"""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from nextround.core.access import owned
from nextround.core.dates import PlausibleDatesForm
from nextround.core.forms import LATEST_OFFERED, offer_some
from nextround.jobs.models import (
    Application,
    Contract,
    Organisation,
    OrganisationKind,
    Outcome,
    Status,
    decision_problem,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "website", "vacancies_url", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}


class ApplicationForm(PlausibleDatesForm, forms.ModelForm):
    """An application; the organisation may be picked or named for the first time."""

    new_organisation = forms.CharField(
        label="Or a new organisation",
        max_length=200,
        required=False,
        help_text="Type a name to add it, if it is not in the list above.",
    )
    new_organisation_kind = forms.ChoiceField(
        label="Kind of new organisation", choices=OrganisationKind.choices, required=False
    )

    class Meta:
        model = Application
        fields = [
            "organisation",
            "new_organisation",
            "new_organisation_kind",
            "role",
            "contract",
            "status",
            "link",
            "closing_on",
            "applied_on",
            "applicants",
            "reapplies_to",
            "notes",
        ]
        widgets = {
            "closing_on": DateInput(),
            "applied_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"reapplies_to": "Tries again after", "applicants": "Applicants per post"}
        help_texts = {
            "reapplies_to": "Your latest applications are offered, and all of those at the "
            "organisation chosen. “Apply again” on an older one fills this in.",
            "applicants": "If they told you how many applied. After a no, it is a reminder "
            "of how many others heard the same.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["organisation"].queryset = owned(Organisation, user)
        self.fields["organisation"].required = False
        earlier = owned(Application, user).select_related("organisation")
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk)
        self.fields["reapplies_to"].queryset = earlier
        # Offered: the latest ones, and every one at the organisation chosen.
        organisation = self["organisation"].value()
        offer_some(
            self.fields["reapplies_to"],
            earlier.order_by("-applied_on", "-pk")[:LATEST_OFFERED],
            earlier.filter(organisation_id=organisation)
            if str(organisation).isdigit()
            else earlier.none(),
            chosen=self["reapplies_to"].value(),
        )
        # Outcomes are recorded with their date on the application page, so
        # only the statuses a person moves through by hand are offered here,
        # plus the current one when an outcome has already been recorded.
        statuses = [
            (s.value, s.label) for s in (Status.PREPARING, Status.APPLIED, Status.INTERVIEWING)
        ]
        if self.instance.outcome:
            statuses.append((self.instance.status, self.instance.get_status_display()))
        self.fields["status"].choices = statuses

    def clean(self):
        cleaned = super().clean()
        name = (cleaned.get("new_organisation") or "").strip()
        if not cleaned.get("organisation") and not name:
            self.add_error("organisation", "Choose an organisation, or name a new one below.")
        elif name and cleaned.get("organisation"):
            self.add_error(
                "new_organisation", "Choose an organisation or name a new one, not both."
            )
        return cleaned

    def _post_clean(self):
        # A brand-new organisation is validated here and saved in save(), so
        # a form with errors never leaves an orphan organisation behind.
        name = (self.cleaned_data.get("new_organisation") or "").strip()
        new_organisation = None
        if name and not self.cleaned_data.get("organisation"):
            new_organisation = Organisation(
                owner=self.user,
                name=name,
                kind=self.cleaned_data.get("new_organisation_kind") or OrganisationKind.OTHER,
            )
        super()._post_clean()
        # Set after the model form copied the (empty) picked organisation
        # onto the instance, or the new one would be overwritten by None.
        if new_organisation is not None:
            self.instance.organisation = new_organisation

    def save(self, commit: bool = True) -> Application:
        organisation = self.instance.organisation
        if organisation.pk is None:
            organisation.save()
            self.instance.organisation = organisation
        return super().save(commit=commit)


# The first option is empty on purpose: on a hurried day, saving without a
# choice is refused and says so, rather than recording an offer by default.
OUTCOME_CHOICES = [("", "Choose what you heard"), *Outcome.choices]
OUTCOME_REQUIRED = "Choose what you heard: an offer, a no, no reply…"


def outcome_field(label: str = "Outcome") -> forms.ChoiceField:
    """The outcome select every form uses: it starts empty and must be chosen."""
    return forms.ChoiceField(
        choices=OUTCOME_CHOICES,
        label=label,
        error_messages={
            "required": OUTCOME_REQUIRED,
            "invalid_choice": "Choose one of the outcomes in the list.",
        },
    )


class OutcomeForm(PlausibleDatesForm, forms.Form):
    outcome = outcome_field()
    decided_on = forms.DateField(label="Date of the decision", widget=DateInput())

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = application
        self.fields["decided_on"].initial = application.decided_on or timezone.localdate()
        if application.outcome:
            self.fields["outcome"].initial = application.outcome

    def clean_decided_on(self) -> datetime.date:
        decided_on = self.cleaned_data["decided_on"]
        # The same rule the outcome workflow and the imports apply.
        problem = decision_problem(decided_on, self.application.applied_on)
        if problem:
            raise forms.ValidationError(problem)
        return decided_on


SORTS = {
    "applied": ("-applied_on", "-created_at", "-id"),
    "applied_oldest": ("applied_on", "created_at", "id"),
    "closing": ("closing_on", "-created_at", "-id"),
    "role": ("role", "id"),
    "organisation": ("organisation__name", "role", "id"),
}


# Filters that take in several statuses at once, as the board's columns do.
STATUS_GROUP_OFFERS = "offers"
STATUS_GROUP_CLOSED = "closed"
STATUS_GROUPS = {
    STATUS_GROUP_OFFERS: [Status.OFFERED, Status.ACCEPTED],
    STATUS_GROUP_CLOSED: [Status.REJECTED, Status.NOT_INVITED, Status.WITHDRAWN, Status.NO_REPLY],
}


class ApplicationFilterForm(forms.Form):
    q = forms.CharField(label="Search", required=False, max_length=200)
    status = forms.ChoiceField(
        label="Status",
        choices=[
            ("", "Any"),
            *Status.choices,
            (STATUS_GROUP_OFFERS, "Offered or accepted"),
            (STATUS_GROUP_CLOSED, "Closed, for any reason"),
        ],
        required=False,
    )
    contract = forms.ChoiceField(
        label="Contract", choices=[("", "Any"), *Contract.choices], required=False
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("applied", "Newest applied"),
            ("applied_oldest", "Oldest applied"),
            ("closing", "Closing date"),
            ("role", "Role"),
            ("organisation", "Organisation"),
        ],
    )

    def apply(self, queryset):
        """Narrow and order the queryset by whatever valid filters were given."""
        if not self.is_valid():
            return queryset.order_by(*SORTS["applied"])
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.filter(role__icontains=data["q"]) | queryset.filter(
                organisation__name__icontains=data["q"]
            )
        if data["status"]:
            queryset = queryset.filter(
                status__in=STATUS_GROUPS.get(data["status"], [data["status"]])
            )
        if data["contract"]:
            queryset = queryset.filter(contract=data["contract"])
        return queryset.order_by(*SORTS[data["sort"] or "applied"])

"""Forms for moving actions along and for tuning the plan."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from nextround.core.access import owned
from nextround.core.dates import PlausibleDatesForm
from nextround.jobs.forms import DateInput, outcome_field
from nextround.jobs.models import Application
from nextround.playbook.models import Action, ActionStatus, PlaybookSettings
from nextround.playbook.rules import OFFSET_BOUNDS, RULES, Unit, offset_for


class SkipForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=500,
        label="Why skip it?",
        widget=forms.TextInput,
    )


class SnoozeForm(PlausibleDatesForm, forms.Form):
    """Put a step off by a number of days, or to a chosen day."""

    days = forms.IntegerField(
        required=False, min_value=1, max_value=365, label="Snooze for how many days"
    )
    until = forms.DateField(
        required=False,
        label="Or until",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        if data.get("until"):
            if data["until"] <= today:
                self.add_error("until", "Choose a day after today.")
        elif data.get("days"):
            data["until"] = today + datetime.timedelta(days=data["days"])
        elif not self.errors:
            self.add_error("days", "Say how many days, or choose a day.")
        return data


class UndoForm(PlausibleDatesForm, forms.Form):
    """What the action was before the last click, carried by the undo button."""

    status = forms.ChoiceField(choices=[(s.value, s.label) for s in ActionStatus])
    due_on = forms.DateField()


class DraftForm(forms.ModelForm):
    """The person's edits to a drafted message: what the send link sends, exactly."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty box would send the drafted words instead of nothing: ask for words.
        for name in self.fields:
            self.fields[name].required = True

    class Meta:
        model = Action
        fields = ["draft_subject", "draft_body"]
        labels = {"draft_subject": "Subject", "draft_body": "Message"}
        error_messages = {
            "draft_subject": {"required": "Give the email a subject."},
            "draft_body": {"required": "Write the message to send."},
        }
        widgets = {
            "draft_subject": forms.TextInput(attrs={"data-draft-part": "subject"}),
            "draft_body": forms.Textarea(attrs={"rows": 12, "data-draft-part": "body"}),
        }


class ResultForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["result"]
        labels = {"result": "What did the successful candidate have that you did not?"}
        help_texts = {
            "result": "Experience, a qualification, subject knowledge… Kept for your skill gaps."
        }
        widgets = {"result": forms.Textarea(attrs={"rows": 4})}


class PlaybookSettingsForm(forms.Form):
    """One offset per rule of the table (the country is with the account's details)."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        settings_row = PlaybookSettings.objects.filter(user=user).first()
        offsets = settings_row.offsets if settings_row else {}
        initial = {f"offset_{rule.key}": offset_for(rule, offsets) for rule in RULES}
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        low, high = OFFSET_BOUNDS
        for rule in RULES:
            unit = Unit(rule.unit).label
            self.fields[f"offset_{rule.key}"] = forms.IntegerField(
                label=rule.label,
                min_value=low,
                max_value=high,
                help_text=f"In {unit}; the table's default is {rule.offset}.",
            )

    def save(self) -> None:
        offsets = {
            rule.key: self.cleaned_data[f"offset_{rule.key}"]
            for rule in RULES
            if self.cleaned_data[f"offset_{rule.key}"] != rule.offset
        }
        PlaybookSettings.objects.update_or_create(user=self.user, defaults={"offsets": offsets})


def settings_context(user) -> dict:
    """The Settings page's plan part: how long after each event a step falls due."""
    return {"playbook_form": PlaybookSettingsForm(user=user)}


LISTED_APPLICATIONS = 100


class HeardBackForm(PlausibleDatesForm, forms.Form):
    """The news about an application, in one form: which one, what was heard, and when."""

    application = forms.ModelChoiceField(
        queryset=Application.objects.none(),
        required=False,
        label="Which application?",
        empty_label="One not recorded yet (name it below)",
        error_messages={"invalid_choice": "Choose one of your applications from the list."},
    )
    organisation = forms.CharField(
        label="Organisation",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(label="Role", max_length=200, required=False)
    outcome = outcome_field(label="What did you hear?")
    decided_on = forms.DateField(label="When did you hear?", widget=DateInput())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_on"].initial = timezone.localdate()
        waiting = owned(Application, user).open().select_related("organisation")
        waiting = waiting.order_by("-updated_at", "-pk")
        self.fields["application"].queryset = waiting
        # Any application still waiting is accepted; the list offers the
        # latest ones, and an older one is found by its organisation and role.
        self.fields["application"].choices = [
            ("", self.fields["application"].empty_label),
            *((each.pk, str(each)) for each in waiting[:LISTED_APPLICATIONS]),
        ]
        # With nothing recorded yet, there is nothing to choose from: name it.
        self.has_applications = waiting.exists()
        if not self.has_applications:
            del self.fields["application"]
            for name, problem in (
                ("organisation", "Name the organisation."),
                ("role", "Name the role."),
            ):
                self.fields[name].required = True
                self.fields[name].error_messages["required"] = problem
        else:
            self.fields[
                "organisation"
            ].help_text = (
                "For an application not in the list: one that is new here, or an older one."
            )

    def workflow_arguments(self) -> dict:
        """The form's answers, as ``heard_back`` takes them."""
        data = self.cleaned_data
        application = data.get("application")
        return {
            "application_id": application.pk if application else None,
            "organisation_name": data["organisation"],
            "role": data["role"],
            "outcome": data["outcome"],
            "decided_on": data["decided_on"],
        }

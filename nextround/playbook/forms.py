"""Forms for moving actions along and for tuning the plan."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from nextround.core.dates import PlausibleDatesForm
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
    class Meta:
        model = Action
        fields = ["draft_subject", "draft_body"]
        labels = {"draft_subject": "Subject", "draft_body": "Message"}
        widgets = {"draft_body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A message may be left empty, but nobody needs telling that it is optional.
        for field in self.fields.values():
            field.optional_unsaid = True


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
            # The usual timing is named only where the person has changed it,
            # so that they can find their way back.
            changed = offsets.get(rule.key, rule.offset) != rule.offset
            self.fields[f"offset_{rule.key}"] = forms.IntegerField(
                label=rule.label,
                min_value=low,
                max_value=high,
                help_text=f"In {unit}; usually {rule.offset}." if changed else f"In {unit}.",
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

"""The reminder settings form, shown on the Settings page."""

from __future__ import annotations

from django import forms

from nextround.reminders.models import ReminderSettings


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["digest_enabled", "email", "alarm_time"]
        widgets = {"alarm_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm

from nextround.accounts.models import User


class SignupForm(UserCreationForm):
    class Meta:
        model = User
        fields = ["username", "email"]


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email", "country", "holiday_region"]
        labels = {
            "country": "Country (for public holidays)",
            "holiday_region": "Region (for public holidays)",
        }
        help_texts = {
            "holiday_region": "Where a part of the country has holidays of its own: ENG, SCT, WLS "
            "or NIR in the UK, BY or BE in Germany. Leave blank for national holidays only.",
            "country": "Two letters, such as GB, IE, DE or US. Working days skip its public holidays.",
        }

    def clean_country(self) -> str:
        import holidays

        code = self.cleaned_data["country"].strip().upper()
        if code not in holidays.list_supported_countries():
            raise forms.ValidationError(
                "Next Round does not know the holidays of that country code."
            )
        return code

    def clean(self):
        import holidays

        cleaned = super().clean()
        country = cleaned.get("country")
        region = (cleaned.get("holiday_region") or "").strip().upper()
        cleaned["holiday_region"] = region
        if country and region:
            known = holidays.list_supported_countries().get(country, [])
            if region not in known:
                choices = ", ".join(known[:12]) or "none"
                self.add_error(
                    "holiday_region",
                    f"{country} has no region {region!r}. Known regions: {choices}.",
                )
        return cleaned


class AppearanceForm(forms.ModelForm):
    """Light, dark, or whatever the device asks for."""

    class Meta:
        model = User
        fields = ["theme"]
        widgets = {"theme": forms.RadioSelect}


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="Token name", help_text="Where you will use it, e.g. “laptop script”."
    )

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm

from nextround.accounts.models import User
from nextround.accounts.passwords import explain_new_password


class LoginForm(AuthenticationForm):
    """Django's login form, saying what went wrong in kinder words."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That username and password do not match an account here. "
        "Check both (capital letters count) and try again.",
        "inactive": "This account is switched off. Whoever runs Next Round can switch it on.",
    }


class SignupForm(UserCreationForm):
    class Meta:
        model = User
        fields = ["username", "email"]
        help_texts = {
            "username": "The name you log in with: letters, digits and . @ + - _ only.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        explain_new_password(self, "password1", "password2")


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

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
        fields = ["email", "country"]
        labels = {"country": "Country (for public holidays)"}
        help_texts = {
            "country": "Two letters, such as GB, IE, DE or US. Working days skip its public holidays."
        }

    def clean_country(self) -> str:
        import holidays

        code = self.cleaned_data["country"].strip().upper()
        if code not in holidays.list_supported_countries():
            raise forms.ValidationError(
                "Next Round does not know the holidays of that country code."
            )
        return code


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="Token name", help_text="Where you will use it, e.g. “laptop script”."
    )

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from nextround.accounts.models import User
from nextround.accounts.places import place_choices, place_value, split_place

SIGNING_NAME_HELP = (
    "Drafted emails and reports end with this name, such as “Sam Rivera”. "
    "Your login name is never shown to anyone else."
)
EMAIL_HELP = "Only for reminders you ask for. It is never shared."
PLACE_HELP = "Working days in your plan skip the public holidays here."


def signing_name_field(*, required: bool) -> forms.CharField:
    """The name drafts and reports are signed with, as setup and Settings ask for it."""
    return forms.CharField(
        label="Your name, to sign letters with",
        max_length=150,
        required=required,
        help_text=SIGNING_NAME_HELP,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


def email_field() -> forms.EmailField:
    return forms.EmailField(
        label="Email",
        required=False,
        help_text=EMAIL_HELP,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def account_details(cleaned_data: dict) -> dict:
    """A details form's answers in the model's names (the place split into country and region)."""
    country, region = cleaned_data["country"]
    return {
        "signing_name": cleaned_data["signing_name"],
        "email": cleaned_data["email"],
        "country": country,
        "holiday_region": region,
    }


class PlaceField(forms.ChoiceField):
    """One select for the country and, where it has holidays of its own, the region."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=place_choices,
            label="Country and region",
            help_text=PLACE_HELP,
            error_messages={
                "required": "Choose where you live, for its public holidays.",
                "invalid_choice": "Choose your country, or your part of it, from the list.",
            },
            **kwargs,
        )

    def clean(self, value) -> tuple[str, str]:
        """The chosen ``(country, region)``; a refusal names the field."""
        value = super().clean(value)
        try:
            return split_place(value)
        except ValidationError as error:
            raise ValidationError(error.message_dict["country"]) from error


class SignupForm(forms.Form):
    """The first account, or another where the host opened sign-up: five boxes, one password."""

    username = forms.CharField(
        label="Login name",
        max_length=150,
        help_text="What you type to log in: letters, digits and @ . + - _ only.",
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 8 characters. A few unrelated words make one that is strong "
        "and easy to remember.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    signing_name = signing_name_field(required=True)
    email = email_field()
    country = PlaceField(initial=place_value("GB", "ENG"))

    def details(self) -> dict:
        """What the account's details are, in the model's names."""
        return account_details(self.cleaned_data)


class AccountSettingsForm(forms.Form):
    """The account's details on Settings: the signing name, email, country and region."""

    signing_name = signing_name_field(required=False)
    email = email_field()
    country = PlaceField()

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.initial.update(
            {
                # The name drafts are signed with now, whichever field it came from.
                "signing_name": user.signature,
                "email": user.email,
                "country": place_value(user.country, user.holiday_region),
            }
        )

    def changes(self) -> dict:
        """The details to save, in the model's names."""
        return account_details(self.cleaned_data)


class LoginForm(AuthenticationForm):
    """Django's login form, saying what went wrong in kinder words."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That login name and password do not match an account here. "
        "Check both (capital letters count) and try again.",
        "inactive": "This account is switched off. Whoever runs Next Round can switch it on.",
    }


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

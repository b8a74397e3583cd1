"""Making an account and changing its details: one set of checks for every door.

Setup, sign-up and Settings on the web, ``/api/v1/me`` and ``nextround
createuser`` all come through here, so a name that is too long, an email
that is not one or a country whose holidays are unknown is refused the same
way everywhere, naming the field.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from nextround.accounts.models import User
from nextround.accounts.places import check_place

SIGNING_NAME_LENGTH = User._meta.get_field("signing_name").max_length
EMAIL_LENGTH = User._meta.get_field("email").max_length
USERNAME_LENGTH = User._meta.get_field("username").max_length


def _check_details(details: dict) -> dict:
    """Tidy and check ``signing_name`` and ``email``; a refusal names the field."""
    checked = {}
    if "signing_name" in details:
        name = " ".join((details["signing_name"] or "").split())
        if len(name) > SIGNING_NAME_LENGTH:
            raise ValidationError(
                {"signing_name": f"Keep the name to {SIGNING_NAME_LENGTH} characters or fewer."}
            )
        checked["signing_name"] = name
    if "email" in details:
        email = (details["email"] or "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError as error:
                raise ValidationError(
                    {"email": "That does not look like an email address."}
                ) from error
            if len(email) > EMAIL_LENGTH:
                raise ValidationError({"email": "That email address is too long."})
        checked["email"] = email
    return checked


@transaction.atomic
def update_profile(user: User, changes: dict) -> User:
    """Change the account's signing name, email, country or region, all checked first.

    A new country without a region means the whole country: a region only
    makes sense within the country it belongs to.
    """
    details = _check_details(changes)
    if "country" in changes or "holiday_region" in changes:
        country = changes.get("country", user.country)
        if "holiday_region" in changes:
            region = changes["holiday_region"] or ""
        else:
            region = user.holiday_region if country == user.country else ""
        details["country"], details["holiday_region"] = check_place(country, region)
    for field, value in details.items():
        setattr(user, field, value)
    if details:
        user.save(update_fields=list(details))
    return user


def check_new_account(username: str, password: str, details: dict) -> User:
    """An unsaved account with everything checked; a refusal names the field."""
    Model = get_user_model()
    checked = _check_details(details)
    country, region = check_place(details.get("country", "GB"), details.get("holiday_region") or "")
    user = Model(username=username, country=country, holiday_region=region, **checked)
    if not username or len(username) > USERNAME_LENGTH:
        raise ValidationError(
            {"username": f"Choose a login name of 1 to {USERNAME_LENGTH} characters."}
        )
    try:
        Model.username_validator(username)
    except ValidationError as error:
        raise ValidationError({"username": error.messages}) from error
    if Model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "That name is taken. Choose another."})
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    return user


@transaction.atomic
def create_account(username: str, password: str, details: dict) -> User:
    """Make an account with its signing name, email, country and region, all checked first."""
    user = check_new_account(username, password, details)
    user.set_password(password)
    user.save()
    return user

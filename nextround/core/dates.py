"""The one range of dates every door accepts, and the rules for a decision's day.

Years outside 1900 to 2999 are typing slips (``0202``, ``20256``), and far
ones overflow when a date-time is moved between time zones. The web forms,
the models, the API and the imports all check dates here, so a date one
door refuses is refused by every other.
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

FIRST_YEAR, LAST_YEAR = 1900, 2999

YEAR_MESSAGE = f"Give a year between {FIRST_YEAR} and {LAST_YEAR}."
FUTURE_MESSAGE = "The decision cannot be in the future."


def is_plausible(value: datetime.date | datetime.datetime) -> bool:
    """Whether the date (or date-time) falls between FIRST_YEAR and LAST_YEAR."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


def validate_plausible_date(value: datetime.date | datetime.datetime | None) -> None:
    """A Django validator: refuse a year outside the range (empty values pass)."""
    if value is not None and not is_plausible(value):
        raise ValidationError(YEAR_MESSAGE, code="implausible_year")


def latest_decision_day() -> datetime.date:
    """The last day a decision may carry.

    One day of grace past the server's today, because the person's own
    calendar may already have turned over when the server's has not.
    """
    return timezone.localdate() + datetime.timedelta(days=1)


def validate_not_in_future(value: datetime.date | None) -> None:
    """A Django validator: a decision is something that has already happened."""
    if value is not None and value > latest_decision_day():
        raise ValidationError(FUTURE_MESSAGE, code="future")


def plausible_date_problems(**values: datetime.date | datetime.datetime | None) -> dict:
    """The fields among ``values`` whose year is out of range, with the message for each."""
    return {
        name: YEAR_MESSAGE
        for name, value in values.items()
        if value is not None and not is_plausible(value)
    }


def limit_date_fields(form: forms.BaseForm) -> forms.BaseForm:
    """Give every date and date-time field of a form the one range of years.

    Call it at the end of a form's ``__init__``; the form is returned.
    """
    for field in form.fields.values():
        is_date = isinstance(field, (forms.DateField, forms.DateTimeField))
        if is_date and validate_plausible_date not in field.validators:
            field.validators.append(validate_plausible_date)
    return form


class PlausibleDatesForm:
    """Mixin for forms whose date fields take only the one range of years."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_date_fields(self)

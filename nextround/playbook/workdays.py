"""Working days: weekdays that are not public holidays in the person's country."""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays

# Weekends where the holidays package does not know the country.
DEFAULT_WEEKEND = frozenset({5, 6})


@lru_cache(maxsize=256)
def _holidays_of(country: str, year: int) -> tuple[frozenset[datetime.date], frozenset[int]]:
    """The public holidays and weekend days of ``country`` in ``year``.

    ``country`` may name a region too, ISO 3166-2 style (``GB-SCT``), because
    some holidays (Easter Monday in England, 2 January in Scotland) are not
    national ones.
    """
    code, _, region = country.upper().partition("-")
    calendar = None
    # An unknown region falls back to the nation, an unknown nation to weekends.
    for subdivision in ([region] if region else []) + [None]:
        try:
            calendar = holidays.country_holidays(code, subdiv=subdivision, years=year)
            break
        except NotImplementedError:
            continue
    if calendar is None:
        return frozenset(), DEFAULT_WEEKEND
    return frozenset(calendar.keys()), frozenset(getattr(calendar, "weekend", DEFAULT_WEEKEND))


def is_working_day(day: datetime.date, country: str) -> bool:
    """True on a weekday that is not a public holiday in ``country``."""
    public_holidays, weekend = _holidays_of(country, day.year)
    return day.weekday() not in weekend and day not in public_holidays


def add_working_days(start: datetime.date, days: int, country: str) -> datetime.date:
    """The working day ``days`` working days after ``start``.

    Zero days means "the same day, or the next working day if ``start``
    is a weekend or a holiday": people do not send emails on Christmas Day.
    """
    day = start
    if days <= 0:
        while not is_working_day(day, country):
            day += datetime.timedelta(days=1)
        return day
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, country):
            counted += 1
    return day

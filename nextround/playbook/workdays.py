"""Working days: weekdays that are not public holidays in the person's country.

The arithmetic is the ``holidays`` library's own (``is_working_day``,
``get_nth_working_day``), which also knows countries whose weekend is not
Saturday and Sunday and weekend days made working days by decree. What stays
ours is choosing the calendar: ``country`` may name a region ISO 3166-2 style
(``GB-SCT``), and where the library does not know the region or the country
it raises; a plan must still be made, so we fall back to the nation's
calendar, then to a plain Saturday-and-Sunday weekend.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _calendar(country: str) -> holidays.HolidayBase:
    """The public holidays of ``country`` (with its region, if named), every year on demand."""
    code, _, region = country.upper().partition("-")
    # Some holidays (Easter Monday in England, 2 January in Scotland) are not
    # national ones, so the region is tried first.
    for subdivision in ([region] if region else []) + [None]:
        try:
            return holidays.country_holidays(code, subdiv=subdivision)
        except NotImplementedError:
            continue
    return holidays.HolidayBase()


def is_working_day(day: datetime.date, country: str) -> bool:
    """True on a weekday that is not a public holiday in ``country``."""
    return _calendar(country).is_working_day(day)


def add_working_days(start: datetime.date, days: int, country: str) -> datetime.date:
    """The working day ``days`` working days after ``start``.

    Zero days means "the same day, or the next working day if ``start``
    is a weekend or a holiday": people do not send emails on Christmas Day.
    """
    return _calendar(country).get_nth_working_day(start, max(days, 0))

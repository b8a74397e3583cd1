"""Working days follow the public holidays of the person's country and region."""

import datetime

from nextround.playbook.workdays import is_working_day


def test_easter_monday_is_a_holiday_in_england_but_not_in_scotland():
    easter_monday = datetime.date(2026, 4, 6)
    assert not is_working_day(easter_monday, "GB-ENG")
    assert is_working_day(easter_monday, "GB-SCT")


def test_the_second_of_january_is_scotlands():
    assert not is_working_day(datetime.date(2026, 1, 2), "GB-SCT")
    assert is_working_day(datetime.date(2026, 1, 2), "GB-ENG")


def test_an_unknown_region_falls_back_to_the_nations_holidays():
    assert not is_working_day(datetime.date(2026, 12, 25), "GB-XX")

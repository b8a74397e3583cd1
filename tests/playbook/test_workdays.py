"""Working days follow the public holidays of the person's country and region."""

import datetime

from nextround.playbook.workdays import add_working_days, is_working_day


def test_easter_monday_is_a_holiday_in_england_but_not_in_scotland():
    easter_monday = datetime.date(2026, 4, 6)
    assert not is_working_day(easter_monday, "GB-ENG")
    assert is_working_day(easter_monday, "GB-SCT")


def test_the_second_of_january_is_scotlands():
    assert not is_working_day(datetime.date(2026, 1, 2), "GB-SCT")
    assert is_working_day(datetime.date(2026, 1, 2), "GB-ENG")


def test_an_unknown_region_falls_back_to_the_nations_holidays():
    assert not is_working_day(datetime.date(2026, 12, 25), "GB-XX")


def test_an_unknown_country_still_rests_at_weekends():
    assert not is_working_day(datetime.date(2026, 12, 26), "XX")  # a Saturday
    assert is_working_day(datetime.date(2026, 12, 25), "XX")  # no holidays known


def test_counting_working_days_steps_over_a_regional_holiday():
    thursday = datetime.date(2026, 4, 2)  # Good Friday and Easter Monday follow
    assert add_working_days(thursday, 1, "GB-ENG") == datetime.date(2026, 4, 7)
    assert add_working_days(thursday, 1, "GB-SCT") == datetime.date(2026, 4, 6)


def test_no_days_means_today_or_the_next_working_day():
    christmas = datetime.date(2026, 12, 25)  # a Friday; Boxing Day moves to Monday
    assert add_working_days(christmas, 0, "GB-ENG") == datetime.date(2026, 12, 29)
    assert add_working_days(christmas, -3, "GB-ENG") == datetime.date(2026, 12, 29)
    assert add_working_days(datetime.date(2026, 12, 23), 0, "GB-ENG") == datetime.date(2026, 12, 23)


def test_a_year_far_ahead_has_its_holidays_too():
    assert not is_working_day(datetime.date(2040, 12, 25), "GB-ENG")

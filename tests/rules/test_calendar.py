"""Tests of :mod:`complaint_rules.calendar` (China working-time arithmetic).

Worked examples come from the seed digests (``shared/spec/seed-00N.md``); the
calendar facts are those of ``chinese-calendar`` 1.11.0 listed in seed-000 §0.
Working-day deadlines follow the seed-000 §0 counting convention: the event day
is not counted and the deadline is the end (23:59:59) of the N-th working day.
"""

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from complaint_rules.calendar import (
    DEFAULT_PERIODS,
    DayEnd,
    Unit,
    WorkCalendar,
    add_duration,
    extend,
    fraction_point,
    from_utc_naive,
    shift_for_pause,
    supported_years,
    to_utc_naive,
)
from complaint_rules.errors import CalendarRangeError, InvalidInputError, RuleError

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()
#: seed-004 A3 (test configuration only): 09:00-12:00 and 13:00-17:00.
CAL_A3 = WorkCalendar(periods=((time(9), time(12)), (time(13), time(17))))
#: seed-001 TC-46 (assumed): 09:00-17:00.
CAL_9_TO_5 = WorkCalendar(periods=((time(9), time(17)),))
PROPS = settings(max_examples=150, deadline=None)


def sh(*args: int) -> datetime:
    """An Asia/Shanghai datetime."""
    return datetime(*args, tzinfo=SH)


def eod(year: int, month: int, day: int) -> datetime:
    """End of a day (23:59:59 Shanghai), seed-000 §11."""
    return sh(year, month, day, 23, 59, 59)


# -- calendar facts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # 2024 Dragon Boat
        (date(2024, 6, 10), False),
        # 2024 National Day: 10-01..10-07 off; Sun 09-29 and Sat 10-12 worked
        (date(2024, 9, 28), False),
        (date(2024, 9, 29), True),
        (date(2024, 9, 30), True),
        *[(date(2024, 10, d), False) for d in range(1, 8)],
        (date(2024, 10, 8), True),
        (date(2024, 10, 12), True),
        (date(2024, 10, 13), False),
        # 2025 Spring Festival: 01-28..02-04 off; Sun 01-26 and Sat 02-08 worked
        (date(2025, 1, 25), False),
        (date(2025, 1, 26), True),
        *[(date(2025, 1, d), False) for d in range(28, 32)],
        *[(date(2025, 2, d), False) for d in range(1, 5)],
        (date(2025, 2, 5), True),
        (date(2025, 2, 8), True),
        (date(2025, 2, 9), False),
    ],
)
def test_seed000_calendar_facts(day, working):
    assert chinese_calendar.is_workday(day) is working
    assert CAL.is_working_day(day) is working


def test_supported_years_come_from_chinese_calendar():
    years = {day.year for day in chinese_calendar.holidays}
    assert supported_years() == (min(years), max(years))
    first, last = supported_years()
    assert first <= 2024 and last >= 2025


def test_is_working_day_reads_aware_datetime_as_local_date():
    # 2024-09-28 17:00 UTC is Sun 09-29 01:00 in Shanghai (a 调休 working day).
    assert CAL.is_working_day(datetime(2024, 9, 28, 17, tzinfo=timezone.utc))
    assert not CAL.is_working_day(datetime(2024, 9, 28, 15, tzinfo=timezone.utc))


def test_default_calendar():
    assert CAL.tz_name == "Asia/Shanghai"
    assert CAL.periods == DEFAULT_PERIODS
    assert CAL.daily_working_time == timedelta(hours=7, minutes=30)
    assert CAL.day_end is DayEnd.END_OF_DAY
    assert not CAL.count_start_day
    assert hash(CAL) == hash(WorkCalendar())


# -- working days: worked examples ----------------------------------------------


def test_s000_r014_tc01_three_working_days_in_a_plain_week():
    assert CAL.add_working_days(sh(2024, 3, 4, 10), 3) == eod(2024, 3, 7)


def test_s000_r015_tc02_two_working_days_over_make_up_sunday():
    assert CAL.add_working_days(sh(2024, 9, 27), 2) == eod(2024, 9, 30)


def test_s000_r015_tc03_two_working_days_before_spring_festival():
    assert CAL.add_working_days(sh(2025, 1, 24), 2) == eod(2025, 1, 27)


def test_s000_r032_tc18_seven_working_days_end_on_make_up_saturday():
    assert CAL.add_working_days(sh(2024, 9, 27), 7) == eod(2024, 10, 12)


def test_s000_r140_tc25_escalated_complaint_fixed_and_mobile():
    received = sh(2024, 9, 27, 16)
    assert add_duration(received, 7, Unit.WORKING_DAYS, CAL) == eod(2024, 10, 12)
    assert add_duration(received, 3, "working_days", CAL) == eod(2024, 10, 8)


def test_s000_r140_tc26_mobile_over_spring_festival():
    assert CAL.add_working_days(sh(2025, 1, 24), 3) == eod(2025, 2, 5)


def test_receipt_before_national_day_three_working_days():
    # Mon 2024-09-30 10:00: counted 10-08, 10-09, 10-10.
    assert CAL.add_working_days(sh(2024, 9, 30, 10), 3) == eod(2024, 10, 10)


def test_s000_r172_r174_tc40_relics_15_and_60_working_days():
    accepted = sh(2024, 9, 23, 9)
    assert CAL.add_working_days(accepted, 15) == eod(2024, 10, 17)
    assert CAL.add_working_days(accepted, 60) == eod(2024, 12, 19)


def test_s000_r174_tc40_alternative_convention_counts_acceptance_day():
    alt = replace(CAL, count_start_day=True)
    assert alt.add_working_days(sh(2024, 9, 23, 9), 60) == eod(2024, 12, 18)


def test_s000_r172_r174_tc41_dragon_boat_skipped():
    accepted = sh(2024, 6, 3, 9)
    assert CAL.add_working_days(accepted, 15) == eod(2024, 6, 25)
    assert CAL.add_working_days(accepted, 60) == eod(2024, 8, 27)


def test_s000_r172_tc42_superior_limit_of_ten_working_days():
    assert CAL.add_working_days(sh(2024, 6, 3), 10) == eod(2024, 6, 18)


def test_s001_r048_r049_tc19_accepted_before_spring_festival():
    accepted = sh(2025, 1, 24, 11)
    assert CAL.add_working_days(accepted, 7) == eod(2025, 2, 10)
    assert CAL.add_working_days(accepted, 15) == eod(2025, 2, 20)


def test_s001_r048_r049_tc20_accepted_on_a_holiday():
    accepted = sh(2024, 10, 5, 15)
    assert CAL.add_working_days(accepted, 7) == eod(2024, 10, 15)
    assert CAL.add_working_days(accepted, 15) == eod(2024, 10, 25)


def test_s002_r022_tc04_make_up_saturday_and_sunday_2025():
    assert CAL.add_working_days(sh(2025, 10, 10), 2) == eod(2025, 10, 13)
    assert CAL.add_working_days(sh(2025, 9, 26), 2) == eod(2025, 9, 29)


def test_s003_r102_tc27_ten_working_days_after_national_day_2025():
    assert CAL.add_working_days(sh(2025, 9, 30), 10) == eod(2025, 10, 21)


def test_zero_working_days_is_end_of_the_same_day():
    assert CAL.add_working_days(sh(2024, 10, 3, 9), 0) == eod(2024, 10, 3)


def test_count_start_day_on_a_holiday_starts_with_next_working_day():
    alt = replace(CAL, count_start_day=True)
    assert alt.add_working_days(sh(2024, 10, 5, 9), 1) == eod(2024, 10, 8)
    assert alt.add_working_days(sh(2024, 9, 30, 9), 1) == eod(2024, 9, 30)


def test_close_of_business_day_end():
    cob = WorkCalendar(day_end=DayEnd.CLOSE_OF_BUSINESS)
    assert cob.add_working_days(sh(2024, 9, 27), 2) == sh(2024, 9, 30, 17, 30)
    assert cob.end_of_day(date(2024, 9, 30)) == sh(2024, 9, 30, 17, 30)


def test_deadline_never_precedes_start():
    cal = WorkCalendar(day_end="close_of_business", count_start_day=True)
    late = sh(2024, 9, 30, 20)
    assert cal.add_working_days(late, 1) == late


def test_working_days_between():
    assert CAL.working_days_between(date(2024, 9, 27), date(2024, 10, 12)) == 7
    assert CAL.working_days_between(date(2024, 10, 12), date(2024, 9, 27)) == -7
    assert CAL.working_days_between(date(2024, 10, 1), date(2024, 10, 7)) == 0
    assert CAL.working_days_between(date(2024, 9, 30), date(2024, 9, 30)) == 0
    assert CAL.working_days_between(sh(2024, 9, 27, 9), sh(2024, 9, 30, 9)) == 2


def test_nth_working_day_and_next_working_day():
    assert CAL.next_working_day(date(2024, 9, 30)) == date(2024, 10, 8)
    assert CAL.nth_working_day(date(2024, 9, 27), 2) == date(2024, 9, 30)
    assert CAL.nth_working_day(date(2024, 9, 29), 2, include_first=True) == date(
        2024, 9, 30
    )


# -- working hours: worked examples ----------------------------------------------


def test_four_working_hours_from_friday_before_make_up_sunday():
    # Fri 16:00-17:30 (1.5 h), then Sun 2024-09-29 (调休) 08:30 + 2.5 h.
    assert CAL.add_working_hours(sh(2024, 9, 27, 16), 4) == sh(2024, 9, 29, 11)


def test_four_working_hours_from_last_day_before_national_day():
    assert CAL.add_working_hours(sh(2024, 9, 30, 16), 4) == sh(2024, 10, 8, 11)


def test_four_working_hours_over_spring_festival():
    assert CAL.add_working_hours(sh(2025, 1, 27, 16), 4) == sh(2025, 2, 5, 11)


def test_working_hours_exactly_reaching_period_end_stay_there():
    assert CAL.add_working_hours(sh(2024, 9, 30, 13, 30), 4) == sh(2024, 9, 30, 17, 30)
    assert CAL.add_working_hours(sh(2024, 9, 30, 8, 30), Decimal("3.5")) == sh(
        2024, 9, 30, 12
    )
    # ...and continuing from there resumes at the next period.
    assert CAL.add_working_hours(sh(2024, 9, 30, 12), 1) == sh(2024, 9, 30, 14, 30)


def test_working_hours_start_outside_working_time():
    assert CAL.add_working_hours(sh(2024, 9, 28, 10), 1) == sh(2024, 9, 29, 9, 30)
    assert CAL.add_working_hours(sh(2024, 9, 30, 12, 30), 1) == sh(2024, 9, 30, 14, 30)
    assert CAL.add_working_hours(sh(2024, 9, 29, 20), 1) == sh(2024, 9, 30, 9, 30)
    assert CAL.add_working_hours(sh(2024, 9, 30, 17, 30), 1) == sh(2024, 10, 8, 9, 30)


def test_zero_working_hours_return_start():
    start = sh(2024, 10, 3, 20)
    assert CAL.add_working_hours(start, 0) == start


def test_s004_r063_tc15_tc16_eight_working_hours_on_a3_calendar():
    assert CAL_A3.add_working_hours(sh(2025, 4, 28, 15), 8) == sh(2025, 4, 29, 16)
    assert CAL_A3.add_working_hours(sh(2025, 4, 30, 14), 8) == sh(2025, 5, 6, 15)
    assert CAL_A3.add_working_days(sh(2025, 4, 28, 15), 2) == eod(2025, 4, 30)
    assert CAL_A3.add_working_days(sh(2025, 4, 30, 14), 3) == eod(2025, 5, 8)


def test_s001_r198_tc46_eight_working_hours_on_assumed_9_to_5_calendar():
    registered = sh(2024, 12, 27, 14)
    assert CAL_9_TO_5.add_working_hours(registered, 8) == sh(2024, 12, 30, 14)
    assert CAL_9_TO_5.add_working_days(registered, 2) == eod(2024, 12, 31)
    assert CAL_9_TO_5.add_working_days(registered, 3) == eod(2025, 1, 2)


def test_working_hours_amount_types_agree():
    start = sh(2024, 9, 27, 16)
    expected = sh(2024, 9, 29, 9, 30)
    for amount in (Decimal("2.5"), 2.5, timedelta(hours=2, minutes=30)):
        assert CAL.add_working_hours(start, amount) == expected
    assert CAL.add_working_hours(start, 0.1) == sh(2024, 9, 27, 16, 6)


def test_amounts_round_half_up_to_whole_seconds():
    start = sh(2024, 5, 10, 9, 30)
    # 0.000125 h = 0.45 s -> 0 s; 0.00015 h = 0.54 s -> 1 s
    assert CAL.add_calendar_hours(start, Decimal("0.000125")) == start
    one_second_later = sh(2024, 5, 10, 9, 30, 1)
    assert CAL.add_calendar_hours(start, Decimal("0.00015")) == one_second_later
    # 1/3 h = 1200 s exactly after rounding, no float drift
    assert CAL.add_calendar_hours(start, Decimal(1) / 3) == sh(2024, 5, 10, 9, 50)


def test_other_timezone_input_returns_calendar_timezone():
    result = CAL.add_working_hours(datetime(2024, 9, 30, 2, tzinfo=timezone.utc), 1)
    assert result == sh(2024, 9, 30, 11)
    assert result.tzinfo == SH


def test_working_time_between():
    assert CAL.working_time_between(sh(2024, 9, 27, 16), sh(2024, 9, 29, 11)) == (
        timedelta(hours=4)
    )
    assert CAL.working_time_between(sh(2024, 9, 29, 11), sh(2024, 9, 27, 16)) == (
        -timedelta(hours=4)
    )
    assert CAL.working_time_between(sh(2024, 10, 1), sh(2024, 10, 8)) == timedelta(0)
    assert CAL.working_time_between(sh(2024, 9, 30, 12), sh(2024, 9, 30, 12)) == (
        timedelta(0)
    )


# -- elapsed units ---------------------------------------------------------------


def test_s000_r104_tc20_tc22_calendar_hours():
    accepted = sh(2024, 5, 10, 9, 30)
    assert add_duration(accepted, 24, Unit.HOURS, CAL) == sh(2024, 5, 11, 9, 30)
    assert add_duration(accepted, 72, "hours", CAL) == sh(2024, 5, 13, 9, 30)


def test_calendar_hours_ignore_holidays():
    assert CAL.add_calendar_hours(sh(2024, 9, 30, 16), 24) == sh(2024, 10, 1, 16)


def test_s000_r105_tc24_revisit_within_seven_calendar_days():
    ended = sh(2024, 6, 3, 15)
    assert add_duration(ended, 7, Unit.CALENDAR_DAYS, CAL) == sh(2024, 6, 10, 15)


def test_s004_r020_tc01_calendar_days_roll_forward_and_working_days():
    received = sh(2024, 9, 27, 10)
    due = CAL.add_calendar_days(received, 5)
    assert due == sh(2024, 10, 2, 10)
    assert CAL.roll_forward(due) == sh(2024, 10, 8, 10)
    assert CAL.roll_forward(sh(2024, 10, 8, 10)) == sh(2024, 10, 8, 10)
    assert CAL.add_working_days(received, 5) == eod(2024, 10, 10)


# -- fraction points (warnings) ----------------------------------------------------


@pytest.mark.parametrize(
    ("start", "hours", "warning"),
    [
        (sh(2024, 5, 10, 10), 1, sh(2024, 5, 10, 10, 54)),
        (sh(2024, 5, 10, 10, 40), 4, sh(2024, 5, 10, 14, 16)),
        (sh(2024, 5, 10, 16), 2, sh(2024, 5, 10, 17, 48)),
    ],
)
def test_s000_r122_tc23_warning_at_ninety_percent(start, hours, warning):
    assert fraction_point(start, hours, Unit.HOURS, Decimal("0.9"), CAL) == warning


def test_s000_r122_ninety_percent_of_three_working_days():
    # 6 h left on 09-30 + 3 x 7.5 h = 28.5 h; 90 % = 25 h 39 min.
    start = sh(2024, 9, 30, 10)
    point = fraction_point(start, 3, Unit.WORKING_DAYS, Decimal("0.9"), CAL)
    assert point == sh(2024, 10, 10, 14, 39)


def test_s004_r063_ninety_percent_of_eight_working_hours():
    start = sh(2025, 4, 28, 15)
    point = fraction_point(start, 8, "working_hours", Decimal("0.9"), CAL_A3)
    assert point == sh(2025, 4, 29, 15, 12)


def test_fraction_point_extremes():
    start = sh(2024, 9, 30, 10)
    assert fraction_point(start, 3, Unit.WORKING_DAYS, 0, CAL) == start
    assert fraction_point(start, 3, Unit.WORKING_DAYS, 1, CAL) == eod(2024, 10, 10)
    with pytest.raises(InvalidInputError):
        fraction_point(start, 3, Unit.WORKING_DAYS, Decimal("1.1"), CAL)
    with pytest.raises(InvalidInputError):
        fraction_point(start, 3, Unit.WORKING_DAYS, Decimal("-0.1"), CAL)


# -- pauses and extensions ---------------------------------------------------------


def test_pause_shifts_elapsed_deadline_by_elapsed_time():
    deadline = sh(2024, 5, 11, 9, 30)
    moved = shift_for_pause(
        deadline, sh(2024, 5, 10, 12), sh(2024, 5, 10, 15), Unit.HOURS, CAL
    )
    assert moved == sh(2024, 5, 11, 12, 30)


def test_pause_shifts_working_hours_deadline_by_working_time():
    deadline = sh(2024, 9, 30, 15)
    pause = (sh(2024, 9, 30, 10), sh(2024, 9, 30, 11))
    assert shift_for_pause(deadline, *pause, Unit.WORKING_HOURS, CAL) == sh(
        2024, 9, 30, 16
    )
    # A pause over the National Day holidays only uses no working time.
    holiday = (sh(2024, 10, 1, 9), sh(2024, 10, 7, 18))
    assert shift_for_pause(deadline, *holiday, Unit.WORKING_HOURS, CAL) == deadline


def test_pause_shifts_working_days_deadline_to_a_day_end():
    deadline = eod(2024, 10, 10)
    one_hour = (sh(2024, 10, 8, 9), sh(2024, 10, 8, 10))
    assert shift_for_pause(deadline, *one_hour, "working_days", CAL) == eod(
        2024, 10, 11
    )
    whole_day = (sh(2024, 10, 8, 8, 30), sh(2024, 10, 8, 17, 30))
    assert shift_for_pause(deadline, *whole_day, "working_days", CAL) == eod(
        2024, 10, 11
    )
    two_days = (sh(2024, 10, 8, 8), sh(2024, 10, 9, 20))
    assert shift_for_pause(deadline, *two_days, "working_days", CAL) == eod(
        2024, 10, 12
    )


def test_pause_must_not_end_before_it_starts():
    with pytest.raises(InvalidInputError):
        shift_for_pause(
            eod(2024, 10, 10), sh(2024, 10, 9), sh(2024, 10, 8), Unit.HOURS, CAL
        )


def test_s000_r172_extension_by_working_days_skips_deadline_day():
    deadline = eod(2024, 9, 30)
    assert extend(deadline, 3, Unit.WORKING_DAYS, CAL) == eod(2024, 10, 10)
    alt = replace(CAL, count_start_day=True)
    assert extend(deadline, 3, Unit.WORKING_DAYS, alt) == eod(2024, 10, 10)


def test_extension_by_hours_and_working_hours():
    assert extend(sh(2024, 5, 11, 9, 30), 24, "hours", CAL) == sh(2024, 5, 12, 9, 30)
    assert extend(sh(2024, 9, 30, 17, 30), 1, "working_hours", CAL) == sh(
        2024, 10, 8, 9, 30
    )
    assert extend(sh(2024, 6, 3, 15), 2, "calendar_days", CAL) == sh(2024, 6, 5, 15)


# -- overrides ---------------------------------------------------------------------


def test_extra_workday_on_a_sunday():
    cal = WorkCalendar(extra_workdays=frozenset({date(2024, 9, 22)}))
    assert cal.is_working_day(date(2024, 9, 22))
    assert CAL.add_working_days(sh(2024, 9, 20), 1) == eod(2024, 9, 23)
    assert cal.add_working_days(sh(2024, 9, 20), 1) == eod(2024, 9, 22)
    assert cal.add_working_hours(sh(2024, 9, 20, 17), 1) == sh(2024, 9, 22, 9)


def test_extra_holiday_on_a_weekday():
    cal = WorkCalendar(extra_holidays={date(2024, 9, 23)})
    assert not cal.is_working_day(date(2024, 9, 23))
    assert cal.add_working_days(sh(2024, 9, 20), 1) == eod(2024, 9, 24)
    assert cal.add_working_hours(sh(2024, 9, 20, 17), 1) == sh(2024, 9, 24, 9)
    assert cal.working_days_between(date(2024, 9, 20), date(2024, 9, 24)) == 1


def test_override_decides_a_day_outside_the_supported_range():
    cal = WorkCalendar(
        extra_holidays={date(2099, 1, 1)}, extra_workdays={date(2099, 1, 3)}
    )
    assert not cal.is_working_day(date(2099, 1, 1))
    assert cal.is_working_day(date(2099, 1, 3))
    with pytest.raises(CalendarRangeError):
        cal.is_working_day(date(2099, 1, 2))


def test_override_sets_must_not_intersect():
    with pytest.raises(InvalidInputError, match="2024-10-08"):
        WorkCalendar(
            extra_holidays={date(2024, 10, 8)}, extra_workdays={date(2024, 10, 8)}
        )


# -- errors ------------------------------------------------------------------------


def test_year_outside_range_raises_calendar_range_error():
    first, last = supported_years()
    with pytest.raises(CalendarRangeError, match="2099") as info:
        CAL.is_working_day(date(2099, 3, 2))
    assert not isinstance(info.value, NotImplementedError)
    assert isinstance(info.value, RuleError)
    assert info.value.code == "calendar_range"
    assert info.value.params == {"year": 2099, "first": first, "last": last}
    assert f"{first}-{last}" in str(info.value)


def test_walking_past_the_last_supported_year_raises():
    _, last = supported_years()
    with pytest.raises(CalendarRangeError, match=str(last + 1)):
        CAL.add_working_days(sh(last, 12, 24), 10)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_hours(sh(last, 12, 31, 9), 40)
    with pytest.raises(CalendarRangeError):
        CAL.working_days_between(date(2024, 1, 1), date(2099, 1, 1))


@pytest.mark.parametrize(
    "call",
    [
        lambda s: CAL.add_working_hours(s, 1),
        lambda s: CAL.add_working_days(s, 1),
        lambda s: CAL.add_calendar_hours(s, 1),
        lambda s: CAL.add_calendar_days(s, 1),
        lambda s: CAL.working_time_between(s, sh(2024, 10, 1)),
        lambda s: CAL.is_working_day(s),
        lambda s: add_duration(s, 1, Unit.WORKING_HOURS, CAL),
        lambda s: fraction_point(s, 1, Unit.HOURS, Decimal("0.9"), CAL),
        lambda s: shift_for_pause(sh(2024, 10, 9), s, s, Unit.HOURS, CAL),
        lambda s: extend(s, 1, Unit.WORKING_DAYS, CAL),
        to_utc_naive,
    ],
)
def test_naive_datetime_is_rejected(call):
    with pytest.raises(InvalidInputError, match="naive"):
        call(datetime(2024, 9, 30, 10))


@pytest.mark.parametrize(
    "periods",
    [
        (),
        ((time(12), time(8, 30)),),
        ((time(9), time(9)),),
        ((time(8, 30), time(12)), (time(11), time(17))),
        ((time(13, 30), time(17, 30)), (time(8, 30), time(12))),
        ((time(8, 30),),),
        (("08:30", "12:00"),),
        ((time(8, 30, tzinfo=timezone.utc), time(12, tzinfo=timezone.utc)),),
    ],
)
def test_bad_periods_are_rejected(periods):
    with pytest.raises(InvalidInputError):
        WorkCalendar(periods=periods)


def test_touching_periods_are_allowed():
    cal = WorkCalendar(periods=[(time(9), time(12)), (time(12), time(13))])
    assert cal.daily_working_time == timedelta(hours=4)
    assert cal.add_working_hours(sh(2024, 9, 30, 11), 1) == sh(2024, 9, 30, 12)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"tz_name": "Mars/Olympus_Mons"},
        {"tz_name": None},
        {"periods": (time(9), time(17))},
        {"day_end": "noon"},
        {"extra_holidays": {datetime(2024, 10, 8, 0, 0)}},
    ],
)
def test_bad_calendar_settings_are_rejected(kwargs):
    with pytest.raises(InvalidInputError):
        WorkCalendar(**kwargs)


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        (-1, Unit.HOURS),
        (Decimal("NaN"), Unit.HOURS),
        (float("inf"), Unit.CALENDAR_DAYS),
        (True, Unit.WORKING_HOURS),
        ("3", Unit.WORKING_HOURS),
        (-timedelta(hours=1), Unit.WORKING_HOURS),
        (Decimal("1.5"), Unit.WORKING_DAYS),
        (timedelta(days=1), Unit.WORKING_DAYS),
        (1, "fortnights"),
    ],
)
def test_bad_amounts_and_units_are_rejected(amount, unit):
    with pytest.raises(InvalidInputError):
        add_duration(sh(2024, 9, 30, 10), amount, unit, CAL)


def test_whole_decimal_and_float_working_days_are_accepted():
    start = sh(2024, 9, 27)
    assert CAL.add_working_days(start, Decimal("2")) == eod(2024, 9, 30)
    assert CAL.add_working_days(start, 2.0) == eod(2024, 9, 30)


# -- Odoo storage helpers ------------------------------------------------------------


def test_utc_naive_round_trip():
    aware = sh(2024, 9, 30, 10)
    assert to_utc_naive(aware) == datetime(2024, 9, 30, 2)
    assert from_utc_naive(datetime(2024, 9, 30, 2)) == aware
    assert from_utc_naive(datetime(2024, 9, 30, 2), "UTC").hour == 2
    with pytest.raises(InvalidInputError):
        from_utc_naive(aware)
    with pytest.raises(InvalidInputError):
        from_utc_naive(date(2024, 9, 30))


def test_unit_values():
    assert [u.value for u in Unit] == [
        "hours",
        "working_hours",
        "working_days",
        "calendar_days",
        "same_working_day",
    ]
    assert Unit.WORKING_DAYS.is_working and not Unit.CALENDAR_DAYS.is_working
    assert [u.value for u in Unit if u.whole_days] == [
        "working_days",
        "same_working_day",
    ]


# -- same working day (当日, S002-R016) ------------------------------------------


@pytest.mark.parametrize(
    ("start", "deadline"),
    [
        # Received on a working day in working hours: that day's close.
        (sh(2024, 5, 10, 10), sh(2024, 5, 10, 17, 30)),
        # Before opening: the same day.
        (sh(2024, 5, 10, 7), sh(2024, 5, 10, 17, 30)),
        (sh(2024, 5, 10, 17, 29), sh(2024, 5, 10, 17, 30)),
        # At or after the close (S002-R009: the duty officer takes it) the
        # next working day: Sat 2024-05-11 is a 调休 make-up day (Labour Day).
        (sh(2024, 5, 10, 17, 30), sh(2024, 5, 11, 17, 30)),
        (sh(2024, 5, 10, 18, 30), sh(2024, 5, 11, 17, 30)),
        # An ordinary weekend: Monday.
        (sh(2024, 5, 17, 18, 30), sh(2024, 5, 20, 17, 30)),
        (sh(2024, 5, 19, 10), sh(2024, 5, 20, 17, 30)),
        # Spring Festival 2025: Sat 01-25 off, Sun 01-26 a make-up day.
        (sh(2025, 1, 24, 18, 30), sh(2025, 1, 26, 17, 30)),
        # National Day 2024: Mon 09-30 after hours -> Tue 10-08.
        (sh(2024, 9, 30, 18), sh(2024, 10, 8, 17, 30)),
    ],
)
def test_s002_r016_same_working_day(start, deadline):
    assert add_duration(start, 1, Unit.SAME_WORKING_DAY, CAL) == deadline
    assert add_duration(start, 1, "same_working_day", CAL) == deadline


def test_s002_r016_same_working_day_counts_the_start_day_as_the_first():
    """N = 2: the working day after the one the step started."""
    assert add_duration(sh(2024, 5, 10, 10), 2, Unit.SAME_WORKING_DAY, CAL) == sh(
        2024, 5, 11, 17, 30
    )
    assert add_duration(sh(2024, 5, 10, 18, 30), 2, Unit.SAME_WORKING_DAY, CAL) == sh(
        2024, 5, 13, 17, 30
    )
    assert Unit.SAME_WORKING_DAY.is_working and Unit.SAME_WORKING_DAY.whole_days


def test_s002_r016_same_working_day_ends_at_the_calendar_close():
    """The close of business is the calendar's, whatever its day end."""
    start = sh(2024, 5, 10, 10)
    assert add_duration(start, 1, Unit.SAME_WORKING_DAY, CAL_A3) == sh(2024, 5, 10, 17)
    assert add_duration(start, 1, Unit.SAME_WORKING_DAY, CAL_9_TO_5) == sh(
        2024, 5, 10, 17
    )
    alt = WorkCalendar(day_end=DayEnd.CLOSE_OF_BUSINESS, count_start_day=True)
    assert add_duration(start, 1, Unit.SAME_WORKING_DAY, alt) == sh(2024, 5, 10, 17, 30)


def test_s002_r016_same_working_day_warning_pause_and_extension():
    """From Fri 2024-05-10 10:00: 6 h of working time to 17:30; the 90 %
    warning (S000-R122) at 16:54. A pause of 1 h of working time moves the
    deadline to the next working day's close (Sat 05-11, 调休); an extension
    of 1 gives the close of the next working day."""
    start = sh(2024, 5, 10, 10)
    unit = Unit.SAME_WORKING_DAY
    assert fraction_point(start, 1, unit, Decimal("0.9"), CAL) == sh(
        2024, 5, 10, 16, 54
    )
    after_hours = sh(2024, 5, 10, 18, 30)
    assert fraction_point(after_hours, 1, unit, Decimal("0.9"), CAL) == sh(
        2024, 5, 11, 16, 45
    )
    deadline = sh(2024, 5, 10, 17, 30)
    paused = shift_for_pause(
        deadline, sh(2024, 5, 10, 14), sh(2024, 5, 10, 15), unit, CAL
    )
    assert paused == sh(2024, 5, 11, 17, 30)
    outside = shift_for_pause(
        deadline, sh(2024, 5, 10, 12), sh(2024, 5, 10, 13), unit, CAL
    )
    assert outside == deadline
    assert extend(deadline, 1, unit, CAL) == sh(2024, 5, 11, 17, 30)
    assert extend(deadline, 2, unit, CAL) == sh(2024, 5, 13, 17, 30)


@pytest.mark.parametrize("amount", [0, Decimal("1.5"), timedelta(hours=1)])
def test_same_working_day_rejects_bad_amounts(amount):
    with pytest.raises(InvalidInputError):
        add_duration(sh(2024, 5, 10, 10), amount, Unit.SAME_WORKING_DAY, CAL)


# -- properties ----------------------------------------------------------------------

_BASE = sh(2023, 1, 1)
_SPAN_MINUTES = 3 * 365 * 24 * 60  # 2023-01-01 .. end of 2025
_BOUNDARIES = sorted({t for period in DEFAULT_PERIODS for t in period} | {time(0)})

starts = st.one_of(
    st.integers(0, _SPAN_MINUTES).map(lambda m: _BASE + timedelta(minutes=m)),
    st.tuples(st.integers(0, 3 * 365), st.sampled_from(_BOUNDARIES)).map(
        lambda dt: datetime.combine(
            _BASE.date() + timedelta(days=dt[0]), dt[1], tzinfo=SH
        )
    ),
)
durations = st.integers(0, 12 * 8 * 60).map(lambda m: timedelta(minutes=m))


def _in_working_period(moment: datetime) -> bool:
    clock = moment.time()
    return any(start < clock <= end for start, end in CAL.periods)


@PROPS
@given(starts, durations, durations)
def test_property_working_hours_monotonic(start, a, b):
    low, high = sorted((a, b))
    assert CAL.add_working_hours(start, low) <= CAL.add_working_hours(start, high)


@PROPS
@given(starts, durations, durations)
def test_property_working_hours_additive(start, a, b):
    assert CAL.add_working_hours(start, a + b) == CAL.add_working_hours(
        CAL.add_working_hours(start, a), b
    )


@PROPS
@given(starts, durations)
def test_property_working_hours_land_in_working_time(start, hours):
    assume(hours > timedelta(0))
    result = CAL.add_working_hours(start, hours)
    assert result > start
    assert CAL.is_working_day(result.date())
    assert _in_working_period(result)


@PROPS
@given(starts, durations)
def test_property_working_time_between_inverts_add(start, hours):
    end = CAL.add_working_hours(start, hours)
    assert CAL.working_time_between(start, end) == hours
    assert CAL.working_time_between(end, start) == -hours


@PROPS
@given(starts, durations, durations)
def test_property_working_time_between_is_additive(a, ab, bc):
    b, c = a + ab, a + ab + bc
    total = CAL.working_time_between(a, c)
    assert total == CAL.working_time_between(a, b) + CAL.working_time_between(b, c)


@PROPS
@given(starts, st.integers(1, 60), st.integers(1, 60))
def test_property_working_days(start, n, m):
    result = CAL.add_working_days(start, n)
    assert CAL.is_working_day(result.date())
    assert result.time() == time(23, 59, 59)
    assert CAL.working_days_between(start.date(), result.date()) == n
    low, high = sorted((n, m))
    assert CAL.add_working_days(start, low) <= CAL.add_working_days(start, high)
    # Extending by m days equals a limit of n + m days.
    assert extend(result, m, Unit.WORKING_DAYS, CAL) == CAL.add_working_days(
        start, n + m
    )


@PROPS
@given(
    starts,
    st.sampled_from(list(Unit)),
    st.integers(0, 30),
    st.decimals(0, 1, places=2),
    st.decimals(0, 1, places=2),
)
def test_property_fraction_point_between_start_and_deadline(start, unit, n, f, g):
    if unit is Unit.SAME_WORKING_DAY:
        n = max(n, 1)  # counts the day it starts as the first
    deadline = add_duration(start, n, unit, CAL)
    low, high = sorted((f, g))
    p_low = fraction_point(start, n, unit, low, CAL)
    p_high = fraction_point(start, n, unit, high, CAL)
    assert start <= p_low <= p_high <= deadline


@PROPS
@given(starts, starts, durations)
def test_property_pause_moves_working_deadline_by_working_time(
    deadline, paused_from, pause
):
    paused_to = paused_from + pause
    moved = shift_for_pause(deadline, paused_from, paused_to, Unit.WORKING_HOURS, CAL)
    assert moved >= deadline
    assert CAL.working_time_between(deadline, moved) == CAL.working_time_between(
        paused_from, paused_to
    )


@PROPS
@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2030, 12, 31),
        timezones=st.sampled_from([SH, timezone.utc]),
    )
)
def test_property_utc_naive_round_trip(moment):
    naive = to_utc_naive(moment)
    assert naive.tzinfo is None
    assert from_utc_naive(naive) == moment


# --- holiday notices and years without holiday data (issue 10 item 4) -------

NOTICE_2027 = """\
# A plausible 2027 notice (the State Council's is not published yet).
2027-01-01..2027-01-03 元旦 休
2027-02-06..2027-02-12 春节 休
2027-02-14 春节 班

2027-02-20,春节,班
"""


def test_parse_holiday_notice_in_the_state_council_shape():
    from complaint_rules.calendar import parse_holiday_notice

    notice = parse_holiday_notice(NOTICE_2027, 2027)
    assert notice.year == 2027
    assert notice.days_off == (
        (date(2027, 1, 1), date(2027, 1, 3), "元旦"),
        (date(2027, 2, 6), date(2027, 2, 12), "春节"),
    )
    assert notice.workdays == ((date(2027, 2, 14), "春节"), (date(2027, 2, 20), "春节"))
    assert len(notice.off_dates()) == 10
    assert parse_holiday_notice("2027-10-01 off").days_off == (
        (date(2027, 10, 1), date(2027, 10, 1), ""),
    )


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("2027-02-06..2027-02-12 春节", 1, "kind"),
        ("2027-02-06..2027-02-12 春节 放", 1, "kind"),
        ("# header\n2027-02-30 春节 休", 2, "date"),
        ("2027-02-12..2027-02-06 春节 休", 1, "range"),
        ("2026-12-31..2027-01-01 元旦 休", 1, "year"),
        ("2027-02-06 春节 休\n2027-02-06 春节 班", 2, "conflict"),
        ("休", 1, "format"),
    ],
)
def test_parse_holiday_notice_names_the_bad_line(text, line, reason):
    from complaint_rules.calendar import HolidayNoticeError, parse_holiday_notice

    with pytest.raises(HolidayNoticeError) as info:
        parse_holiday_notice(text, 2027)
    assert info.value.params["line"] == line
    assert info.value.params["reason"] == reason
    assert info.value.code == "holiday_notice"


def test_provisional_years_between():
    cal = WorkCalendar(provisional_years=frozenset({2027, 2028}))
    tz = ZoneInfo("Asia/Shanghai")
    start = datetime(2026, 12, 1, 9, tzinfo=tz)
    assert cal.provisional_years_between(start, start) == ()
    assert cal.provisional_years_between(start, datetime(2027, 3, 1, tzinfo=tz)) == (
        2027,
    )
    assert cal.provisional_years_between(datetime(2029, 1, 1, tzinfo=tz), start) == (
        2027,
        2028,
    )
    with pytest.raises(InvalidInputError):
        WorkCalendar(provisional_years=frozenset({"2027"}))


@PROPS
@given(starts, st.integers(1, 5))
def test_property_same_working_day_ends_at_a_working_close(start, n):
    """The deadline is the close of business of a working day after the
    start, with at most n working days' time before it."""
    deadline = add_duration(start, n, Unit.SAME_WORKING_DAY, CAL)
    assert deadline > start
    assert deadline.timetz().replace(tzinfo=None) == time(17, 30)
    assert CAL.is_working_day(deadline.date())
    worked = CAL.working_time_between(start, deadline)
    assert timedelta(0) < worked <= n * CAL.daily_working_time

"""China public holidays and make-up working days (调休) for holiday years.

The ``complaint_sla`` addon fills its holiday years (days off and make-up
working days per year, editable by head office) from ``chinese_calendar``
through :func:`china_holidays` and :func:`china_makeup_workdays`, and turns a
year's data into a calendar's overrides with :func:`year_overrides`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from types import MappingProxyType

import chinese_calendar

from ..calendar import supported_years
from ..errors import CalendarRangeError, InvalidInputError

__all__ = [
    "HOLIDAY_NAMES_ZH",
    "HolidayRun",
    "china_holidays",
    "china_makeup_workdays",
    "year_overrides",
]

_DAY = timedelta(days=1)

#: Chinese names of the holidays ``chinese_calendar`` knows.
HOLIDAY_NAMES_ZH: Mapping[str, str] = MappingProxyType(
    {holiday.value: holiday.chinese for holiday in chinese_calendar.Holiday}
)


@dataclass(frozen=True)
class HolidayRun:
    """Consecutive official days off of one holiday (e.g. 国庆节 10-01..10-07)."""

    first: date
    last: date
    name: str

    @property
    def name_zh(self) -> str:
        return HOLIDAY_NAMES_ZH.get(self.name, self.name)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _check_year(year: int) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidInputError(f"year must be an integer, got {year!r}")
    first, last = supported_years()
    if not first <= year <= last:
        raise CalendarRangeError(
            f"no China holiday data for year {year}; chinese_calendar supports "
            f"{first}-{last}",
            year=year,
            first=first,
            last=last,
        )
    return year


def china_holidays(year: int) -> tuple[HolidayRun, ...]:
    """The State Council's days off of ``year``, as runs of one holiday each.

    Days off include the weekend days inside a holiday break (e.g. Sat
    2024-10-05 of National Day); ordinary weekends are not listed.

    :raises CalendarRangeError: ``chinese_calendar`` does not know ``year``.
    """
    _check_year(year)
    days = sorted(
        (day, name)
        for day, name in chinese_calendar.holidays.items()
        if day.year == year
    )
    runs: list[HolidayRun] = []
    for day, name in days:
        if runs and runs[-1].name == name and runs[-1].last + _DAY == day:
            runs[-1] = HolidayRun(runs[-1].first, day, name)
        else:
            runs.append(HolidayRun(day, day, name))
    return tuple(runs)


def china_makeup_workdays(year: int) -> tuple[tuple[date, str], ...]:
    """The make-up working days (调休) of ``year``: weekend days that are worked.

    :raises CalendarRangeError: ``chinese_calendar`` does not know ``year``.
    """
    _check_year(year)
    return tuple(
        sorted(
            (day, name)
            for day, name in chinese_calendar.workdays.items()
            if day.year == year
        )
    )


def year_overrides(
    year: int,
    holidays: Iterable[date],
    workdays: Iterable[date],
    working_weekdays: Iterable[int] = (0, 1, 2, 3, 4),
) -> tuple[frozenset[date], frozenset[date]]:
    """Classify every day of ``year``: ``(days off, working days)``.

    A day is worked if it is a make-up working day (``workdays``), or if its
    weekday is a working weekday and it is not a holiday. Feed the two sets to
    :class:`~complaint_rules.calendar.WorkCalendar` (``extra_holidays``,
    ``extra_workdays``) to make a year entirely defined by the customer's
    data, including a year ``chinese_calendar`` does not know yet.
    """
    holidays = _frozen_year(holidays, year, "holidays")
    workdays = _frozen_year(workdays, year, "workdays")
    weekdays = frozenset(working_weekdays)
    off: set[date] = set()
    on: set[date] = set()
    day = date(year, 1, 1)
    while day.year == year:
        worked = day in workdays or (day.weekday() in weekdays and day not in holidays)
        (on if worked else off).add(day)
        day += _DAY
    return frozenset(off), frozenset(on)


def _frozen_year(values: Iterable[date], year: int, name: str) -> frozenset[date]:
    result = frozenset(values)
    for value in result:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise InvalidInputError(f"{name} must contain dates, got {value!r}")
    return frozenset(d for d in result if d.year == year)

"""China working-time arithmetic for complaint deadlines.

Every time limit of the suite is computed here, on top of the ``chinese-calendar``
package (State Council public holidays and 调休 make-up working days). Nothing in
this module imports Odoo; the Odoo layer builds a :class:`WorkCalendar` from its
``resource.calendar`` (working periods) and the per-year adjustments a customer
made in the UI (``extra_holidays`` / ``extra_workdays``), then calls the functions
below.

Conventions
-----------
* **Instants** are timezone-aware :class:`~datetime.datetime` objects. A naive
  datetime raises :class:`~complaint_rules.errors.InvalidInputError`. Results are
  aware datetimes in the calendar's timezone (``Asia/Shanghai`` by default). Odoo
  stores naive UTC: convert with :func:`to_utc_naive` / :func:`from_utc_naive`.
* **Units** (:class:`Unit`): ``hours`` and ``calendar_days`` are elapsed 24×7
  time; ``working_hours`` walk the calendar's working periods on working days;
  ``working_days`` count whole China working days. This follows seed-000 §0
  ("N个工作日" = China working days with 调休; "N小时"/"N日" = calendar time, e.g.
  S000-R104, S000-R105).
* **Working days.** A day is a working day if it is in ``extra_workdays``; it is
  not if it is in ``extra_holidays``; otherwise ``chinese_calendar.is_workday``
  decides (weekends, public holidays, 调休). A year that ``chinese_calendar`` does
  not know raises :class:`~complaint_rules.errors.CalendarRangeError`, unless an
  override decides that day.
* **Counting "N个工作日"** (seed-000 §0 "Counting convention", used by the worked
  examples of S000-R014/R015, S000-R140, S000-R172/R174 and by seeds 001-004 as
  "A1"): the day of the triggering event is **not** counted, and the deadline is
  the **end of the N-th working day after it**. "End of day" is 23:59:59 local
  time (seed-000 §11, seed-001 §0). Both choices are configurable on the
  calendar: ``count_start_day=True`` counts the event day as day 1 when it is a
  working day (the alternative noted in seed-000 TC-40), and
  ``day_end=DayEnd.CLOSE_OF_BUSINESS`` ends a day at its last working period.
  ``N = 0`` means "the same day" (当日): the end of the event day.
* **Same working day** (:attr:`Unit.SAME_WORKING_DAY`, S002-R016 "当日交办、
  当日受理"): the limit ends at the **close of business** (the end of the last
  working period, 17:30 by default) of the working day the step started, or
  of the next working day when it started at or after the close of business
  or on a day off. Seed 002 D1 routes calls by time (第五条, S002-R009): in
  working hours the office that dispatches takes them, at other times the
  duty officer, so a complaint received after hours reaches the office on
  its next working day and is dispatched that day. ``N`` counts that day as
  the first (``N = 1``: the same working day).
* **Working hours.** Counting starts at the next working moment when the start
  is outside working time. A result that exactly exhausts a period is that
  period's end (e.g. 17:30), never the next morning. Adding zero returns the
  start unchanged, so addition is associative: ``add(s, a + b) ==
  add(add(s, a), b)``.
* **Amounts** may be ``int``, :class:`~decimal.Decimal`, ``float`` (read through
  its shortest ``repr``, so ``0.1`` is exactly one tenth) or, for hour units,
  :class:`~datetime.timedelta`. They must be finite and non-negative; working
  days must be whole numbers. Amounts and fractions are converted exactly with
  :class:`~decimal.Decimal` and **rounded half up to whole seconds**; there is no
  float arithmetic on durations.
* **Wall clock.** Working periods are local wall-clock times; working time is
  measured on the wall clock, elapsed time in UTC. (China has no daylight saving
  time, so the two agree for ``Asia/Shanghai``.)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

import chinese_calendar

from .coerce import to_amount
from .errors import CalendarRangeError, InvalidInputError

__all__ = [
    "DEFAULT_PERIODS",
    "DEFAULT_TIMEZONE",
    "DayEnd",
    "HolidayNotice",
    "HolidayNoticeError",
    "Unit",
    "WorkCalendar",
    "add_duration",
    "extend",
    "fraction_point",
    "from_utc_naive",
    "parse_holiday_notice",
    "shift_for_pause",
    "supported_years",
    "to_utc_naive",
]

DEFAULT_TIMEZONE = "Asia/Shanghai"
#: 08:30-12:00 and 13:30-17:30, i.e. 7.5 working hours a day.
DEFAULT_PERIODS: tuple[tuple[time, time], ...] = (
    (time(8, 30), time(12, 0)),
    (time(13, 30), time(17, 30)),
)
END_OF_DAY = time(23, 59, 59)

_ONE_DAY = timedelta(days=1)
_SECONDS_PER_HOUR = Decimal(3600)
_SECONDS_PER_DAY = Decimal(86400)
_MICROSECOND = timedelta(microseconds=1)

Amount = int | Decimal | float | timedelta


class Unit(str, enum.Enum):
    """Unit of a time limit."""

    HOURS = "hours"
    """Elapsed (24×7) hours: "N小时"."""
    WORKING_HOURS = "working_hours"
    """Hours inside the working periods of working days: "N个工作小时"."""
    WORKING_DAYS = "working_days"
    """China working days with 调休: "N个工作日"."""
    CALENDAR_DAYS = "calendar_days"
    """Elapsed (24×7) days: "N日"."""
    SAME_WORKING_DAY = "same_working_day"
    """"当日" (S002-R016): the close of business of the working day the step
    started (the next working day's after hours); N counts that day as 1."""

    @property
    def is_working(self) -> bool:
        """Whether the unit runs on working time only."""
        return self in (Unit.WORKING_HOURS, Unit.WORKING_DAYS, Unit.SAME_WORKING_DAY)

    @property
    def whole_days(self) -> bool:
        """Whether amounts of the unit are whole working days."""
        return self in (Unit.WORKING_DAYS, Unit.SAME_WORKING_DAY)


class DayEnd(str, enum.Enum):
    """The instant at which a day-based deadline falls on its last day."""

    END_OF_DAY = "end_of_day"
    """23:59:59 local time (seed-000 §11, seed-001 §0)."""
    CLOSE_OF_BUSINESS = "close_of_business"
    """The end of the calendar's last working period (17:30 by default)."""


@lru_cache(maxsize=1)
def supported_years() -> tuple[int, int]:
    """Return ``(first, last)``: the years ``chinese_calendar`` has data for.

    Derived from the library's own holiday table, exactly as the library checks
    its input, so it follows upgrades of ``chinese-calendar`` without edits.
    """
    years = [day.year for day in chinese_calendar.holidays]
    return min(years), max(years)


@lru_cache(maxsize=16384)
def _library_is_workday(day: date) -> bool:
    """Cached ``chinese_calendar.is_workday``.

    The library rescans its whole holiday table on every call to validate the
    year, which dominates day-by-day stepping.
    """
    return chinese_calendar.is_workday(day)


def _check_aware(value: object, name: str = "datetime") -> datetime:
    if not isinstance(value, datetime):
        raise InvalidInputError(
            f"{name} must be a datetime, got {type(value).__name__}", value=value
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInputError(
            f"{name} must be timezone-aware, got naive {value.isoformat()}",
            value=value,
        )
    return value


def _round_seconds(seconds: Decimal) -> timedelta:
    """Round a number of seconds half up to a whole-second timedelta."""
    return timedelta(seconds=int(seconds.quantize(Decimal(1), ROUND_HALF_UP)))


def _duration(amount: object, unit_seconds: Decimal, name: str) -> timedelta:
    """Convert an hour or day amount to a whole-second timedelta (half up)."""
    if isinstance(amount, timedelta):
        if amount < timedelta(0):
            raise InvalidInputError(f"{name} must not be negative, got {amount}")
        return amount
    return _round_seconds(to_amount(amount, name, allow_str=False) * unit_seconds)


def _whole_days(amount: object) -> int:
    value = to_amount(amount, "working days", allow_str=False)
    if value != value.to_integral_value():
        raise InvalidInputError(
            f"working days must be a whole number, got {amount!r}", value=amount
        )
    return int(value)


def _to_fraction(fraction: object) -> Decimal:
    value = to_amount(fraction, "fraction", allow_str=False)
    if value > 1:
        raise InvalidInputError(
            f"fraction must lie between 0 and 1, got {fraction!r}", value=fraction
        )
    return value


def _to_unit(unit: Unit | str) -> Unit:
    try:
        return Unit(unit)
    except ValueError as exc:
        raise InvalidInputError(f"unknown time unit {unit!r}", value=unit) from exc


def _tzinfo(tz: str | tzinfo) -> tzinfo:
    if isinstance(tz, tzinfo):
        return tz
    if not isinstance(tz, str):
        raise InvalidInputError(f"timezone must be a name, got {tz!r}", value=tz)
    try:
        return ZoneInfo(tz)
    except (ValueError, KeyError) as exc:  # ZoneInfoNotFoundError is a KeyError
        raise InvalidInputError(f"unknown timezone {tz!r}", value=tz) from exc


def _frozen_dates(values: Iterable[date], name: str) -> frozenset[date]:
    result = frozenset(values)
    for value in result:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise InvalidInputError(f"{name} must contain dates, got {value!r}")
    return result


def _periods(values: Iterable[Iterable[time]]) -> tuple[tuple[time, time], ...]:
    periods: list[tuple[time, time]] = []
    for period in values:
        pair = tuple(period) if isinstance(period, tuple | list) else ()
        if len(pair) != 2 or not all(isinstance(t, time) for t in pair):
            raise InvalidInputError(
                f"a working period must be a (start, end) pair of times, got {period!r}"
            )
        start, end = pair
        if start.tzinfo is not None or end.tzinfo is not None:
            raise InvalidInputError("working periods must use naive (local) times")
        if start >= end:
            raise InvalidInputError(
                f"working period {start}-{end} must start before it ends"
            )
        if periods and start < periods[-1][1]:
            raise InvalidInputError(
                f"working period {start}-{end} overlaps or precedes "
                f"{periods[-1][0]}-{periods[-1][1]}; periods must be sorted and "
                "must not overlap"
            )
        periods.append((start, end))
    if not periods:
        raise InvalidInputError("a working calendar needs at least one period")
    return tuple(periods)


@dataclass(frozen=True)
class WorkCalendar:
    """An immutable China working calendar.

    :param tz_name: IANA timezone of the working periods and day boundaries.
    :param periods: working periods of a working day, as sorted, non-overlapping
        ``(start, end)`` local times; periods may touch.
    :param extra_holidays: dates that are off even if ``chinese_calendar`` says
        they are working days.
    :param extra_workdays: dates that are worked even if ``chinese_calendar``
        says they are weekends or holidays.
    :param count_start_day: counting convention for working days; ``False``
        (default, seed-000 §0) does not count the day of the triggering event.
    :param day_end: when a day-based deadline falls on its last day.
    :param provisional_years: years whose days are decided without holiday
        data (weekends off only, through the overrides) because nobody has
        loaded the State Council's notice yet; deadlines that reach them are
        provisional (:meth:`provisional_years_between`).
    """

    tz_name: str = DEFAULT_TIMEZONE
    periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS
    extra_holidays: frozenset[date] = field(default_factory=frozenset)
    extra_workdays: frozenset[date] = field(default_factory=frozenset)
    count_start_day: bool = False
    day_end: DayEnd = DayEnd.END_OF_DAY
    provisional_years: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not isinstance(self.tz_name, str):
            raise InvalidInputError(f"tz_name must be a string, got {self.tz_name!r}")
        _tzinfo(self.tz_name)
        object.__setattr__(self, "periods", _periods(self.periods))
        holidays = _frozen_dates(self.extra_holidays, "extra_holidays")
        workdays = _frozen_dates(self.extra_workdays, "extra_workdays")
        both = holidays & workdays
        if both:
            raise InvalidInputError(
                "dates cannot be both extra holidays and extra workdays: "
                + ", ".join(sorted(day.isoformat() for day in both))
            )
        object.__setattr__(self, "extra_holidays", holidays)
        object.__setattr__(self, "extra_workdays", workdays)
        try:
            object.__setattr__(self, "day_end", DayEnd(self.day_end))
        except ValueError as exc:
            raise InvalidInputError(f"unknown day end {self.day_end!r}") from exc
        object.__setattr__(self, "count_start_day", bool(self.count_start_day))
        years = frozenset(self.provisional_years)
        if any(isinstance(y, bool) or not isinstance(y, int) for y in years):
            raise InvalidInputError("provisional_years must contain years (int)")
        object.__setattr__(self, "provisional_years", years)

    def provisional_years_between(
        self, start: datetime, end: datetime
    ) -> tuple[int, ...]:
        """Years from ``start`` to ``end`` (local dates, both included) that
        have no holiday data (:attr:`provisional_years`), ascending.

        A deadline computed over such a year may move when the year's public
        holidays and make-up days are loaded.
        """
        low, high = self._as_date(start), self._as_date(end)
        if high < low:
            low, high = high, low
        return tuple(
            sorted(y for y in self.provisional_years if low.year <= y <= high.year)
        )

    # -- basic facts -------------------------------------------------------

    @property
    def tz(self) -> tzinfo:
        """The calendar's timezone."""
        return ZoneInfo(self.tz_name)

    @property
    def daily_working_time(self) -> timedelta:
        """Working time of one working day (7.5 h with the default periods)."""
        return sum(
            (_combine_delta(start, end) for start, end in self.periods), timedelta(0)
        )

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day.

        Overrides win; otherwise ``chinese_calendar`` decides, including 调休
        make-up days. An aware datetime is read as its local date.

        :raises CalendarRangeError: the year is outside :func:`supported_years`
            and no override decides the day.
        """
        if isinstance(day, datetime):
            day = self.localize(day).date()
        elif not isinstance(day, date):
            raise InvalidInputError(f"expected a date, got {type(day).__name__}")
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        first, last = supported_years()
        if not first <= day.year <= last:
            raise CalendarRangeError(
                f"no China holiday data for year {day.year} ({day.isoformat()}); "
                f"chinese_calendar supports {first}-{last}",
                year=day.year,
                first=first,
                last=last,
            )
        return _library_is_workday(day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day += _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    # -- conversions -------------------------------------------------------

    def localize(self, moment: datetime) -> datetime:
        """Return an aware datetime in the calendar's timezone.

        :raises InvalidInputError: ``moment`` is not an aware datetime.
        """
        return _check_aware(moment).astimezone(self.tz)

    def _wall(self, moment: datetime) -> datetime:
        """Naive local wall-clock time of an aware instant."""
        return self.localize(moment).replace(tzinfo=None)

    def _aware(self, wall: datetime) -> datetime:
        return wall.replace(tzinfo=self.tz)

    def end_of_day(self, day: date) -> datetime:
        """The instant a day-based deadline falls on ``day`` (see ``day_end``)."""
        if self.day_end is DayEnd.CLOSE_OF_BUSINESS:
            return self.close_of_business(day)
        return self._aware(datetime.combine(day, END_OF_DAY))

    def close_of_business(self, day: date) -> datetime:
        """The end of the last working period of ``day`` (17:30 by default)."""
        return self._aware(datetime.combine(day, self.periods[-1][1]))

    def roll_forward(self, deadline: datetime) -> datetime:
        """Move a deadline that falls on a non-working day to the next one.

        The wall-clock time is kept. This is the optional "a deadline ending on
        a holiday rolls to the next working day" convention (seed-004 §"Day
        units", TC01 of S004-R020); it is not applied by any other function.
        """
        local = self.localize(deadline)
        if self.is_working_day(local.date()):
            return local
        day = self.next_working_day(local.date())
        return self._aware(datetime.combine(day, local.time()))

    # -- elapsed time ------------------------------------------------------

    def add_calendar_hours(self, start: datetime, hours: Amount) -> datetime:
        """``start`` plus elapsed hours ("N小时", S000-R104, S000-R105)."""
        delta = _duration(hours, _SECONDS_PER_HOUR, "hours")
        return self.add_elapsed(start, delta)

    def add_calendar_days(self, start: datetime, days: Amount) -> datetime:
        """``start`` plus elapsed days, keeping the clock time ("N日", S000-R105).

        Elapsed 24×7 time: 7 days from 2024-06-03 15:00 is 2024-06-10 15:00
        (seed-000 TC-24). For the end-of-day reading use :meth:`end_of_day` on
        the result's date; for holiday roll-forward use :meth:`roll_forward`.
        """
        delta = _duration(days, _SECONDS_PER_DAY, "days")
        return self.add_elapsed(start, delta)

    def add_elapsed(self, start: datetime, delta: timedelta) -> datetime:
        """``start`` plus an elapsed timedelta, measured in UTC."""
        moment = _check_aware(start, "start").astimezone(timezone.utc) + delta
        return moment.astimezone(self.tz)

    # -- working time ------------------------------------------------------

    def _day_periods(self, day: date) -> Iterable[tuple[datetime, datetime]]:
        for start, end in self.periods:
            yield datetime.combine(day, start), datetime.combine(day, end)

    def add_working_hours(self, start: datetime, hours: Amount) -> datetime:
        """``start`` plus working hours ("N个工作小时", S004-R063, S001-R198).

        Walks the working periods of working days, one day at a time. If
        ``start`` lies outside working time, counting begins at the next working
        moment. Exactly exhausting a period yields that period's end. Zero hours
        return ``start`` (in the calendar's timezone).
        """
        local = self.localize(start)
        remaining = _duration(hours, _SECONDS_PER_HOUR, "hours")
        if not remaining:
            return local
        cursor = local.replace(tzinfo=None)
        day = cursor.date()
        while True:
            if self.is_working_day(day):
                for period_start, period_end in self._day_periods(day):
                    if cursor >= period_end:
                        continue
                    begin = max(cursor, period_start)
                    available = period_end - begin
                    if remaining <= available:
                        return self._aware(begin + remaining)
                    remaining -= available
            day += _ONE_DAY
            cursor = datetime.combine(day, time.min)

    def working_time_between(self, begin: datetime, end: datetime) -> timedelta:
        """Working time from ``begin`` to ``end``.

        Antisymmetric: if ``end`` precedes ``begin`` the result is the negated
        working time from ``end`` to ``begin``.
        """
        low, high = self._wall(begin), self._wall(end)
        if high < low:
            return -self.working_time_between(end, begin)
        total = timedelta(0)
        day = low.date()
        while day <= high.date():
            if self.is_working_day(day):
                for period_start, period_end in self._day_periods(day):
                    overlap = min(period_end, high) - max(period_start, low)
                    if overlap > timedelta(0):
                        total += overlap
            day += _ONE_DAY
        return total

    # -- working days ------------------------------------------------------

    def nth_working_day(
        self, day: date, count: int, *, include_first: bool = False
    ) -> date:
        """The ``count``-th working day after ``day``; ``day`` itself for 0.

        With ``include_first``, ``day`` counts as the first one if it is a
        working day.
        """
        count = _whole_days(count)
        if count == 0:
            return day
        if include_first and self.is_working_day(day):
            count -= 1
        while count:
            day = self.next_working_day(day)
            count -= 1
        return day

    def add_working_days(self, start: datetime, days: int | Decimal) -> datetime:
        """Deadline of "自…起 N个工作日内" counted from ``start``.

        Seed-000 §0 counting convention: the day of ``start`` is not counted
        and the deadline is the end (23:59:59 local, see ``day_end``) of the
        N-th working day after it; ``count_start_day=True`` counts the start day
        as day 1 when it is a working day. ``days=0`` gives the end of the start
        day (当日). The result is never earlier than ``start``.

        Worked examples: S000-R015 (2 days from Fri 2024-09-27 → end of Mon
        2024-09-30), S000-R172 (15 days), S000-R174 (60 days).
        """
        local = self.localize(start)
        count = _whole_days(days)
        day = self.nth_working_day(
            local.date(), count, include_first=self.count_start_day
        )
        return max(self.end_of_day(day), local)

    def add_same_working_day(
        self, start: datetime, days: int | Decimal = 1
    ) -> datetime:
        """Deadline of "当日" counted from ``start`` (S002-R016).

        The close of business of the working day ``start`` falls on, or of
        the next working day when ``start`` is at or after that day's close
        of business or on a day off (S002-R009: after hours the duty officer
        takes the call, the office dispatches on its next working day).
        ``days`` counts that working day as the first: 1 is the same working
        day, 2 the one after. E.g. Fri 2024-05-10 10:00 -> 17:30 that day;
        18:30 -> Sat 2024-05-11 17:30 (调休 make-up day).
        """
        local = self.localize(start)
        count = _whole_days(days)
        if count < 1:
            raise InvalidInputError(
                f"a same-working-day limit counts at least 1 day, got {days!r}",
                value=days,
            )
        day = local.date()
        if not self.is_working_day(day) or local >= self.close_of_business(day):
            day = self.next_working_day(day)
        return self.close_of_business(self.nth_working_day(day, count - 1))

    def working_days_between(self, first: date, last: date) -> int:
        """Number of working days ``d`` with ``first < d <= last``.

        This matches the default counting convention: for a start ``s``,
        ``working_days_between(s, add_working_days(s, n)) == n``. Aware
        datetimes are read as their local dates. Antisymmetric when ``last``
        precedes ``first``.
        """
        low, high = self._as_date(first), self._as_date(last)
        if high < low:
            return -self.working_days_between(high, low)
        count = 0
        day = low + _ONE_DAY
        while day <= high:
            if self.is_working_day(day):
                count += 1
            day += _ONE_DAY
        return count

    def _as_date(self, value: date) -> date:
        if isinstance(value, datetime):
            return self.localize(value).date()
        if not isinstance(value, date):
            raise InvalidInputError(f"expected a date, got {type(value).__name__}")
        return value


def _combine_delta(start: time, end: time) -> timedelta:
    anchor = date(2000, 1, 1)
    return datetime.combine(anchor, end) - datetime.combine(anchor, start)


# -- unit-generic operations ------------------------------------------------


def add_duration(
    start: datetime, amount: Amount, unit: Unit | str, cal: WorkCalendar
) -> datetime:
    """Deadline of a limit of ``amount`` ``unit`` counted from ``start``.

    Dispatches to :meth:`WorkCalendar.add_calendar_hours`,
    :meth:`~WorkCalendar.add_working_hours`, :meth:`~WorkCalendar.add_working_days`,
    :meth:`~WorkCalendar.add_same_working_day` or
    :meth:`~WorkCalendar.add_calendar_days`.
    """
    unit = _to_unit(unit)
    if unit is Unit.HOURS:
        return cal.add_calendar_hours(start, amount)
    if unit is Unit.WORKING_HOURS:
        return cal.add_working_hours(start, amount)
    if unit.whole_days and isinstance(amount, timedelta):
        raise InvalidInputError("working days cannot be given as a timedelta")
    if unit is Unit.WORKING_DAYS:
        return cal.add_working_days(start, amount)
    if unit is Unit.SAME_WORKING_DAY:
        return cal.add_same_working_day(start, amount)
    return cal.add_calendar_days(start, amount)


def fraction_point(
    start: datetime,
    amount: Amount,
    unit: Unit | str,
    fraction: Decimal | int | float,
    cal: WorkCalendar,
) -> datetime:
    """Instant at which ``fraction`` of a limit has been used (S000-R122).

    S000-R122 sets the warning time "in principle at 90 % of the step's
    standard handling limit". The limit runs from ``start`` to ``deadline =
    add_duration(start, amount, unit, cal)``:

    * elapsed units: ``start + fraction × (deadline - start)``
      (seed-000 TC-23: 90 % of 4 h from 10:40 is 14:16);
    * working units: the point where ``fraction`` of the *working time* between
      ``start`` and ``deadline`` has been used, walked along working time. For
      working days that is the working time really available under the
      counting convention: what is left of the (uncounted) start day plus the
      N working days, e.g. 6 h + 3 × 7.5 h for 3 working days from Mon
      2024-09-30 10:00. A warning thus falls inside working hours.

    The fractional duration is rounded half up to whole seconds, and the
    result never passes the deadline. ``fraction`` 0 gives ``start``; 1 gives
    the deadline itself.
    """
    unit = _to_unit(unit)
    share = _to_fraction(fraction)
    begin = cal.localize(start)
    deadline = add_duration(begin, amount, unit, cal)
    if share == 1:
        return deadline
    if unit.is_working:
        total = cal.working_time_between(begin, deadline)
        point = cal.add_working_hours(begin, _scale(total, share))
    else:
        point = cal.add_elapsed(begin, _scale(deadline - begin, share))
    return min(point, deadline)


def _scale(duration: timedelta, share: Decimal) -> timedelta:
    microseconds = Decimal(duration // _MICROSECOND)
    return _round_seconds(microseconds * share / Decimal(1_000_000))


def shift_for_pause(
    deadline: datetime,
    paused_from: datetime,
    paused_to: datetime,
    unit: Unit | str,
    cal: WorkCalendar,
) -> datetime:
    """Move a deadline by the time a ticket spent paused (挂起).

    * Elapsed units: the deadline moves by the elapsed pause.
    * ``working_hours``: it moves by the working time inside the pause,
      walked along working time from the deadline.
    * ``working_days``: as for working hours, then the result is set to the
      end (``day_end``) of the day it falls on, because day limits end at a day
      end. Any working time paused, however short, thus extends the deadline
      by at least part of a working day and a partial day counts as a whole
      one. A pause entirely outside working time changes nothing.
    * ``same_working_day``: likewise, ending at the close of business.

    The pause is taken as given; whether a pause after the deadline counts is
    for the caller to decide (seed-001 §1 "[GAP] Pausing").
    """
    unit = _to_unit(unit)
    begin = _check_aware(paused_from, "paused_from")
    end = _check_aware(paused_to, "paused_to")
    if end < begin:
        raise InvalidInputError("a pause cannot end before it starts")
    current = cal.localize(deadline)
    if not unit.is_working:
        return cal.add_elapsed(current, end - begin)
    paused = cal.working_time_between(begin, end)
    if not paused:
        return current
    moved = cal.add_working_hours(current, paused)
    if unit is Unit.WORKING_DAYS:
        return cal.end_of_day(moved.date())
    if unit is Unit.SAME_WORKING_DAY:
        return cal.close_of_business(moved.date())
    return moved


def extend(
    deadline: datetime, amount: Amount, unit: Unit | str, cal: WorkCalendar
) -> datetime:
    """Extend (延期) a deadline by ``amount`` ``unit``.

    Hour and calendar-day units add to the deadline instant. Working days give
    the end of the N-th working day **after** the deadline's day, whatever
    ``count_start_day`` says, since the deadline's own day is already part of
    the original limit (e.g. S000-R172: "经上级交办部门同意,可适当延长办理期限").
    Same working days give the close of business of that N-th working day.
    """
    unit = _to_unit(unit)
    if not unit.whole_days:
        return add_duration(deadline, amount, unit, cal)
    if isinstance(amount, timedelta):
        raise InvalidInputError("working days cannot be given as a timedelta")
    current = cal.localize(deadline)
    day = cal.nth_working_day(current.date(), _whole_days(amount), include_first=False)
    if unit is Unit.SAME_WORKING_DAY:
        return max(cal.close_of_business(day), current)
    return max(cal.end_of_day(day), current)


# -- Odoo storage helpers ---------------------------------------------------


def to_utc_naive(moment: datetime) -> datetime:
    """Aware datetime → naive UTC, the way Odoo stores ``fields.Datetime``."""
    return _check_aware(moment).astimezone(timezone.utc).replace(tzinfo=None)


def from_utc_naive(moment: datetime, tz: str | tzinfo = DEFAULT_TIMEZONE) -> datetime:
    """Naive UTC (as read from Odoo) → aware datetime in ``tz``."""
    if not isinstance(moment, datetime):
        raise InvalidInputError(
            f"expected a datetime, got {type(moment).__name__}", value=moment
        )
    if moment.tzinfo is not None:
        raise InvalidInputError(
            f"expected a naive UTC datetime, got aware {moment.isoformat()}",
            value=moment,
        )
    return moment.replace(tzinfo=timezone.utc).astimezone(_tzinfo(tz))


# -- holiday notices ----------------------------------------------------------


class HolidayNoticeError(InvalidInputError):
    """A line of a holiday notice could not be read.

    ``params``: ``line`` (1-based number), ``text`` (the line) and ``reason``
    (``format``, ``date``, ``range``, ``year``, ``kind``, ``conflict``).
    """

    code = "holiday_notice"


@dataclass(frozen=True)
class HolidayNotice:
    """A year's public holidays (runs of days off) and make-up working days
    (调休), as the State Council's notice lists them."""

    year: int
    days_off: tuple[tuple[date, date, str], ...]
    workdays: tuple[tuple[date, str], ...]

    def off_dates(self) -> frozenset[date]:
        """Every day off of the notice."""
        days = set()
        for first, last, _name in self.days_off:
            day = first
            while day <= last:
                days.add(day)
                day += _ONE_DAY
        return frozenset(days)


_OFF_WORDS = frozenset({"休", "放假", "off", "holiday"})
_WORK_WORDS = frozenset({"班", "上班", "work", "workday"})
_RANGE_MARKS = ("..", "~", "～", "至")


def _notice_date(token: str, line: int, text: str) -> date:
    try:
        return date.fromisoformat(token.strip())
    except ValueError:
        raise HolidayNoticeError(
            f"line {line}: {token!r} is not a date (YYYY-MM-DD)",
            line=line,
            text=text,
            reason="date",
        ) from None


def parse_holiday_notice(text: str, year: int | None = None) -> HolidayNotice:
    """Read a year's holidays in the shape of the State Council's notice.

    One entry per line; blank lines and ``#`` comments are ignored; fields
    are separated by spaces, tabs or commas (a CSV file works)::

        # 国务院办公厅关于2027年部分节假日安排的通知
        2027-01-01..2027-01-03 元旦 休
        2027-02-06..2027-02-12 春节 休
        2027-02-14 春节 班

    A line is a date or a range (``first..last``; ``~`` and ``至`` work too),
    an optional holiday name, and ``休`` (day off; also ``放假``, ``off``) or
    ``班`` (make-up working day, 调休; also ``上班``, ``work``). Every date
    must fall in one year (``year`` when given); a day cannot be both off and
    worked. Raises :class:`HolidayNoticeError` naming the first bad line.
    """
    if not isinstance(text, str):
        raise InvalidInputError("a holiday notice must be text")
    days_off: list[tuple[date, date, str]] = []
    workdays: list[tuple[date, str]] = []
    seen: dict[date, tuple[str, int]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip().lstrip("\ufeff")
        if not line:
            continue
        tokens = [t for t in line.replace("，", ",").replace(",", " ").split() if t]
        if len(tokens) < 2:
            raise HolidayNoticeError(
                f"line {number}: expected a date or range, an optional name "
                f"and 休 or 班, got {raw.strip()!r}",
                line=number,
                text=raw.strip(),
                reason="format",
            )
        kind_word = tokens[-1].lower()
        if kind_word in _OFF_WORDS:
            kind = "off"
        elif kind_word in _WORK_WORDS:
            kind = "work"
        else:
            raise HolidayNoticeError(
                f"line {number}: the last field must be 休 (day off) or 班 "
                f"(make-up working day), got {tokens[-1]!r}",
                line=number,
                text=raw.strip(),
                reason="kind",
            )
        name = " ".join(tokens[1:-1])
        when = tokens[0]
        mark = next((m for m in _RANGE_MARKS if m in when), None)
        if mark:
            first_text, last_text = when.split(mark, 1)
            first = _notice_date(first_text, number, raw.strip())
            last = _notice_date(last_text, number, raw.strip())
        else:
            first = last = _notice_date(when, number, raw.strip())
        if last < first:
            raise HolidayNoticeError(
                f"line {number}: the range ends before it starts",
                line=number,
                text=raw.strip(),
                reason="range",
            )
        if year is None:
            year = first.year
        if first.year != year or last.year != year:
            raise HolidayNoticeError(
                f"line {number}: the dates must fall in {year}",
                line=number,
                text=raw.strip(),
                reason="year",
            )
        day = first
        while day <= last:
            if day in seen and seen[day][0] != kind:
                raise HolidayNoticeError(
                    f"line {number}: {day.isoformat()} is both a day off and a "
                    f"working day (line {seen[day][1]})",
                    line=number,
                    text=raw.strip(),
                    reason="conflict",
                )
            seen[day] = (kind, number)
            day += _ONE_DAY
        if kind == "off":
            days_off.append((first, last, name))
        else:
            day = first
            while day <= last:
                workdays.append((day, name))
                day += _ONE_DAY
    if year is None:
        raise InvalidInputError("the holiday notice lists no date")
    return HolidayNotice(
        year=year,
        days_off=tuple(sorted(days_off)),
        workdays=tuple(sorted(set(workdays))),
    )

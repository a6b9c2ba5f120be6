"""Step clocks: deadline, warning, pauses (挂起), extensions (延期).

Warnings (S000-R122)
--------------------
A limit warns at ``warn_ratio`` (default 90 %) of its time, measured in the
limit's own time (working time for working units): see
:func:`~complaint_rules.calendar.fraction_point`. ``warn_ratio`` 0 means no
warning. After a pause or an extension the warning keeps its **lead**: it
falls as long before the new deadline as it fell before the old one.

Pauses (挂起) and extensions (延期)
-----------------------------------
A pause shifts the deadline by the time paused, in the limit's unit
(:func:`~complaint_rules.calendar.shift_for_pause`). An extension moves the
deadline by an approved amount (:func:`~complaint_rules.calendar.extend`); a
limit allows ``max_extensions`` of them, optionally capped
(:func:`check_extension`).

Status
------
The status of a clock (on time, warning, overdue, paused, met, missed) has
one home, :func:`complaint_rules.deadline_status.line_status`, which the Odoo
layer and its search domains read too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any

from ..calendar import (
    Unit,
    WorkCalendar,
    add_duration,
    extend,
    fraction_point,
    shift_for_pause,
)
from ..coerce import to_amount
from ..errors import InvalidInputError
from .policy import StepLimit, is_whole, unit_of

__all__ = [
    "Clock",
    "ExtensionError",
    "check_extension",
    "extend_clock",
    "plan",
    "resume_clock",
    "subtract_working_time",
    "warning_before",
    "warning_lead",
]

_DAY = timedelta(days=1)


class ExtensionError(InvalidInputError):
    """An extension is refused by the limit's rules (count, cap, unit)."""

    code = "extension_refused"


@dataclass(frozen=True)
class Clock:
    """Start, deadline and warning time of one running limit."""

    start: datetime
    deadline: datetime
    warning_at: datetime | None


def plan(limit: StepLimit, start: datetime, cal: WorkCalendar) -> Clock:
    """The clock of ``limit`` started at ``start``.

    The deadline is :func:`~complaint_rules.calendar.add_duration`; the warning
    is at ``warn_ratio`` of the limit (S000-R122; seed-000 TC-23: 90 % of 4 h
    from 10:40 is 14:16).
    """
    begin = cal.localize(start)
    deadline = add_duration(begin, limit.amount, limit.unit, cal)
    warning = (
        fraction_point(begin, limit.amount, limit.unit, limit.warn_ratio, cal)
        if limit.warns
        else None
    )
    return Clock(begin, deadline, warning)


def subtract_working_time(
    end: datetime, amount: timedelta, cal: WorkCalendar
) -> datetime:
    """The instant ``amount`` of working time before ``end``.

    The mirror of :meth:`WorkCalendar.add_working_hours`: walks the working
    periods backwards. Exactly exhausting a period yields that period's
    start. A zero amount returns ``end``.
    """
    local = cal.localize(end)
    if amount < timedelta(0):
        raise InvalidInputError("cannot subtract a negative working time")
    remaining = amount
    if not remaining:
        return local
    cursor = local.replace(tzinfo=None)
    day = cursor.date()
    while True:
        if cal.is_working_day(day):
            for period_start, period_end in reversed(cal.periods):
                begin = datetime.combine(day, period_start)
                finish = min(cursor, datetime.combine(day, period_end))
                if finish <= begin:
                    continue
                available = finish - begin
                if remaining <= available:
                    return (finish - remaining).replace(tzinfo=cal.tz)
                remaining -= available
        cursor = datetime.combine(day, time.min)
        day -= _DAY


def warning_lead(
    warning_at: datetime, deadline: datetime, unit: Unit | str, cal: WorkCalendar
) -> timedelta:
    """How long before the deadline the warning falls, in the unit's time."""
    if unit_of(unit).is_working:
        return cal.working_time_between(warning_at, deadline)
    return cal.localize(deadline) - cal.localize(warning_at)


def warning_before(
    deadline: datetime, lead: timedelta, unit: Unit | str, cal: WorkCalendar
) -> datetime:
    """The warning ``lead`` before ``deadline``, in the unit's time."""
    if unit_of(unit).is_working:
        return subtract_working_time(deadline, lead, cal)
    return cal.add_elapsed(deadline, -lead)


def _moved(
    clock: Clock, deadline: datetime, unit: Unit, cal: WorkCalendar, warned: bool
) -> Clock:
    warning = clock.warning_at
    if warning is not None and not warned:
        lead = warning_lead(warning, clock.deadline, unit, cal)
        warning = max(warning_before(deadline, lead, unit, cal), clock.start)
    return Clock(clock.start, cal.localize(deadline), warning)


def resume_clock(
    clock: Clock,
    paused_from: datetime,
    paused_to: datetime,
    unit: Unit | str,
    cal: WorkCalendar,
    *,
    warned: bool = False,
) -> Clock:
    """The clock after a pause (挂起) from ``paused_from`` to ``paused_to``.

    The deadline moves by the paused time in the limit's unit
    (:func:`~complaint_rules.calendar.shift_for_pause`: elapsed time for hours
    and calendar days, working time for working units, a working-day deadline
    ending at a day end). A warning not yet sent keeps its lead before the
    deadline; a warning already sent stays as it was.
    """
    unit = unit_of(unit)
    deadline = shift_for_pause(clock.deadline, paused_from, paused_to, unit, cal)
    return _moved(clock, deadline, unit, cal, warned)


def check_extension(
    limit: StepLimit,
    used: int,
    amount: Any,
    unit: Unit | str | None,
    *,
    clock: Clock | None = None,
    cal: WorkCalendar | None = None,
) -> tuple[Decimal, Unit]:
    """Validate an extension request against ``limit``; return (amount, unit).

    Refused (:class:`ExtensionError`, with ``params["reason"]``) when
    ``max_extensions`` are used (``"count"``), when the unit differs from the
    limit's extension unit (``"unit"``), or when the cap is exceeded
    (``"cap"``). With ``extension_cap_mode="total"`` the new deadline must not
    pass ``start + cap`` (needs ``clock`` and ``cal``), e.g. S002-R023 reading
    A: handling may be extended "but not beyond 5 日" in all.
    """
    value = to_amount(amount, "amount")
    if not value:
        raise InvalidInputError("an extension must be longer than zero", field="amount")
    unit = unit_of(unit) if unit else limit.ext_unit
    if used >= limit.max_extensions:
        raise ExtensionError(
            f"this limit allows {limit.max_extensions} extension(s)",
            reason="count",
            max=limit.max_extensions,
        )
    if limit.extension_unit is not None and unit is not limit.extension_unit:
        raise ExtensionError(
            f"extensions of this limit are counted in {limit.extension_unit.value}",
            reason="unit",
            unit=limit.extension_unit.value,
        )
    if unit.whole_days and not is_whole(value):
        raise InvalidInputError("working days must be a whole number", field="amount")
    cap = limit.extension_cap
    if cap is not None:
        if limit.extension_cap_mode == "extension":
            if value > cap:
                raise ExtensionError(
                    f"an extension may not exceed {cap} {unit.value}",
                    reason="cap",
                    cap=cap,
                    unit=unit.value,
                )
        else:
            if clock is None or cal is None:
                raise InvalidInputError("a total cap needs the clock and the calendar")
            latest = add_duration(clock.start, cap, limit.ext_unit, cal)
            if extend(clock.deadline, value, unit, cal) > latest:
                raise ExtensionError(
                    f"the extended limit may not exceed {cap} "
                    f"{limit.ext_unit.value} in all",
                    reason="cap_total",
                    cap=cap,
                    unit=limit.ext_unit.value,
                )
    return value, unit


def extend_clock(
    clock: Clock,
    amount: Any,
    unit: Unit | str,
    cal: WorkCalendar,
    *,
    limit_unit: Unit | str,
) -> Clock:
    """The clock after an approved extension (延期) of ``amount`` ``unit``.

    The deadline moves with :func:`~complaint_rules.calendar.extend` (working
    days: the end of the N-th working day after the old deadline's day). The
    warning is re-armed with the same lead before the new deadline, measured
    in the limit's own unit (``limit_unit``).
    """
    deadline = extend(clock.deadline, to_amount(amount, "amount"), unit, cal)
    return _moved(clock, deadline, unit_of(limit_unit), cal, warned=False)

"""SLA policies, step deadlines, warnings, pauses and extensions.

The pure core of the ``complaint_sla`` addon. Nothing here imports Odoo: the
addon turns its ``complaint.sla.policy`` records into :class:`Policy` objects,
builds a :class:`~complaint_rules.calendar.WorkCalendar` from its
``resource.calendar`` and holiday years, and calls the functions below.

Policies and specificity
------------------------
A :class:`Policy` has **criteria** (kinds, grades, channels, org levels,
companies: each a set, empty = any) and **step limits**
(:class:`StepLimit`). It *matches* a ticket (:class:`TicketProfile`) when every
non-empty criterion contains the ticket's value; ``scheme`` is a filter (the
policy applies only to tickets of companies that use that grading scheme) and
is not a criterion. The **specificity** of a policy is the number of its
non-empty criteria (0-5).

Limits are chosen **per slot**: a slot is ``(step, end_step)``. For each slot,
the limit of the matching policy with the highest specificity wins; ties go to
the lower ``sequence``, then to the policy code (so the choice is total and
stable). A general policy thus gives defaults for every slot and a more
specific one overrides only the slots it defines.

Slots
-----
A limit's clock starts when the ticket enters ``step``. It stops when the
ticket leaves ``step`` (``end_step`` empty), or when it reaches ``end_step`` or
any later step of the lifecycle (``received`` < ``dispatched`` < ``handling``
< ``replied`` < ``revisit`` < ``closed``). A terminal step (closed, rejected,
merged) stops every clock. Moving back (an escalation re-dispatches a ticket)
does not stop a clock that runs until a later step.

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
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import chinese_calendar

from .calendar import (
    Unit,
    WorkCalendar,
    add_duration,
    extend,
    fraction_point,
    shift_for_pause,
    supported_years,
)
from .coerce import check_member, code_set, to_amount
from .errors import CalendarRangeError, InvalidInputError
from .reference import CHANNELS, KINDS, codes

__all__ = [
    "BREACH_ACTIONS",
    "CAP_MODES",
    "DEFAULT_WARN_RATIO",
    "END_STEPS",
    "HOLIDAY_NAMES_ZH",
    "ORG_LEVELS",
    "PRESETS",
    "STEPS",
    "STEP_RANK",
    "TERMINAL_STEPS",
    "Clock",
    "ExtensionError",
    "HolidayRun",
    "Policy",
    "Selected",
    "StepLimit",
    "TicketProfile",
    "check_extension",
    "china_holidays",
    "china_makeup_workdays",
    "closes",
    "extend_clock",
    "limits_starting",
    "matching_policies",
    "plan",
    "rank_key",
    "resume_clock",
    "select_limits",
    "status",
    "subtract_working_time",
    "warning_before",
    "warning_lead",
    "year_overrides",
]

#: Steps with a clock, in lifecycle order (complaint_rules.lifecycle).
STEPS: tuple[str, ...] = ("received", "dispatched", "handling", "replied", "revisit")
#: Steps a clock may run until.
END_STEPS: tuple[str, ...] = (*STEPS[1:], "closed")
#: Steps that stop every clock.
TERMINAL_STEPS: tuple[str, ...] = ("closed", "rejected", "merged")
#: Order of the lifecycle; terminal steps rank after every other one.
STEP_RANK: Mapping[str, int] = MappingProxyType(
    {
        **{step: rank for rank, step in enumerate((*STEPS, "closed"))},
        "rejected": len(STEPS) + 1,
        "merged": len(STEPS) + 1,
    }
)
#: Company levels of complaint_core (head office -> province -> city).
ORG_LEVELS: tuple[str, ...] = ("head_office", "province", "city")
#: What a breach does: escalate one level up (S000-R113), notify the
#: manager, both, or only record it.
BREACH_ACTIONS: tuple[str, ...] = ("escalate", "notify", "both", "none")
#: How ``extension_cap`` is read: the extension itself, or the whole limit
#: from its start (S002-R023 reading A: "延长…但不得超过5日").
CAP_MODES: tuple[str, ...] = ("extension", "total")
#: S000-R122: "原则上预警时限按照该环节标准处理时限的90%设定".
DEFAULT_WARN_RATIO = Decimal("0.9")

_KIND_CODES = codes(KINDS)
#: The channels of complaint_rules.reference, plus complaint_core's "other".
_CHANNEL_CODES = (*codes(CHANNELS), "other")
_DAY = timedelta(days=1)


class ExtensionError(InvalidInputError):
    """An extension is refused by the limit's rules (count, cap, unit)."""

    code = "extension_refused"


# ---------------------------------------------------------------------------
# Coercion helpers
# ---------------------------------------------------------------------------


def _fail(message: str, **params: Any) -> InvalidInputError:
    return InvalidInputError(message, **params)


def _unit(value: Any, name: str = "unit") -> Unit:
    try:
        return Unit(value)
    except ValueError:
        raise _fail(f"unknown {name} {value!r}", field=name, value=value) from None


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


# ---------------------------------------------------------------------------
# Policies
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StepLimit:
    """The time limit of one slot ``(step, end_step)``.

    :param step: the step whose start starts the clock.
    :param amount: the limit, in ``unit``; working days must be whole.
    :param end_step: empty: the clock stops when the ticket leaves ``step``;
        otherwise when it reaches ``end_step`` or a later step.
    :param warn_ratio: share of the limit after which the warning fires
        (S000-R122, default 0.9); 0 disables the warning.
    :param breach_action: one of :data:`BREACH_ACTIONS`.
    :param max_extensions: how many extensions (延期) may be approved.
    :param extension_cap: largest extension, in ``extension_unit`` (or, with
        ``extension_cap_mode="total"``, the largest whole limit from the
        start); ``None``: no cap.
    :param extension_unit: unit of extensions; ``None``: the limit's unit.
    """

    step: str
    amount: Decimal
    unit: Unit
    end_step: str = ""
    warn_ratio: Decimal = DEFAULT_WARN_RATIO
    breach_action: str = "notify"
    max_extensions: int = 1
    extension_cap: Decimal | None = None
    extension_unit: Unit | None = None
    extension_cap_mode: str = "extension"
    rule_ids: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        check_member(self.step, STEPS, "step")
        end = self.end_step or ""
        if end:
            check_member(end, END_STEPS, "end_step")
            if STEP_RANK[end] <= STEP_RANK[self.step]:
                raise _fail(
                    f"end step {end!r} must come after step {self.step!r}",
                    field="end_step",
                )
        object.__setattr__(self, "end_step", end)
        object.__setattr__(self, "unit", _unit(self.unit))
        amount = to_amount(self.amount, "amount")
        if not amount:
            raise _fail("a time limit must be longer than zero", field="amount")
        if self.unit is Unit.WORKING_DAYS and not _whole(amount):
            raise _fail(
                f"working days must be a whole number, got {amount}", field="amount"
            )
        object.__setattr__(self, "amount", amount)
        ratio = to_amount(self.warn_ratio, "warn_ratio")
        if ratio > 1:
            raise _fail("the warning ratio lies between 0 and 1", field="warn_ratio")
        object.__setattr__(self, "warn_ratio", ratio)
        check_member(self.breach_action, BREACH_ACTIONS, "breach_action")
        if isinstance(self.max_extensions, bool) or not isinstance(
            self.max_extensions, int
        ):
            raise _fail("max_extensions must be an integer", field="max_extensions")
        if self.max_extensions < 0:
            raise _fail("max_extensions must not be negative", field="max_extensions")
        if self.extension_unit is not None:
            object.__setattr__(
                self, "extension_unit", _unit(self.extension_unit, "extension_unit")
            )
        if self.extension_cap is not None:
            cap = to_amount(self.extension_cap, "extension_cap")
            if self.ext_unit is Unit.WORKING_DAYS and not _whole(cap):
                raise _fail(
                    "an extension cap in working days must be whole",
                    field="extension_cap",
                )
            object.__setattr__(self, "extension_cap", cap)
        check_member(self.extension_cap_mode, CAP_MODES, "extension_cap_mode")
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    @property
    def key(self) -> tuple[str, str]:
        """The slot ``(step, end_step)`` this limit fills."""
        return (self.step, self.end_step)

    @property
    def ext_unit(self) -> Unit:
        """Unit of extensions (the limit's own unit unless set)."""
        return self.extension_unit or self.unit

    @property
    def warns(self) -> bool:
        return bool(self.warn_ratio)


@dataclass(frozen=True)
class TicketProfile:
    """What policy matching needs to know about a ticket.

    ``grade`` and ``company`` are opaque (the Odoo layer passes record ids,
    the presets grade codes); ``scheme`` is the grading scheme of the
    ticket's company.
    """

    kind: str = "complaint"
    grade: Hashable | None = None
    channel: str | None = None
    level: str | None = None
    company: Hashable | None = None
    scheme: str = ""


_CRITERIA = (
    ("kinds", "kind"),
    ("grades", "grade"),
    ("channels", "channel"),
    ("levels", "level"),
    ("companies", "company"),
)


@dataclass(frozen=True)
class Policy:
    """A set of step limits for the tickets matching its criteria."""

    code: str
    limits: tuple[StepLimit, ...]
    kinds: frozenset[str] = frozenset()
    grades: frozenset[Hashable] = frozenset()
    channels: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    companies: frozenset[Hashable] = frozenset()
    scheme: str = ""
    sequence: int = 10
    active: bool = True
    name: str = ""
    rule_ids: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise _fail("a policy needs a code", field="code")
        object.__setattr__(self, "kinds", code_set(self.kinds, "kinds", _KIND_CODES))
        object.__setattr__(self, "grades", code_set(self.grades, "grades"))
        object.__setattr__(
            self, "channels", code_set(self.channels, "channels", _CHANNEL_CODES)
        )
        object.__setattr__(self, "levels", code_set(self.levels, "levels", ORG_LEVELS))
        object.__setattr__(self, "companies", code_set(self.companies, "companies"))
        object.__setattr__(self, "scheme", self.scheme or "")
        if isinstance(self.sequence, bool) or not isinstance(self.sequence, int):
            raise _fail("sequence must be an integer", field="sequence")
        limits = tuple(self.limits)
        for limit in limits:
            if not isinstance(limit, StepLimit):
                raise _fail("policy limits must be StepLimit objects")
        keys = [limit.key for limit in limits]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise _fail(
                f"policy {self.code}: more than one limit for slot(s) {duplicates}",
                field="limits",
            )
        object.__setattr__(self, "limits", limits)
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    @property
    def specificity(self) -> int:
        """Number of non-empty criteria (``scheme`` is a filter, not one)."""
        return sum(1 for name, _attr in _CRITERIA if getattr(self, name))

    def matches(self, profile: TicketProfile) -> bool:
        """Whether every non-empty criterion holds for ``profile``."""
        if not self.active:
            return False
        if self.scheme and self.scheme != profile.scheme:
            return False
        return all(
            getattr(profile, attr) in getattr(self, name)
            for name, attr in _CRITERIA
            if getattr(self, name)
        )


@dataclass(frozen=True)
class Selected:
    """The limit chosen for a slot and the policy it comes from."""

    policy: Policy
    limit: StepLimit


def rank_key(policy: Policy) -> tuple[int, int, str]:
    """Sort key: most specific first, then lower sequence, then code."""
    return (-policy.specificity, policy.sequence, policy.code)


def matching_policies(
    policies: Iterable[Policy], profile: TicketProfile
) -> tuple[Policy, ...]:
    """Policies that match ``profile``, the winning one first."""
    return tuple(sorted((p for p in policies if p.matches(profile)), key=rank_key))


def select_limits(
    policies: Iterable[Policy], profile: TicketProfile
) -> dict[tuple[str, str], Selected]:
    """For each slot, the limit of the most specific matching policy.

    Ties of specificity go to the lower ``sequence``, then to the code. The
    result is ordered by step, then end step.
    """
    chosen: dict[tuple[str, str], Selected] = {}
    for policy in matching_policies(policies, profile):
        for limit in policy.limits:
            chosen.setdefault(limit.key, Selected(policy, limit))
    return dict(
        sorted(
            chosen.items(),
            key=lambda item: (STEP_RANK[item[0][0]], STEP_RANK.get(item[0][1], -1)),
        )
    )


def limits_starting(
    selected: Mapping[tuple[str, str], Selected], step: str
) -> tuple[Selected, ...]:
    """The chosen limits whose clock starts when a ticket enters ``step``."""
    return tuple(s for key, s in selected.items() if key[0] == step)


def closes(step: str, end_step: str, new_step: str) -> bool:
    """Whether a clock of slot ``(step, end_step)`` stops on ``new_step``."""
    check_member(new_step, tuple(STEP_RANK), "new_step")
    if new_step in TERMINAL_STEPS:
        return True
    if not end_step:
        return new_step != step
    return STEP_RANK[new_step] >= STEP_RANK[end_step]


# ---------------------------------------------------------------------------
# Clocks
# ---------------------------------------------------------------------------


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
        raise _fail("cannot subtract a negative working time")
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
    if _unit(unit).is_working:
        return cal.working_time_between(warning_at, deadline)
    return cal.localize(deadline) - cal.localize(warning_at)


def warning_before(
    deadline: datetime, lead: timedelta, unit: Unit | str, cal: WorkCalendar
) -> datetime:
    """The warning ``lead`` before ``deadline``, in the unit's time."""
    if _unit(unit).is_working:
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
    unit = _unit(unit)
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
        raise _fail("an extension must be longer than zero", field="amount")
    unit = _unit(unit) if unit else limit.ext_unit
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
    if unit is Unit.WORKING_DAYS and not _whole(value):
        raise _fail("working days must be a whole number", field="amount")
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
                raise _fail("a total cap needs the clock and the calendar")
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
    return _moved(clock, deadline, _unit(limit_unit), cal, warned=False)


def status(
    now: datetime,
    deadline: datetime,
    warning_at: datetime | None,
    *,
    done_at: datetime | None = None,
    paused: bool = False,
) -> str:
    """``met``/``missed`` once done; else ``paused``, ``overdue`` (past the
    deadline), ``warning`` (past the warning time) or ``on_time``.

    Works on aware or naive datetimes alike, as long as they are consistent.
    """
    if done_at is not None:
        return "met" if done_at <= deadline else "missed"
    if paused:
        return "paused"
    if now > deadline:
        return "overdue"
    if warning_at is not None and now >= warning_at:
        return "warning"
    return "on_time"


# ---------------------------------------------------------------------------
# China public holidays and make-up working days (调休)
# ---------------------------------------------------------------------------

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
        raise _fail(f"year must be an integer, got {year!r}")
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
            raise _fail(f"{name} must contain dates, got {value!r}")
    return frozenset(d for d in result if d.year == year)


# ---------------------------------------------------------------------------
# Presets: the seeds' time limits
# ---------------------------------------------------------------------------


def _limit(
    step: str, amount: int, unit: str, end_step: str = "", **kw: Any
) -> StepLimit:
    return StepLimit(
        step=step, amount=Decimal(amount), unit=Unit(unit), end_step=end_step, **kw
    )


#: Presets by code. Each is a tuple of policies; the addon ships the same
#: records as data (``complaint_sla/data/complaint_sla_policy_data.xml``, kept
#: equal by ``tests/rules/test_sla_presets.py``). First-reply limits of a grade
#: run from receipt until the reply (slot ``received -> replied``),
#: whole-process limits until closing (``received -> closed``).
PRESETS: Mapping[str, tuple[Policy, ...]] = MappingProxyType(
    {
        # Seed 000 §5.4, China Unicom complaint service (S000-R104, R105,
        # R120, R122, R140, R156). Warnings at 90 % (S000-R122).
        "telecom": (
            Policy(
                code="telecom_base",
                name="Telecom complaints (general)",
                scheme="telecom_upgrade",
                kinds=frozenset({"complaint"}),
                sequence=100,
                rule_ids=("S000-R104", "S000-R105", "S000-R120", "S000-R122"),
                limits=(
                    # S000-R105: the centre reviews and dispatches ≤ 4 h.
                    _limit("received", 4, "hours", rule_ids=("S000-R105",)),
                    # S000-R104: general complaint answered, 最长不超过24小时;
                    # a missed answer goes up the chain (S000-R113).
                    _limit(
                        "received",
                        24,
                        "hours",
                        "replied",
                        breach_action="both",
                        rule_ids=("S000-R104",),
                    ),
                    # S000-R105/R120: revisit within 7日 after handling ends.
                    _limit(
                        "replied",
                        7,
                        "calendar_days",
                        "revisit",
                        rule_ids=("S000-R105",),
                    ),
                ),
            ),
            Policy(
                code="telecom_provincial",
                name="Telecom provincial complaints",
                scheme="telecom_upgrade",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"provincial", "provincial_vip"}),
                sequence=50,
                rule_ids=("S000-R104",),
                note="Average 24 h is a KPI; the hard maximum is 48 h.",
                limits=(
                    _limit(
                        "received",
                        48,
                        "hours",
                        "replied",
                        breach_action="both",
                        rule_ids=("S000-R104",),
                    ),
                ),
            ),
            Policy(
                code="telecom_national",
                name="Telecom national complaints",
                scheme="telecom_upgrade",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"national", "national_vip"}),
                sequence=50,
                rule_ids=("S000-R104",),
                note="Average 48 h is a KPI; the hard maximum is 72 h.",
                limits=(
                    _limit(
                        "received",
                        72,
                        "hours",
                        "replied",
                        breach_action="both",
                        rule_ids=("S000-R104",),
                    ),
                ),
            ),
            Policy(
                code="telecom_escalated_fixed",
                name="Telecom escalated complaints, fixed network",
                scheme="telecom_upgrade",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"escalated"}),
                sequence=50,
                rule_ids=("S000-R140",),
                limits=(
                    _limit(
                        "received",
                        7,
                        "working_days",
                        "replied",
                        rule_ids=("S000-R140",),
                    ),
                ),
            ),
            Policy(
                code="telecom_escalated_mobile",
                name="Telecom escalated complaints, mobile",
                scheme="telecom_upgrade",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"escalated"}),
                sequence=40,
                active=False,
                rule_ids=("S000-R140",),
                note="Activate and restrict to the companies handling mobile "
                "business; it then wins over the fixed-network policy.",
                limits=(
                    _limit(
                        "received",
                        3,
                        "working_days",
                        "replied",
                        rule_ids=("S000-R140",),
                    ),
                ),
            ),
            Policy(
                code="telecom_appeal",
                name="Telecom regulator appeals",
                scheme="telecom_upgrade",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"appeal"}),
                sequence=50,
                rule_ids=("S000-R156",),
                limits=(
                    _limit(
                        "received",
                        7,
                        "working_days",
                        "replied",
                        rule_ids=("S000-R156",),
                    ),
                ),
            ),
        ),
        # Seed 000 §6, cultural-relics violation reports: on-site verification
        # within 15 working days (S000-R172), feedback to a real-name reporter
        # within 60 working days of acceptance (S000-R174).
        "cultural_relics": (
            Policy(
                code="cultural_relics_reports",
                name="Cultural relics reports",
                kinds=frozenset({"report"}),
                sequence=100,
                rule_ids=("S000-R172", "S000-R174"),
                note="Verification done = result recorded (replied); feedback "
                "given = case closed. Warnings at 90 % are the suite's default.",
                limits=(
                    _limit(
                        "received",
                        15,
                        "working_days",
                        "replied",
                        rule_ids=("S000-R172",),
                    ),
                    _limit(
                        "received",
                        60,
                        "working_days",
                        "closed",
                        rule_ids=("S000-R174",),
                    ),
                ),
            ),
        ),
        # Seed 003 D2, property management (S003-R031..R033): 日 = calendar
        # days; overruns need the manager in charge / the general manager,
        # i.e. an approved extension. No warning in the seed: 90 % default.
        "property_management": (
            Policy(
                code="property_major",
                name="Property: major complaints",
                scheme="property_management",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"major"}),
                sequence=50,
                rule_ids=("S003-R033",),
                limits=(
                    _limit(
                        "received",
                        2,
                        "calendar_days",
                        "replied",
                        rule_ids=("S003-R033",),
                    ),
                    _limit(
                        "received",
                        10,
                        "calendar_days",
                        "closed",
                        rule_ids=("S003-R033",),
                    ),
                ),
            ),
            Policy(
                code="property_important",
                name="Property: important complaints",
                scheme="property_management",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"important"}),
                sequence=50,
                rule_ids=("S003-R032",),
                limits=(
                    _limit(
                        "received",
                        3,
                        "calendar_days",
                        "closed",
                        rule_ids=("S003-R032",),
                    ),
                ),
            ),
            Policy(
                code="property_minor",
                name="Property: minor complaints",
                scheme="property_management",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"minor"}),
                sequence=50,
                rule_ids=("S003-R031",),
                limits=(
                    _limit(
                        "received",
                        2,
                        "calendar_days",
                        "closed",
                        rule_ids=("S003-R031",),
                    ),
                ),
            ),
        ),
        # Seed 002 D1, hospital service-attitude complaints: reply opinion
        # within 2 working days (S002-R022); one extension with the leader in
        # charge's consent, not beyond 5 日 in all (S002-R023 reading A).
        "hospital": (
            Policy(
                code="hospital_service_attitude",
                name="Hospital service-attitude complaints",
                scheme="hospital_service_attitude",
                kinds=frozenset({"complaint"}),
                sequence=100,
                rule_ids=("S002-R022", "S002-R023"),
                limits=(
                    _limit(
                        "received",
                        2,
                        "working_days",
                        "replied",
                        extension_cap=Decimal(5),
                        extension_unit=Unit.CALENDAR_DAYS,
                        extension_cap_mode="total",
                        rule_ids=("S002-R022", "S002-R023"),
                    ),
                ),
            ),
        ),
        # Seed 001 §1, insurer: clear reply within 15 working days
        # (S001-R049), 30日 for major cases (S001-R050). No warnings in the
        # seed ([GAP]): the 90 % default is not from seed 001.
        "insurance": (
            Policy(
                code="insurance_ordinary",
                name="Insurance complaints",
                scheme="insurance_major",
                kinds=frozenset({"complaint"}),
                sequence=100,
                rule_ids=("S001-R049",),
                limits=(
                    _limit(
                        "received",
                        15,
                        "working_days",
                        "replied",
                        rule_ids=("S001-R049",),
                    ),
                ),
            ),
            Policy(
                code="insurance_major",
                name="Insurance major complaints",
                scheme="insurance_major",
                kinds=frozenset({"complaint"}),
                grades=frozenset({"major"}),
                sequence=50,
                rule_ids=("S001-R050",),
                limits=(
                    _limit(
                        "received",
                        30,
                        "calendar_days",
                        "replied",
                        rule_ids=("S001-R050",),
                    ),
                ),
            ),
        ),
    }
)

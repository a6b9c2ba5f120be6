"""Regulator bodies and their clocks, and the deadlines those clocks set.

A :class:`RegulatorBody` is data (a rulebook in :mod:`complaint_rules.presets`,
or a record an administrator adds in Odoo): name, hotline, level,
jurisdiction, reply format and its :class:`Clock` list. A clock is a limit
of ``amount`` ``unit`` counted from a named event (``starts``), owed by a
party (the body itself, the operator, the respondent), and may name the
event its deadline is the latest instant of (``ends``) so that clocks chain:
seed 004 (S004-R020, S004-R021) decides acceptance within 5 日 of receipt,
then notifies within 15 日 of acceptance, i.e. at the latest receipt + 20 日.

Units are :class:`complaint_rules.calendar.Unit` values. Plain "N日" is read as
calendar days ending at the end of the last day (seed-004 §"Day units",
TC01/TC02); ``roll_forward`` moves a deadline that lands on a day off to the
next working day (the usual legal convention, not in any seed's text, off by
default). "N个工作日" counts China working days with 调休
(:meth:`~complaint_rules.calendar.WorkCalendar.add_working_days`).

Nothing here knows a particular body: a body the seeds do not cover (12315,
12378, …) is one more :class:`RegulatorBody` value, used by the same
functions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..calendar import Unit, WorkCalendar, add_duration
from ..coerce import check_member, to_amount
from ..errors import InvalidInputError

__all__ = [
    "LEVELS",
    "PARTIES",
    "Clock",
    "RegulatorBody",
    "body_deadlines",
    "clock_deadline",
]

#: Levels of a body; ``any`` is "各级" (consumers' associations at every level).
LEVELS: tuple[str, ...] = ("national", "provincial", "municipal", "county", "any")
#: Who owes the clock: the body, the company under appeal, a respondent.
PARTIES: tuple[str, ...] = ("regulator", "operator", "respondent")

_UNITS = tuple(unit.value for unit in Unit)


@dataclass(frozen=True)
class Clock:
    """A limit of ``amount`` ``unit`` from the event ``starts``."""

    code: str
    label_zh: str
    label_en: str
    amount: int | float
    unit: Unit | str
    starts: str
    party: str = "regulator"
    ends: str = ""
    rule_ids: tuple[str, ...] = ()
    roll_forward: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        if not self.code or not self.starts:
            raise InvalidInputError("a clock needs a code and a start event")
        check_member(
            self.unit.value if isinstance(self.unit, Unit) else self.unit,
            _UNITS,
            "unit",
        )
        object.__setattr__(self, "unit", Unit(self.unit))
        to_amount(self.amount, "amount")
        check_member(self.party, PARTIES, "party")
        if self.ends and self.ends == self.starts:
            raise InvalidInputError(f"clock {self.code!r} ends where it starts")
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))


@dataclass(frozen=True)
class RegulatorBody:
    """A regulator, appeal centre or hotline that forwards complaints."""

    code: str
    name_zh: str
    name_en: str
    level: str
    jurisdiction: str
    hotline: str = ""
    reply_format: str = ""
    clocks: tuple[Clock, ...] = ()
    rule_ids: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        if not self.code or not isinstance(self.code, str):
            raise InvalidInputError("a regulator body needs a code")
        check_member(self.level, LEVELS, "level")
        object.__setattr__(self, "clocks", tuple(self.clocks))
        codes = [clock.code for clock in self.clocks]
        if not all(isinstance(clock, Clock) for clock in self.clocks):
            raise InvalidInputError(f"body {self.code!r} holds a non-clock")
        if len(set(codes)) != len(codes):
            raise InvalidInputError(f"body {self.code!r} repeats a clock")
        ends = [clock.ends for clock in self.clocks if clock.ends]
        if len(set(ends)) != len(ends):
            raise InvalidInputError(f"two clocks of {self.code!r} end the same event")
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    def clock(self, code: str) -> Clock:
        """The clock ``code`` of this body."""
        for clock in self.clocks:
            if clock.code == code:
                return clock
        check_member(code, [clock.code for clock in self.clocks], "clock")
        raise AssertionError  # pragma: no cover

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        ids = list(self.rule_ids)
        for clock in self.clocks:
            ids.extend(clock.rule_ids)
        return tuple(dict.fromkeys(ids))


def clock_deadline(
    clock: Clock, start: datetime, cal: WorkCalendar | None = None
) -> datetime:
    """The deadline of ``clock`` counted from ``start`` (aware).

    Calendar days end at the end of the last day (and roll to the next
    working day with ``roll_forward``); hours keep the clock time; working
    days end at the end of the N-th working day after ``start``.
    """
    if not isinstance(clock, Clock):
        raise InvalidInputError("clock must be a Clock", field="clock")
    cal = cal if cal is not None else WorkCalendar()
    due = add_duration(start, clock.amount, clock.unit, cal)
    if clock.unit is Unit.CALENDAR_DAYS:
        due = cal.end_of_day(due.date())
    if clock.roll_forward:
        due = cal.roll_forward(due)
    return due


def body_deadlines(
    body: RegulatorBody,
    events: Mapping[str, datetime],
    cal: WorkCalendar | None = None,
) -> dict[str, datetime]:
    """Every clock of ``body`` whose start is known, by clock code.

    ``events`` maps event names (``received``, ``accepted``, …) to instants.
    An event not given but ended by another clock (``Clock.ends``) is taken
    at that clock's deadline, the latest it may happen, so a chain is
    computed from its first event (S004-R020 + S004-R021: receipt + 20 日).
    """
    if not isinstance(body, RegulatorBody):
        raise InvalidInputError("body must be a RegulatorBody", field="body")
    known = dict(events)
    result: dict[str, datetime] = {}
    pending = list(body.clocks)
    while pending:
        progressed = False
        for clock in list(pending):
            if clock.starts in known:
                due = clock_deadline(clock, known[clock.starts], cal)
                result[clock.code] = due
                if clock.ends and clock.ends not in known:
                    known[clock.ends] = due
                pending.remove(clock)
                progressed = True
        if not progressed:
            break
    return {
        clock.code: result[clock.code] for clock in body.clocks if clock.code in result
    }

"""The supervision ladder of an overdue appeal: 催办 → 督办 → 通报.

An appeal (or a branch's stage of it) that passes its deadline climbs a
:class:`Ladder` of :class:`Rung` values: an urging notice (催办), then
supervision (督办, S000-R085 "对…未按规定处理的投诉进行督办", S000-R098
"预警督办 … 督办工单、督办短信"), then a circulated reprimand (通报,
S000-R158 "在《中国联通服务质量通报》中通报批评"). The seeds name the rungs
but give no number of days between them: each rung's ``after_working_days``
is counted from the rung before (the first from the moment the appeal became
overdue) and is configuration, the rulebook's values being defaults.

A rung falls due at the end of the N-th China working day after the previous
one (:meth:`~complaint_rules.calendar.WorkCalendar.add_working_days`); a rung
of 0 days falls due at once. :func:`supervision_status` returns the rung due
now and when the next falls due; :func:`assessable` says whether a branch's
late or missing feedback made the company miss the regulator's deadline
(S000-R158, seed-000 TC-29), which puts the branch up for assessment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from ..calendar import WorkCalendar
from ..coerce import to_count
from ..errors import InvalidInputError

__all__ = [
    "Ladder",
    "Rung",
    "RungDue",
    "SupervisionStatus",
    "assessable",
    "rung_schedule",
    "supervision_status",
]


@dataclass(frozen=True)
class Rung:
    """One rung: due ``after_working_days`` after the rung before it."""

    code: str
    label_zh: str
    label_en: str
    after_working_days: int
    rule_ids: tuple[str, ...] = ()
    escalate_levels: int = 1

    def __post_init__(self) -> None:
        if not self.code:
            raise InvalidInputError("a rung needs a code")
        to_count(self.after_working_days, "after_working_days")
        to_count(self.escalate_levels, "escalate_levels")
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))


@dataclass(frozen=True)
class Ladder:
    """The rungs, in order, of a supervision ladder."""

    code: str
    name: str
    rungs: tuple[Rung, ...]
    rule_ids: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "rungs", tuple(self.rungs))
        if not self.rungs or not all(isinstance(r, Rung) for r in self.rungs):
            raise InvalidInputError(f"ladder {self.code!r} needs rungs")
        codes = [rung.code for rung in self.rungs]
        if len(set(codes)) != len(codes):
            raise InvalidInputError(f"ladder {self.code!r} repeats a rung")
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    @property
    def rung_codes(self) -> tuple[str, ...]:
        return tuple(rung.code for rung in self.rungs)

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        ids = list(self.rule_ids)
        for rung in self.rungs:
            ids.extend(rung.rule_ids)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class RungDue:
    """A rung and the instant it falls due."""

    rung: Rung
    due_at: datetime


@dataclass(frozen=True)
class SupervisionStatus:
    """Where an overdue appeal stands on its ladder at ``at``.

    ``current`` is the highest rung due (``None`` before the first),
    ``reached`` every rung due so far (each to be recorded once), ``next``
    the rung after ``current`` and its due instant (``None`` at the top).
    """

    at: datetime
    overdue_since: datetime
    current: RungDue | None
    reached: tuple[RungDue, ...]
    next: RungDue | None

    @property
    def rung(self) -> str | None:
        return self.current.rung.code if self.current else None


def _days_of(ladder: Ladder, working_days: Mapping[str, int] | Sequence[int] | None):
    if working_days is None:
        return [rung.after_working_days for rung in ladder.rungs]
    if isinstance(working_days, Mapping):
        unknown = set(working_days) - set(ladder.rung_codes)
        if unknown:
            raise InvalidInputError(f"unknown rungs {sorted(unknown)}", field="rungs")
        return [
            to_count(working_days.get(rung.code, rung.after_working_days), rung.code)
            for rung in ladder.rungs
        ]
    days = list(working_days)
    if len(days) != len(ladder.rungs):
        raise InvalidInputError(
            f"ladder {ladder.code!r} has {len(ladder.rungs)} rungs, got "
            f"{len(days)} day counts",
            field="working_days",
        )
    return [to_count(day, "working_days") for day in days]


def rung_schedule(
    ladder: Ladder,
    overdue_since: datetime,
    cal: WorkCalendar | None = None,
    *,
    working_days: Mapping[str, int] | Sequence[int] | None = None,
) -> tuple[RungDue, ...]:
    """Every rung of ``ladder`` with the instant it falls due for an appeal
    overdue since ``overdue_since`` (aware). ``working_days`` overrides the
    rungs' day counts, by rung code or in order."""
    if not isinstance(ladder, Ladder):
        raise InvalidInputError("ladder must be a Ladder", field="ladder")
    cal = cal if cal is not None else WorkCalendar()
    moment = cal.localize(overdue_since)
    schedule = []
    for rung, days in zip(ladder.rungs, _days_of(ladder, working_days), strict=True):
        if days:
            moment = cal.add_working_days(moment, days)
        schedule.append(RungDue(rung, moment))
    return tuple(schedule)


def supervision_status(
    ladder: Ladder,
    overdue_since: datetime,
    at: datetime,
    cal: WorkCalendar | None = None,
    *,
    working_days: Mapping[str, int] | Sequence[int] | None = None,
) -> SupervisionStatus:
    """The rung due at ``at`` for an appeal overdue since ``overdue_since``,
    and when the next falls due (see :func:`rung_schedule`)."""
    cal = cal if cal is not None else WorkCalendar()
    at = cal.localize(at)
    schedule = rung_schedule(ladder, overdue_since, cal, working_days=working_days)
    reached = tuple(item for item in schedule if item.due_at <= at)
    upcoming = schedule[len(reached)] if len(reached) < len(schedule) else None
    return SupervisionStatus(
        at=at,
        overdue_since=cal.localize(overdue_since),
        current=reached[-1] if reached else None,
        reached=reached,
        next=upcoming,
    )


def assessable(
    branch_due: datetime,
    branch_fed_back_at: datetime | None,
    regulator_due: datetime,
    at: datetime,
) -> bool:
    """S000-R158 (TC-29): the branch fed back late or not at all, and so the
    company missed the regulator's reply deadline — the branch is put up for
    assessment under the provincial service-quality rules.

    ``at`` is now; with no feedback yet the branch is assessable once the
    regulator's deadline has passed. Feedback on time, or late feedback that
    still left the regulator's deadline met, is not assessable.
    """
    if branch_fed_back_at is None:
        return at > regulator_due and at > branch_due
    return branch_fed_back_at > branch_due and branch_fed_back_at > regulator_due

"""The staged internal plan of a regulator appeal and its deadlines.

A :class:`StagePlan` is data (a rulebook in :mod:`complaint_rules.presets`):
ordered :class:`Stage` windows, each ``opens``–``closes`` in one
:class:`~complaint_rules.calendar.Unit`, and an overall cap from receipt.
:func:`plan_deadlines` computes every stage's window and the cap on China
working days through :func:`complaint_rules.calendar.add_duration`.

Two readings of a window (digest seed-000 S000-R156 ⚠, §9.4 item 7; the
telecom text reads "受理派发 0-24小时, 分公司处理反馈 24-96小时, 总部反馈
24-48小时", all "7个工作日" in total):

* ``windows`` (default, reading A): a stage's window is counted from its
  ``anchor`` — the receipt, or the completion of an earlier stage. Telecom:
  dispatch by receipt + 24 h, branch feedback between receipt + 24 h and
  receipt + 96 h, head-office feedback 24–48 h after the branch feedback.
  This is the default because it keeps the text's numbers as written (both
  bounds mean something) and the digest lists it first.
* ``durations`` (reading B): stages run one after another and each lasts at
  most ``closes`` from the previous stage's completion; ``opens`` is ignored.
  Worst case telecom: 24 + 96 + 48 h = receipt + 168 h.

In both readings an anchor is the actual completion when it is known
(``done``), else the anchor stage's deadline (the latest it may happen); the
overall cap binds every stage: a deadline past the cap is cut to the cap
(``capped``). Hours are elapsed hours unless a stage says ``working_hours``
(the text does not say, §9.4 item 2).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from ..calendar import Unit, WorkCalendar, add_duration
from ..coerce import check_member, to_amount
from ..errors import InvalidInputError

__all__ = [
    "READINGS",
    "RECEIPT",
    "PlanResult",
    "Stage",
    "StageDeadline",
    "StagePlan",
    "plan_deadlines",
]

#: The readings of a stage window (S000-R156 ⚠).
READINGS: tuple[str, ...] = ("windows", "durations")
#: The anchor of a stage counted from the receipt of the appeal.
RECEIPT = "receipt"

_UNITS = tuple(unit.value for unit in Unit)


def _unit(value: Unit | str, name: str) -> Unit:
    check_member(value.value if isinstance(value, Unit) else value, _UNITS, name)
    return Unit(value)


@dataclass(frozen=True)
class Stage:
    """One stage of a plan: a window ``opens``–``closes`` ``unit`` after its
    ``anchor`` (:data:`RECEIPT` or an earlier stage's code)."""

    code: str
    label_zh: str
    label_en: str
    closes: int | float
    unit: Unit | str = Unit.HOURS
    opens: int | float = 0
    anchor: str = RECEIPT
    rule_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.code or not isinstance(self.code, str):
            raise InvalidInputError("a stage needs a code")
        object.__setattr__(self, "unit", _unit(self.unit, "unit"))
        closes = to_amount(self.closes, "closes")
        opens = to_amount(self.opens, "opens")
        if opens > closes:
            raise InvalidInputError(
                f"stage {self.code!r} opens after it closes", code=self.code
            )
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))


@dataclass(frozen=True)
class StagePlan:
    """Ordered stages and the overall cap counted from receipt."""

    code: str
    name: str
    stages: tuple[Stage, ...]
    cap: int | float
    cap_unit: Unit | str = Unit.WORKING_DAYS
    reading: str = "windows"
    rule_ids: tuple[str, ...] = ()
    note: str = ""
    citations: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stages", tuple(self.stages))
        if not self.stages:
            raise InvalidInputError(f"plan {self.code!r} has no stage", code=self.code)
        check_member(self.reading, READINGS, "reading")
        object.__setattr__(self, "cap_unit", _unit(self.cap_unit, "cap_unit"))
        to_amount(self.cap, "cap")
        seen: list[str] = []
        for stage in self.stages:
            if not isinstance(stage, Stage):
                raise InvalidInputError(f"plan {self.code!r} holds a non-stage")
            if stage.code in seen or stage.code == RECEIPT:
                raise InvalidInputError(
                    f"plan {self.code!r} repeats stage {stage.code!r}", code=self.code
                )
            if stage.anchor != RECEIPT and stage.anchor not in seen:
                raise InvalidInputError(
                    f"stage {stage.code!r} is anchored on {stage.anchor!r}, "
                    "which is not an earlier stage",
                    code=stage.code,
                )
            seen.append(stage.code)
        object.__setattr__(self, "rule_ids", tuple(self.rule_ids))

    @property
    def stage_codes(self) -> tuple[str, ...]:
        return tuple(stage.code for stage in self.stages)

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        ids = list(self.rule_ids)
        for stage in self.stages:
            ids.extend(stage.rule_ids)
        for extra in self.citations.values():
            ids.extend(extra)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class StageDeadline:
    """A stage's computed window: from ``opens_at`` (``None`` under the
    ``durations`` reading), due by ``due_at``; ``capped`` when the overall
    cap cut it; ``start`` is the instant the window was counted from."""

    code: str
    start: datetime
    opens_at: datetime | None
    due_at: datetime
    capped: bool
    rule_ids: tuple[str, ...]


@dataclass(frozen=True)
class PlanResult:
    """Every stage's deadline and the overall cap."""

    plan: str
    reading: str
    received_at: datetime
    cap_at: datetime
    stages: tuple[StageDeadline, ...]

    def stage(self, code: str) -> StageDeadline:
        for stage in self.stages:
            if stage.code == code:
                return stage
        raise InvalidInputError(f"no stage {code!r}", code=code)

    @property
    def due(self) -> Mapping[str, datetime]:
        return {stage.code: stage.due_at for stage in self.stages}


def plan_deadlines(
    plan: StagePlan,
    received_at: datetime,
    cal: WorkCalendar | None = None,
    *,
    reading: str | None = None,
    done: Mapping[str, datetime] | None = None,
) -> PlanResult:
    """Each stage's window and the overall cap of ``plan`` for an appeal
    received at ``received_at`` (aware).

    ``reading`` overrides the plan's (``windows`` or ``durations``);
    ``done`` maps stage codes to actual completion instants, which anchor the
    stages after them. Seed-000 TC-27: received Mon 2024-07-01 09:00, branch
    feedback 07-04 09:00 → dispatch by 07-02 09:00, branch by 07-05 09:00,
    head office by 07-06 09:00, cap end of Wed 2024-07-10.
    """
    if not isinstance(plan, StagePlan):
        raise InvalidInputError("plan must be a StagePlan", field="plan")
    cal = cal if cal is not None else WorkCalendar()
    if not isinstance(cal, WorkCalendar):
        raise InvalidInputError("cal must be a WorkCalendar", field="cal")
    reading = plan.reading if reading is None else reading
    check_member(reading, READINGS, "reading")
    received_at = cal.localize(received_at)
    done = dict(done or {})
    for code in done:
        check_member(code, plan.stage_codes, "done")
    cap_at = add_duration(received_at, plan.cap, plan.cap_unit, cal)
    ends: dict[str, datetime] = {RECEIPT: received_at}
    previous = RECEIPT
    results: list[StageDeadline] = []
    for stage in plan.stages:
        anchor = stage.anchor if reading == "windows" else previous
        start = ends[anchor]
        opens_at = None
        if reading == "windows":
            opens_at = min(add_duration(start, stage.opens, stage.unit, cal), cap_at)
        due_at = add_duration(start, stage.closes, stage.unit, cal)
        capped = due_at > cap_at
        if capped:
            due_at = cap_at
        results.append(
            StageDeadline(stage.code, start, opens_at, due_at, capped, stage.rule_ids)
        )
        actual = done.get(stage.code)
        ends[stage.code] = cal.localize(actual) if actual is not None else due_at
        previous = stage.code
    return PlanResult(plan.code, reading, received_at, cap_at, tuple(results))

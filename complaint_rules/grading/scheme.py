"""Grading schemes and the evaluation of a ticket's facts under one.

A :class:`GradingScheme` lists grades from the most to the least severe, the
:class:`GradeCriterion` objects that put a ticket into each grade, and a
default grade for tickets that match no criterion. A criterion matches when
**all** of its set conditions hold; a grade with several criteria matches when
**any** of them does. :func:`evaluate` returns the most severe matching grade
and the criterion (with its rule ID) that decided it. The seeds' schemes are
rulebook data in :mod:`complaint_rules.presets`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from ..coerce import check_member, code_set, to_amount, to_count
from ..errors import InvalidInputError
from .facts import (
    CHANNEL_CODES,
    FACT_FLAGS,
    KIND_CODES,
    ORDINALS,
    TicketFacts,
    level_rank,
)

__all__ = [
    "DURATION_UNITS",
    "LEVEL_FIELDS",
    "THRESHOLD_FIELDS",
    "Duration",
    "Grade",
    "GradeCriterion",
    "GradeLimit",
    "GradeResult",
    "GradingScheme",
    "evaluate",
]

#: Units a :class:`Duration` may use.
DURATION_UNITS: tuple[str, ...] = (
    "minutes",
    "hours",
    "calendar_days",
    "working_days",
    "calendar_months",
)

THRESHOLD_FIELDS = ("min_complainants", "min_repeat", "min_upgrades")
LEVEL_FIELDS = {"min_harm": "harm", "min_conduct": "conduct", "min_impact": "impact"}


@dataclass(frozen=True)
class GradeCriterion:
    """One way into a grade: every condition that is set must hold.

    Unset conditions are ``None`` (thresholds) or empty (sets). Thresholds
    are inclusive: ``min_amount=Decimal("200000")`` matches 200,000.00.
    ``kinds`` / ``channels``: the fact must be one of them. ``flags``: every
    listed boolean fact must hold. ``min_harm`` / ``min_conduct`` /
    ``min_impact``: the fact's level must be at least this one.
    """

    grade: str
    rule_id: str
    kinds: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    min_complainants: int | None = None
    min_repeat: int | None = None
    min_upgrades: int | None = None
    min_amount: Decimal | None = None
    min_harm: str | None = None
    min_conduct: str | None = None
    min_impact: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        for name in ("grade", "rule_id"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                raise InvalidInputError(
                    f"criterion {name} must be a non-empty string", field=name
                )
        if not isinstance(self.note, str):
            raise InvalidInputError("criterion note must be a string", field="note")
        object.__setattr__(self, "kinds", code_set(self.kinds, "kinds", KIND_CODES))
        object.__setattr__(
            self, "channels", code_set(self.channels, "channels", CHANNEL_CODES)
        )
        object.__setattr__(self, "flags", code_set(self.flags, "flags", FACT_FLAGS))
        for name in THRESHOLD_FIELDS:
            value = getattr(self, name)
            if value is not None:
                to_count(value, name)
        if self.min_amount is not None:
            object.__setattr__(
                self, "min_amount", to_amount(self.min_amount, "min_amount")
            )
        for name, scale in LEVEL_FIELDS.items():
            value = getattr(self, name)
            if value is not None:
                check_member(value, ORDINALS[scale], name)
        if not self.is_conditional():
            raise InvalidInputError(
                "a criterion needs at least one condition; use the scheme's "
                "default grade for the unconditional case",
                grade=self.grade,
                rule_id=self.rule_id,
            )

    def is_conditional(self) -> bool:
        """True when at least one condition is set."""
        if self.kinds or self.channels or self.flags:
            return True
        names = (*THRESHOLD_FIELDS, "min_amount", *LEVEL_FIELDS)
        return any(getattr(self, name) is not None for name in names)

    def matches(self, facts: TicketFacts) -> bool:
        """True when every set condition holds for ``facts``."""
        if self.kinds and facts.kind not in self.kinds:
            return False
        if self.channels and facts.channel not in self.channels:
            return False
        if not self.flags <= facts.active_flags():
            return False
        pairs = (
            (self.min_complainants, facts.complainant_count),
            (self.min_repeat, facts.repeat_count),
            (self.min_upgrades, facts.upgrade_count),
            (self.min_amount, facts.amount),
        )
        if any(low is not None and value < low for low, value in pairs):
            return False
        for name, scale in LEVEL_FIELDS.items():
            low = getattr(self, name)
            if low is not None and level_rank(
                scale, getattr(facts, scale)
            ) < level_rank(scale, low):
                return False
        return True


@dataclass(frozen=True)
class Grade:
    """A grade of a scheme, with the rule that defines it."""

    code: str
    label_zh: str
    label_en: str
    rule_id: str

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, str) or not value.strip():
                raise InvalidInputError(
                    f"grade {f.name} must be a non-empty string", field=f.name
                )


@dataclass(frozen=True)
class Duration:
    """A time limit as data: ``amount`` of ``unit`` (see DURATION_UNITS)."""

    amount: int
    unit: str

    def __post_init__(self) -> None:
        to_count(self.amount, "amount")
        check_member(self.unit, DURATION_UNITS, "unit")


@dataclass(frozen=True)
class GradeLimit:
    """Time limits attached to a grade, as data for the SLA module.

    ``first_reply``: a clear answer to the complainant; ``resolution``: the
    matter dealt with. ``applies_to`` narrows a limit to a business line when
    a grade has several (e.g. fixed network vs mobile). ``overrun_approver``
    names who may approve going over time, where the seed says so.
    """

    grade: str
    rule_ids: tuple[str, ...]
    first_reply: Duration | None = None
    resolution: Duration | None = None
    applies_to: str = ""
    overrun_approver: str = ""
    note: str = ""


@dataclass(frozen=True)
class GradeResult:
    """Outcome of :func:`evaluate`.

    ``criterion`` is the first criterion of the winning grade that matched,
    or ``None`` when no criterion matched and the default grade applies.
    ``rule_id`` is the criterion's rule, or the default grade's own rule.
    ``matched`` lists every matching criterion of every grade, most severe
    first, for the audit trail.
    """

    grade: str
    rule_id: str
    criterion: GradeCriterion | None
    matched: tuple[GradeCriterion, ...]

    @property
    def is_default(self) -> bool:
        return self.criterion is None


@dataclass(frozen=True)
class GradingScheme:
    """Grades from most to least severe, their criteria and a default grade."""

    code: str
    grades: tuple[Grade, ...]
    criteria: tuple[GradeCriterion, ...]
    default_grade: str
    limits: tuple[GradeLimit, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "grades", tuple(self.grades))
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "limits", tuple(self.limits))
        if not isinstance(self.code, str) or not self.code.strip():
            raise InvalidInputError(
                "scheme code must be a non-empty string", field="code"
            )
        if not self.grades:
            raise InvalidInputError(
                "a scheme needs at least one grade", scheme=self.code
            )
        grade_codes = [grade.code for grade in self.grades]
        duplicates = sorted({c for c in grade_codes if grade_codes.count(c) > 1})
        if duplicates:
            raise InvalidInputError(
                f"duplicate grade codes: {', '.join(duplicates)}",
                scheme=self.code,
                grades=tuple(duplicates),
            )
        known = tuple(grade_codes)
        check_member(self.default_grade, known, "default_grade")
        for criterion in self.criteria:
            check_member(criterion.grade, known, "grade")
        for limit in self.limits:
            check_member(limit.grade, known, "grade")

    @property
    def grade_codes(self) -> tuple[str, ...]:
        """Grade codes, most severe first."""
        return tuple(grade.code for grade in self.grades)

    def grade(self, code: str) -> Grade:
        """The grade with ``code``."""
        check_member(code, self.grade_codes, "grade")
        return next(grade for grade in self.grades if grade.code == code)

    def criteria_for(self, code: str) -> tuple[GradeCriterion, ...]:
        """Criteria of one grade, in scheme order."""
        check_member(code, self.grade_codes, "grade")
        return tuple(c for c in self.criteria if c.grade == code)

    def limits_for(self, code: str) -> tuple[GradeLimit, ...]:
        """Time limits of one grade, in scheme order."""
        check_member(code, self.grade_codes, "grade")
        return tuple(limit for limit in self.limits if limit.grade == code)

    def severity(self, code: str) -> int:
        """0 for the most severe grade, increasing towards the least."""
        check_member(code, self.grade_codes, "grade")
        return self.grade_codes.index(code)

    def to_dict(self) -> dict[str, Any]:
        """Plain data of the scheme (:func:`~.codec.scheme_to_dict`)."""
        from .codec import scheme_to_dict  # the codec builds on this module

        return scheme_to_dict(self)


def evaluate(facts: TicketFacts, scheme: GradingScheme) -> GradeResult:
    """Grade ``facts`` under ``scheme``: the most severe matching grade wins."""
    if not isinstance(facts, TicketFacts):
        raise InvalidInputError("facts must be a TicketFacts instance")
    matched = tuple(
        criterion
        for code in scheme.grade_codes
        for criterion in scheme.criteria_for(code)
        if criterion.matches(facts)
    )
    if matched:
        winner = matched[0]
        return GradeResult(winner.grade, winner.rule_id, winner, matched)
    default = scheme.grade(scheme.default_grade)
    return GradeResult(default.code, default.rule_id, None, ())

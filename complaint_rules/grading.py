"""Complaint grading: facts, configurable criteria and the seed presets.

A :class:`GradingScheme` lists grades from the most to the least severe, the
:class:`GradeCriterion` objects that put a ticket into each grade, and a
default grade for tickets that match no criterion. A criterion matches when
**all** of its set conditions hold; a grade with several criteria matches when
**any** of them does. :func:`evaluate` returns the most severe matching grade
and the criterion (with its rule ID) that decided it.

Schemes are plain data: :func:`scheme_to_dict` / :func:`scheme_from_dict` and
:func:`scheme_from_dicts` let the Odoo layer keep grades and criteria in
records and rebuild the scheme; every loader validates its input and raises
:class:`~complaint_rules.errors.InvalidInputError` on bad data.

Where a seed's criterion is qualitative ("造成重大影响", "多次"), the preset
maps it to a fact flag or an ordinal level and says so in a comment; the
caller (a person or the Odoo layer) sets that fact.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from .coerce import check_member, code_set, to_amount, to_count
from .errors import InvalidInputError
from .reference import CHANNELS, KINDS, codes

__all__ = [
    "CONDUCT_LEVELS",
    "DURATION_UNITS",
    "FACT_FLAGS",
    "HARM_LEVELS",
    "HOSPITAL",
    "HOSPITAL_SERVICE_ATTITUDE",
    "IMPACT_LEVELS",
    "INSURANCE_MAJOR",
    "PRESETS",
    "PROPERTY_MANAGEMENT",
    "TELECOM_UPGRADE",
    "Duration",
    "Grade",
    "GradeCriterion",
    "GradeLimit",
    "GradeResult",
    "GradingScheme",
    "TicketFacts",
    "count_repeats",
    "criterion_from_dict",
    "criterion_to_dict",
    "evaluate",
    "scheme_from_dict",
    "scheme_from_dicts",
    "scheme_to_dict",
]

# ---------------------------------------------------------------------------
# Fact vocabularies
# ---------------------------------------------------------------------------

#: Harm suffered or threatened, least to most severe (an ordinal scale).
#: inconvenience: 轻微不便 / 一定程度不便 (S003-R020, S002-R035);
#: major_economic_loss: 重大经济损失 (S003-R018(2)), no amount in the seed;
#: personal_injury: 人身伤害 (S003-R018(2));
#: serious_injury: 重大人身伤害 (S001-R040(4)).
HARM_LEVELS: tuple[str, ...] = (
    "none",
    "inconvenience",
    "economic_loss",
    "major_economic_loss",
    "personal_injury",
    "serious_injury",
    "death",
)

#: Conduct of the person complained about (S002-R033..R035):
#: lacking 欠佳/沟通不到位, poor 差, egregious 恶劣/情节严重.
CONDUCT_LEVELS: tuple[str, ...] = ("none", "lacking", "poor", "egregious")

#: Scope of the bad impact (S002-R033, S002-R034): internal 院内/单位内,
#: public 社会 (also used for 重大负面影响, S001-R040(5)).
IMPACT_LEVELS: tuple[str, ...] = ("none", "internal", "public")

#: Boolean facts a criterion may require (``flags``), with their sources.
FACT_FLAGS: Mapping[str, str] = MappingProxyType(
    {
        "regulator_involved": (
            "A regulator or superior administrative authority is involved "
            "(S000-R151, S002-R033, S003-R068)"
        ),
        "media_involved": (
            "The media are involved; exposure possible or done "
            "(S001-R040, S002-R033, S000-R100)"
        ),
        "company_fault": (
            "Company at fault, or its management/service not in place "
            "(S003-R018, S003-R019, S001-R040)"
        ),
        "commitment_breached": (
            "A promised or contracted service was not delivered or fell "
            "clearly short (S003-R018)"
        ),
        "unresolved_one_month": (
            "A valid complaint still unresolved one calendar month after "
            "receipt; computed by the caller (S003-R018, S003-R034)"
        ),
        "leadership_involved": (
            "Lodged with the organisation's leaders or functional departments "
            "(S002-R034)"
        ),
        "government_petition": (
            "Petitioned a level of government or its departments (S001-R040)"
        ),
        "vip_customer": "The customer is within VIP scope (S000-R103)",
        "cross_province": (
            "Cross-province complaint of a roaming customer (S000-R103)"
        ),
        "needs_hq": "Needs HQ or another provincial branch (S000-R103)",
        "needs_dispatch": (
            "Cannot be answered by the channel or centre; needs dispatch "
            "inside the home branch (S000-R103)"
        ),
        "safety_related": "Related to safety (S003-R068, S001-R157)",
        "compensation_demanded": "Compensation involved (S003-R068)",
        "litigation_risk": (
            "Court proceedings likely or started (S003-R068, S001-R161)"
        ),
    }
)

#: Units a :class:`Duration` may use.
DURATION_UNITS: tuple[str, ...] = (
    "minutes",
    "hours",
    "calendar_days",
    "working_days",
    "calendar_months",
)

_KIND_CODES = codes(KINDS)
_CHANNEL_CODES = codes(CHANNELS)
_ORDINALS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"harm": HARM_LEVELS, "conduct": CONDUCT_LEVELS, "impact": IMPACT_LEVELS}
)


# ---------------------------------------------------------------------------
# Coercion helpers (shared by constructors and dict loaders)
# ---------------------------------------------------------------------------


def _fail(message: str, **params: Any) -> InvalidInputError:
    return InvalidInputError(message, **params)


def _rank(scale: str, level: str) -> int:
    return _ORDINALS[scale].index(level)


# ---------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TicketFacts:
    """What is known about a ticket, as input to grading.

    ``repeat_count`` counts earlier complaints of the same complainant on the
    same matter within the scheme's window (see :func:`count_repeats`).
    ``upgrade_count`` counts how many times the complainant, dissatisfied
    with an earlier result, took the same matter to a higher level (越级 /
    升级; S000-R155 direct appeal, S001-R112). ``amount`` is the money at
    stake. ``flags`` holds further boolean facts from :data:`FACT_FLAGS`;
    ``regulator_involved`` and ``media_involved`` are fields of their own and
    criteria refer to them as flags too.
    """

    kind: str = "complaint"
    channel: str = "hotline"
    regulator_involved: bool = False
    media_involved: bool = False
    complainant_count: int = 1
    repeat_count: int = 0
    upgrade_count: int = 0
    amount: Decimal = Decimal(0)
    harm: str = "none"
    conduct: str = "none"
    impact: str = "none"
    flags: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        check_member(self.kind, _KIND_CODES, "kind")
        check_member(self.channel, _CHANNEL_CODES, "channel")
        for name in ("regulator_involved", "media_involved"):
            if not isinstance(getattr(self, name), bool):
                raise _fail(f"{name} must be a boolean", field=name)
        for name in ("complainant_count", "repeat_count", "upgrade_count"):
            to_count(getattr(self, name), name)
        object.__setattr__(self, "amount", to_amount(self.amount, "amount"))
        check_member(self.harm, HARM_LEVELS, "harm")
        check_member(self.conduct, CONDUCT_LEVELS, "conduct")
        check_member(self.impact, IMPACT_LEVELS, "impact")
        object.__setattr__(self, "flags", code_set(self.flags, "flags", FACT_FLAGS))

    def active_flags(self) -> frozenset[str]:
        """All boolean facts that hold, including the two dedicated fields."""
        extra = {
            name
            for name in ("regulator_involved", "media_involved")
            if getattr(self, name)
        }
        return self.flags | extra


# ---------------------------------------------------------------------------
# Criteria, grades, limits, schemes
# ---------------------------------------------------------------------------

_THRESHOLDS = ("min_complainants", "min_repeat", "min_upgrades")
_LEVEL_FIELDS = {"min_harm": "harm", "min_conduct": "conduct", "min_impact": "impact"}


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
                raise _fail(f"criterion {name} must be a non-empty string", field=name)
        if not isinstance(self.note, str):
            raise _fail("criterion note must be a string", field="note")
        object.__setattr__(self, "kinds", code_set(self.kinds, "kinds", _KIND_CODES))
        object.__setattr__(
            self, "channels", code_set(self.channels, "channels", _CHANNEL_CODES)
        )
        object.__setattr__(self, "flags", code_set(self.flags, "flags", FACT_FLAGS))
        for name in _THRESHOLDS:
            value = getattr(self, name)
            if value is not None:
                to_count(value, name)
        if self.min_amount is not None:
            object.__setattr__(
                self, "min_amount", to_amount(self.min_amount, "min_amount")
            )
        for name, scale in _LEVEL_FIELDS.items():
            value = getattr(self, name)
            if value is not None:
                check_member(value, _ORDINALS[scale], name)
        if not self.is_conditional():
            raise _fail(
                "a criterion needs at least one condition; use the scheme's "
                "default grade for the unconditional case",
                grade=self.grade,
                rule_id=self.rule_id,
            )

    def is_conditional(self) -> bool:
        """True when at least one condition is set."""
        if self.kinds or self.channels or self.flags:
            return True
        names = (*_THRESHOLDS, "min_amount", *_LEVEL_FIELDS)
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
        for name, scale in _LEVEL_FIELDS.items():
            low = getattr(self, name)
            if low is not None and _rank(scale, getattr(facts, scale)) < _rank(
                scale, low
            ):
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
                raise _fail(f"grade {f.name} must be a non-empty string", field=f.name)


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
            raise _fail("scheme code must be a non-empty string", field="code")
        if not self.grades:
            raise _fail("a scheme needs at least one grade", scheme=self.code)
        grade_codes = [grade.code for grade in self.grades]
        duplicates = sorted({c for c in grade_codes if grade_codes.count(c) > 1})
        if duplicates:
            raise _fail(
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
        return scheme_to_dict(self)


def evaluate(facts: TicketFacts, scheme: GradingScheme) -> GradeResult:
    """Grade ``facts`` under ``scheme``: the most severe matching grade wins."""
    if not isinstance(facts, TicketFacts):
        raise _fail("facts must be a TicketFacts instance")
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


# ---------------------------------------------------------------------------
# Serialisation
# ---------------------------------------------------------------------------

_CRITERION_FIELDS = tuple(f.name for f in fields(GradeCriterion))
_SET_FIELDS = ("kinds", "channels", "flags")


def _unset(value: Any) -> bool:
    # Odoo hands over False for an empty Char/Selection/Many2many value.
    return value is None or value is False or value == ""


def _check_keys(data: Mapping[str, Any], allowed: Iterable[str], what: str) -> None:
    if not isinstance(data, Mapping):
        raise _fail(f"{what} must be a mapping")
    unknown = sorted(set(data) - set(allowed), key=str)
    if unknown:
        raise _fail(
            f"unknown {what} field(s): {', '.join(map(str, unknown))}",
            fields=tuple(unknown),
        )


def criterion_to_dict(criterion: GradeCriterion) -> dict[str, Any]:
    """Plain-dict form of a criterion: only set conditions, JSON-friendly."""
    data: dict[str, Any] = {"grade": criterion.grade, "rule_id": criterion.rule_id}
    for name in _SET_FIELDS:
        values = getattr(criterion, name)
        if values:
            data[name] = sorted(values)
    for name in (*_THRESHOLDS, *_LEVEL_FIELDS):
        value = getattr(criterion, name)
        if value is not None:
            data[name] = value
    if criterion.min_amount is not None:
        data["min_amount"] = str(criterion.min_amount)
    if criterion.note:
        data["note"] = criterion.note
    return data


def criterion_from_dict(data: Mapping[str, Any]) -> GradeCriterion:
    """Build a criterion from a plain dict; ``InvalidInputError`` on bad data.

    Missing keys, ``None``, ``False`` and ``""`` mean "not set".
    """
    _check_keys(data, _CRITERION_FIELDS, "criterion")
    kwargs = {name: value for name, value in data.items() if not _unset(value)}
    for name in ("grade", "rule_id"):
        if name not in kwargs:
            raise _fail(f"criterion {name} is required", field=name)
    return GradeCriterion(**kwargs)


def _grade_from_dict(data: Mapping[str, Any]) -> Grade:
    _check_keys(data, ("code", "label_zh", "label_en", "rule_id", "sequence"), "grade")
    missing = [n for n in ("code", "label_zh", "label_en", "rule_id") if n not in data]
    if missing:
        raise _fail(f"grade field(s) required: {', '.join(missing)}", fields=missing)
    return Grade(data["code"], data["label_zh"], data["label_en"], data["rule_id"])


def _duration_to_dict(value: Duration | None) -> dict[str, Any] | None:
    return None if value is None else {"amount": value.amount, "unit": value.unit}


def _duration_from_dict(value: Any) -> Duration | None:
    if _unset(value):
        return None
    _check_keys(value, ("amount", "unit"), "duration")
    return Duration(value.get("amount"), value.get("unit"))


def _limit_to_dict(limit: GradeLimit) -> dict[str, Any]:
    data: dict[str, Any] = {"grade": limit.grade, "rule_ids": list(limit.rule_ids)}
    for name in ("first_reply", "resolution"):
        value = _duration_to_dict(getattr(limit, name))
        if value is not None:
            data[name] = value
    for name in ("applies_to", "overrun_approver", "note"):
        if getattr(limit, name):
            data[name] = getattr(limit, name)
    return data


def _limit_from_dict(data: Mapping[str, Any]) -> GradeLimit:
    _check_keys(data, tuple(f.name for f in fields(GradeLimit)), "limit")
    rule_ids = data.get("rule_ids") or ()
    if isinstance(rule_ids, str) or not all(isinstance(r, str) for r in rule_ids):
        raise _fail("limit rule_ids must be a list of strings", field="rule_ids")
    texts = {}
    for name in ("applies_to", "overrun_approver", "note"):
        value = data.get(name) or ""
        if not isinstance(value, str):
            raise _fail(f"limit {name} must be a string", field=name)
        texts[name] = value
    return GradeLimit(
        grade=data.get("grade"),
        rule_ids=tuple(rule_ids),
        first_reply=_duration_from_dict(data.get("first_reply")),
        resolution=_duration_from_dict(data.get("resolution")),
        **texts,
    )


def scheme_to_dict(scheme: GradingScheme) -> dict[str, Any]:
    """Whole scheme as plain data; :func:`scheme_from_dict` reverses it."""
    return {
        "code": scheme.code,
        "default_grade": scheme.default_grade,
        "grades": [
            {
                "code": grade.code,
                "label_zh": grade.label_zh,
                "label_en": grade.label_en,
                "rule_id": grade.rule_id,
                "sequence": index,
            }
            for index, grade in enumerate(scheme.grades)
        ],
        "criteria": [criterion_to_dict(c) for c in scheme.criteria],
        "limits": [_limit_to_dict(limit) for limit in scheme.limits],
    }


def scheme_from_dicts(
    grades: Iterable[Mapping[str, Any]],
    criteria: Iterable[Mapping[str, Any]],
    *,
    default_grade: str,
    code: str = "custom",
    limits: Iterable[Mapping[str, Any]] = (),
) -> GradingScheme:
    """Rebuild a scheme from grade and criterion records.

    Grades are ordered most severe first: by their ``sequence`` key when every
    grade has one (lower = more severe, as Odoo sorts), else in the given
    order. Criteria keep their order within a grade.
    """
    grade_rows = list(grades)
    for row in grade_rows:
        _check_keys(
            row, ("code", "label_zh", "label_en", "rule_id", "sequence"), "grade"
        )
    if grade_rows and all("sequence" in row for row in grade_rows):
        for row in grade_rows:
            to_count(row["sequence"], "sequence")
        grade_rows.sort(key=lambda row: row["sequence"])
    return GradingScheme(
        code=code,
        grades=tuple(_grade_from_dict(row) for row in grade_rows),
        criteria=tuple(criterion_from_dict(row) for row in criteria),
        default_grade=default_grade,
        limits=tuple(_limit_from_dict(row) for row in limits),
    )


def scheme_from_dict(data: Mapping[str, Any]) -> GradingScheme:
    """Inverse of :func:`scheme_to_dict`."""
    _check_keys(
        data, ("code", "default_grade", "grades", "criteria", "limits"), "scheme"
    )
    for name in ("code", "default_grade", "grades"):
        if name not in data:
            raise _fail(f"scheme {name} is required", field=name)
    return scheme_from_dicts(
        data["grades"],
        data.get("criteria") or (),
        default_grade=data["default_grade"],
        code=data["code"],
        limits=data.get("limits") or (),
    )


# ---------------------------------------------------------------------------
# Repeat counting (多口归一 / 重复投诉)
# ---------------------------------------------------------------------------


def _moment(value: Any, name: str) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time.min)
    raise _fail(f"{name} must be a date or datetime", field=name)


def count_repeats(
    history: Iterable[tuple[Hashable, date | datetime]],
    key: Hashable,
    at: date | datetime,
    window_days: int,
) -> int:
    """Count earlier items with the same ``key`` in the ``window_days`` before ``at``.

    ``history`` holds ``(key, when)`` pairs, e.g. (complainant phone key,
    matter) with the receipt time of earlier tickets. An item counts when its
    key equals ``key`` and ``start <= when < at``, where ``start`` is the
    beginning of the calendar day ``window_days`` days before ``at``'s date.
    A plain ``date`` stands for the start of that day, so an item on the same
    date as a date-only ``at`` is not "earlier". Items whose key is ``None``
    never match (unknown complainant). This feeds ``TicketFacts.repeat_count``
    (S003-R018 "多次", S001-R115 repeat complaints, S002-R008 多口归一).
    """
    to_count(window_days, "window_days")
    end = _moment(at, "at")
    start = datetime.combine(end.date() - timedelta(days=window_days), time.min)
    start = start.replace(tzinfo=end.tzinfo)
    if key is None:
        return 0
    total = 0
    for index, item in enumerate(history):
        try:
            item_key, when = item
        except (TypeError, ValueError):
            raise _fail(
                "history items must be (key, when) pairs", index=index
            ) from None
        moment = _moment(when, "when")
        if moment.tzinfo is None and end.tzinfo is not None:
            raise _fail("cannot mix naive and aware datetimes", index=index)
        if item_key is None or item_key != key:
            continue
        try:
            if start <= moment < end:
                total += 1
        except TypeError:
            raise _fail("cannot mix naive and aware datetimes", index=index) from None
    return total


# ---------------------------------------------------------------------------
# Presets
# ---------------------------------------------------------------------------


_RULE_ID = re.compile(r"^S\d{3}-R\d{3}$")


def _c(grade: str, rule_id: str, note: str = "", **conditions: Any) -> GradeCriterion:
    if not _RULE_ID.match(rule_id):  # guards the preset tables below
        raise _fail(f"malformed rule id {rule_id!r}", rule_id=rule_id)
    return GradeCriterion(grade=grade, rule_id=rule_id, note=note, **conditions)


#: Property management company, seed 003 D2 (投诉处理内部工作程序).
#: Grades 重大 / 重要 / 轻微 (S003-R018..R020); the seed has no precedence
#: rule, so the most severe matching grade wins (the digest's suggestion).
PROPERTY_MANAGEMENT = GradingScheme(
    code="property_management",
    grades=(
        Grade("major", "重大投诉", "Major complaint", "S003-R018"),
        Grade("important", "重要投诉", "Important complaint", "S003-R019"),
        Grade("minor", "轻微投诉", "Minor complaint", "S003-R020"),
    ),
    criteria=(
        # S003-R018(1): promised/contracted service not delivered or clearly
        # short (flag commitment_breached) AND "经住户多次提出而得不到解决".
        # "多次" has no count in the seed; we read it as three times or more
        # (the usual Chinese legal reading of 多次), i.e. the current complaint
        # plus at least 2 earlier ones: min_repeat=2. Configurable.
        _c(
            "major",
            "S003-R018",
            "(1) commitment not delivered, raised 多次 (>= 3 times) unresolved",
            flags={"commitment_breached"},
            min_repeat=2,
        ),
        # S003-R018(2): "由于公司责任…重大经济损失或人身伤害". "重大" has no
        # amount: mapped to harm >= major_economic_loss (which also covers
        # personal injury) plus the company_fault flag. An amount threshold can
        # be added as an extra criterion (min_amount) by the customer.
        _c(
            "major",
            "S003-R018",
            "(2) company fault causing major economic loss or personal injury",
            flags={"company_fault"},
            min_harm="major_economic_loss",
        ),
        # S003-R018(3) / S003-R034: a valid complaint not resolved within one
        # month becomes major; the month is computed by the caller.
        _c(
            "major",
            "S003-R034",
            "(3) valid complaint unresolved after one month",
            flags={"unresolved_one_month"},
        ),
        # S003-R019: "因公司的管理服务工作不到位、有过失而引起的投诉".
        _c(
            "important",
            "S003-R019",
            "management or service not in place / company at fault",
            flags={"company_fault"},
        ),
        _c(
            "important",
            "S003-R019",
            "promised service not delivered (service not in place)",
            flags={"commitment_breached"},
        ),
        # S003-R020 轻微: facility limits, non-human, easily improved; it is
        # the default grade (no criterion needed).
    ),
    default_grade="minor",
    limits=(
        # S003-R033: clear reply within 2 日, resolution 不宜超过 10 日; no
        # overrun approver named (the GM and manager in charge handle it,
        # S003-R023). 日 = calendar days (digest convention A2).
        GradeLimit(
            "major",
            ("S003-R033", "S003-R023"),
            first_reply=Duration(2, "calendar_days"),
            resolution=Duration(10, "calendar_days"),
            note="应当在2日给投诉的住户明确答复; 解决事件不宜超过10日",
        ),
        # S003-R032: generally within 3 日; overrun needs the general manager.
        GradeLimit(
            "important",
            ("S003-R032",),
            resolution=Duration(3, "calendar_days"),
            overrun_approver="general_manager",
            note="一般在3日内处理完毕; 超时需经公司总经理批准",
        ),
        # S003-R031: within 2 日 or the resident's requested period; overrun
        # needs the manager in charge.
        GradeLimit(
            "minor",
            ("S003-R031",),
            resolution=Duration(2, "calendar_days"),
            overrun_approver="manager_in_charge",
            note="一般在2日内或按住户要求的期限内; 超时需经主管经理批准",
        ),
    ),
)

#: China Unicom complaint grades and upgrade levels, seed 000 §5.
#: Upgrade ladder: ordinary complaint (一般 / 省级 / 全国级, S000-R103) ->
#: escalated complaint to the group hotline (升级投诉, S000-R137) -> appeal
#: (申诉, S000-R151/R155). The general/provincial overlap (S000-R103 ⚠) is
#: resolved by the digest's decision rule: general = answered without
#: dispatch, provincial = needs dispatch in the home branch, national = needs
#: HQ or another province.
TELECOM_UPGRADE = GradingScheme(
    code="telecom_upgrade",
    grades=(
        Grade("appeal", "申诉", "Appeal", "S000-R155"),
        Grade("escalated", "升级投诉", "Escalated complaint", "S000-R137"),
        Grade("national_vip", "全国级VIP客户投诉", "National, VIP", "S000-R103"),
        Grade("national", "全国级普通客户投诉", "National, ordinary", "S000-R103"),
        Grade("provincial_vip", "省级VIP客户投诉", "Provincial, VIP", "S000-R103"),
        Grade("provincial", "省级普通客户投诉", "Provincial, ordinary", "S000-R103"),
        Grade("general", "一般投诉", "General complaint", "S000-R103"),
    ),
    criteria=(
        # S000-R151/R155: forwarded by 信息产业部 / 通信管理局 / 消协 (12300).
        _c("appeal", "S000-R155", "forwarded by a regulator", channels={"regulator"}),
        # S000-R155: direct appeal after being dissatisfied with the result of
        # the first complaint (one upgrade).
        _c(
            "appeal",
            "S000-R155",
            "direct appeal after a first complaint",
            min_upgrades=1,
        ),
        # S000-R137/R139: complaint to the group hotline, dispatched by HQ.
        _c(
            "escalated",
            "S000-R137",
            "via the group hotline / HQ",
            channels={"superior"},
        ),
        _c(
            "national_vip",
            "S000-R103",
            "cross-province (roaming), VIP",
            flags={"cross_province", "vip_customer"},
        ),
        _c(
            "national_vip",
            "S000-R103",
            "needs HQ or another province, VIP",
            flags={"needs_hq", "vip_customer"},
        ),
        _c(
            "national",
            "S000-R103",
            "cross-province (roaming)",
            flags={"cross_province"},
        ),
        _c("national", "S000-R103", "needs HQ or another province", flags={"needs_hq"}),
        _c(
            "provincial_vip",
            "S000-R103",
            "dispatched in the home branch, VIP",
            flags={"needs_dispatch", "vip_customer"},
        ),
        _c(
            "provincial",
            "S000-R103",
            "dispatched in the home branch",
            flags={"needs_dispatch"},
        ),
    ),
    default_grade="general",
    limits=(
        # S000-R156: whole appeal process within 7 working days.
        GradeLimit("appeal", ("S000-R156",), resolution=Duration(7, "working_days")),
        # S000-R140: from HQ dispatch to closing and replying to HQ.
        GradeLimit(
            "escalated",
            ("S000-R140",),
            resolution=Duration(7, "working_days"),
            applies_to="fixed_network",
        ),
        GradeLimit(
            "escalated",
            ("S000-R140",),
            resolution=Duration(3, "working_days"),
            applies_to="mobile",
        ),
        # S000-R104: hard maxima in calendar hours; the averages are KPIs.
        GradeLimit(
            "national_vip",
            ("S000-R104",),
            first_reply=Duration(72, "hours"),
            note="平均48小时答复 (KPI)",
        ),
        GradeLimit(
            "national",
            ("S000-R104",),
            first_reply=Duration(72, "hours"),
            note="平均48小时答复 (KPI)",
        ),
        GradeLimit(
            "provincial_vip",
            ("S000-R104", "S000-R105"),
            first_reply=Duration(48, "hours"),
            note="平均24小时答复 (KPI); VIP uses the lower bound of 附录C",
        ),
        GradeLimit(
            "provincial",
            ("S000-R104",),
            first_reply=Duration(48, "hours"),
            note="平均24小时答复 (KPI)",
        ),
        GradeLimit(
            "general",
            ("S000-R104",),
            first_reply=Duration(24, "hours"),
            note="即时答复, 最长不超过24小时",
        ),
    ),
)

#: Hospital service-attitude complaints, seed 002 D1 (S002-R032..R035).
#: Each grade combines conduct, escalation level and impact scope, all of
#: which must hold. Where the dimensions disagree the result is only a
#: provisional grade: the management group confirms it (S002-R038).
HOSPITAL_SERVICE_ATTITUDE = GradingScheme(
    code="hospital_service_attitude",
    grades=(
        Grade("grade_1", "一级投诉", "Grade 1 complaint", "S002-R033"),
        Grade("grade_2", "二级投诉", "Grade 2 complaint", "S002-R034"),
        Grade("grade_3", "三级投诉", "Grade 3 complaint", "S002-R035"),
        Grade("ungraded", "未定级", "Not graded", "S002-R038"),
    ),
    criteria=(
        # S002-R033: 服务态度恶劣…情节严重 (conduct egregious) AND 投诉至上级行政
        # 职能部门 (regulator_involved) or 新闻媒体 (media_involved) AND 在社会上
        # 造成不良影响 (impact public).
        _c(
            "grade_1",
            "S002-R033",
            "egregious conduct, superior authority, public impact",
            flags={"regulator_involved"},
            min_conduct="egregious",
            min_impact="public",
        ),
        _c(
            "grade_1",
            "S002-R033",
            "egregious conduct, media, public impact",
            flags={"media_involved"},
            min_conduct="egregious",
            min_impact="public",
        ),
        # S002-R034: 服务态度差 (conduct >= poor) AND 投诉至院领导及医院有关职能
        # 部门 (leadership_involved) AND 在院内造成不良影响 (impact >= internal).
        _c(
            "grade_2",
            "S002-R034",
            "poor conduct, hospital leaders, internal impact",
            flags={"leadership_involved"},
            min_conduct="poor",
            min_impact="internal",
        ),
        # Implementation choice: a complaint taken beyond the hospital (to a
        # superior authority or the media) has also reached the hospital level
        # needed for grade 2.
        _c(
            "grade_2",
            "S002-R034",
            "poor conduct, taken beyond the hospital, internal impact",
            flags={"regulator_involved"},
            min_conduct="poor",
            min_impact="internal",
        ),
        _c(
            "grade_2",
            "S002-R034",
            "poor conduct, media, internal impact",
            flags={"media_involved"},
            min_conduct="poor",
            min_impact="internal",
        ),
        # S002-R035: 服务态度欠佳,沟通不到位 (conduct >= lacking) AND 一定程度
        # 不便 (harm >= inconvenience). "经出院回访等渠道反映的" lists channels
        # with "等" (open-ended), so no channel condition is set.
        _c(
            "grade_3",
            "S002-R035",
            "attitude lacking, some inconvenience",
            min_conduct="lacking",
            min_harm="inconvenience",
        ),
    ),
    default_grade="ungraded",
    limits=tuple(
        # S002-R022/R023: reply opinion within 2 working days for every grade;
        # extension up to 5 日 with the leader in charge's consent.
        GradeLimit(
            code,
            ("S002-R022", "S002-R023"),
            first_reply=Duration(2, "working_days"),
            overrun_approver="leader_in_charge",
            note="一般应当在2个工作日内形成投诉处理答复意见; 延长不得超过5日",
        )
        for code in ("grade_1", "grade_2", "grade_3", "ungraded")
    ),
)

#: Short alias.
HOSPITAL = HOSPITAL_SERVICE_ATTITUDE

#: Insurance customer service, seed 001 §1 重大投诉案件 (S001-R040): major
#: when any of five criteria holds; otherwise ordinary.
INSURANCE_MAJOR = GradingScheme(
    code="insurance_major",
    grades=(
        Grade("major", "重大投诉案件", "Major complaint", "S001-R040"),
        Grade("ordinary", "一般投诉", "Ordinary complaint", "S001-R040"),
    ),
    criteria=(
        # (1) 五人(含五人)以上的群诉案件: inclusive threshold.
        _c("major", "S001-R040", "(1) group complaint, 5 or more", min_complainants=5),
        # (2) 主流媒体介入,可能或已经曝光.
        _c(
            "major",
            "S001-R040",
            "(2) mainstream media involved",
            flags={"media_involved"},
        ),
        # (3) 上访到各级政府及其职能部门 AND 公司方可能存在较大过错.
        _c(
            "major",
            "S001-R040",
            "(3) government petition with likely company fault",
            flags={"government_petition", "company_fault"},
        ),
        # (4) 发生或可能发生重大人身伤害后果: harm >= serious_injury.
        _c(
            "major",
            "S001-R040",
            "(4) serious personal injury",
            min_harm="serious_injury",
        ),
        # (5) 其他造成或可能造成重大负面影响: mapped to impact "public".
        _c("major", "S001-R040", "(5) major negative impact", min_impact="public"),
    ),
    default_grade="ordinary",
    limits=(
        # S001-R050: reply or plan for 重大疑难 cases within 30日.
        GradeLimit("major", ("S001-R050",), first_reply=Duration(30, "calendar_days")),
        # S001-R048/R049: investigation 7, reply 15 working days.
        GradeLimit(
            "ordinary",
            ("S001-R048", "S001-R049"),
            first_reply=Duration(15, "working_days"),
            note="调查并联系客户 7个工作日内; 明确答复 15个工作日内",
        ),
    ),
)

#: Presets by scheme code.
PRESETS: Mapping[str, GradingScheme] = MappingProxyType(
    {
        scheme.code: scheme
        for scheme in (
            PROPERTY_MANAGEMENT,
            TELECOM_UPGRADE,
            HOSPITAL_SERVICE_ATTITUDE,
            INSURANCE_MAJOR,
        )
    }
)

"""Approval / delegation matrix for settlement measures (审批权限).

Head office decides how much a branch may concede when it settles a complaint.
Every measure of a settlement proposal (an *item*, e.g. 协议解约) is looked up in
a matrix of :class:`MatrixRule` rows; each row names the approver role that is
required when its amount / percentage bands match. The reference preset is
seed 001, 恒康天安人寿《投诉管理办法》第四条 投诉案件处理审批权限 (L79-L121),
digest ``seed-001.md`` §1.3, rules S001-R010 … S001-R020.

Evaluation (S001-R010 … S001-R013, digest M-5 and M-7):

* a rule matches when **all** its band conditions match (AND inside a row);
* an "or" of the source is written as **several rows** of the same item;
* when several rows of one item match, the **highest role wins** (ties: the
  first row in matrix order decides);
* a proposal with several items needs the highest role over its items.

Boundary words (seed 001 L83-L97, digest §0.2 and M-6), all encoded as data:

* "高于现金价值2000元以内(含2000元)" → ``0 < X <= 2000`` (S001-R011);
* "不超过总保费的70%" → ``pct <= 70``, 70 % itself stays in tier 1 (S001-R011);
* "超过现金价值2000元—10000元(含10000元)" → ``2000 < X <= 10000`` (S001-R012);
* "超过总保费的70%" → ``pct > 70`` (S001-R012, the independent "或" clause);
* "超过现金价值10000元以上" → ``X > 10000`` (S001-R013).

``X`` is the measure ``refund_over_cash_value`` (negotiated surrender amount
minus cash value) and ``pct`` the measure ``premium_share_pct`` (negotiated
surrender amount as a percentage 0-100 of the total premium); see
:func:`surrender_amounts`. ``X = 0`` with ``pct <= 70`` is not covered by the
source (digest M-4): :func:`resolve_approver` raises
:class:`NoApplicableRuleError` unless the caller passes ``default_role``, in
which case the decision carries ``matrix_gap=True``.

Amounts are :class:`~decimal.Decimal`. ``int``, ``str`` and ``Decimal`` are
accepted; ``float`` is rejected unless a caller explicitly opts in with
``allow_float=True`` (then it is converted through ``str(value)``, i.e. its
shortest repr, so ``2000.01`` becomes ``Decimal("2000.01")``). ``bool``, NaN
and infinities are always rejected.

The matrix is plain data so the Odoo layer can store it as records, filter it
by date and company, and rebuild it with :func:`matrix_from_dicts`;
:func:`preset_rows` yields the seed preset as dicts for the data XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, localcontext
from enum import Enum
from typing import Any

from .coerce import to_decimal
from .errors import InvalidInputError, RuleError

__all__ = [
    "AMOUNT_MEASURES",
    "ITEM_TYPES",
    "MEASURE_OTHER_AMOUNT",
    "MEASURE_PREMIUM_SHARE_PCT",
    "MEASURE_REFUND_OVER_CASH_VALUE",
    "ROW_FIELDS",
    "SEED_001_MATRIX",
    "Band",
    "Decision",
    "ItemCode",
    "ItemType",
    "MatrixRule",
    "NoApplicableRuleError",
    "ProposalDecision",
    "ProposalItem",
    "Role",
    "item_rows",
    "matrix_from_dicts",
    "matrix_to_dicts",
    "preset_rows",
    "resolve_approver",
    "resolve_proposal",
    "role_rows",
    "rule_from_dict",
    "rule_to_dict",
    "surrender_amounts",
    "to_decimal",
    "validate_amounts",
    "validate_matrix",
]


class NoApplicableRuleError(RuleError):
    """No matrix row of a known item matches the amounts (a gap in the matrix).

    Seed 001 leaves ``refund_over_cash_value == 0`` with a premium share of at
    most 70 % undecided (digest M-4); pass ``default_role`` to
    :func:`resolve_approver` to get a flagged default decision instead.
    """

    code = "no_applicable_rule"


# --------------------------------------------------------------------------
# Roles
# --------------------------------------------------------------------------


class Role(Enum):
    """Approver roles of seed 001, ordered by :attr:`rank` (S001-R006, R009).

    Only SUPERVISOR, DEPARTMENT_MANAGER and GENERAL_MANAGER approve in the seed
    matrix (S001-R011 … R019). HANDLER (咨诉经办人, S001-R006) and
    ASSISTANT_MANAGER (客服部经理助理, S001-R009/R042) are named by the seed
    and kept for configured matrices; placing the assistant manager between the
    supervisor and the department manager is an interpretation (the source only
    says "客服部经理助理以上级别"). Seed 001 has no head-office / branch level
    (digest G-01), so none is invented here.
    """

    HANDLER = "handler"
    SUPERVISOR = "supervisor"
    ASSISTANT_MANAGER = "assistant_manager"
    DEPARTMENT_MANAGER = "department_manager"
    GENERAL_MANAGER = "general_manager"

    @property
    def code(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        return _ROLE_INFO[self][0]

    @property
    def label_zh(self) -> str:
        return _ROLE_INFO[self][1]

    @property
    def label_en(self) -> str:
        return _ROLE_INFO[self][2]

    @classmethod
    def from_code(cls, code: Role | str) -> Role:
        """Return the role for ``code``; raise :class:`InvalidInputError`."""
        if isinstance(code, Role):
            return code
        try:
            return cls(code)
        except ValueError:
            raise InvalidInputError(
                f"Unknown approver role {code!r}; expected one of "
                f"{', '.join(r.value for r in cls)}.",
                field="role",
                value=code,
            ) from None

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Role):
            return NotImplemented
        return self.rank >= other.rank


_ROLE_INFO: dict[Role, tuple[int, str, str]] = {
    Role.HANDLER: (10, "咨诉经办人", "Complaint handler"),
    Role.SUPERVISOR: (20, "咨诉主管", "Complaint supervisor"),
    Role.ASSISTANT_MANAGER: (
        30,
        "客服部经理助理",
        "Customer-service department assistant manager",
    ),
    Role.DEPARTMENT_MANAGER: (
        40,
        "客服部经理",
        "Customer-service department manager",
    ),
    Role.GENERAL_MANAGER: (50, "总经理", "General manager"),
}


# --------------------------------------------------------------------------
# Items and measures
# --------------------------------------------------------------------------


class ItemCode(str, Enum):
    """Settlement items of seed 001 第四条 (S001-R010). Matrices may add more."""

    SURRENDER_BY_AGREEMENT = "surrender_by_agreement"
    AGENT_CHANGE = "agent_change"
    LATE_FEE_WAIVER = "late_fee_waiver"
    PREMIUM_CALLBACK = "premium_callback"
    ADVANCE_PAYMENT = "advance_payment"
    COMMISSION_FREEZE = "commission_freeze"
    CO_HANDLING = "co_handling"


@dataclass(frozen=True)
class ItemType:
    """Label and source of a settlement item."""

    code: str
    label_zh: str
    label_en: str
    source: str


ITEM_TYPES: tuple[ItemType, ...] = (
    ItemType(  # S001-R011..R013
        ItemCode.SURRENDER_BY_AGREEMENT.value,
        "协议解约(含部分协议解约)",
        "Surrender by agreement (incl. partial surrender by agreement)",
        "第四条(一), L81-L97",
    ),
    ItemType(  # S001-R014
        ItemCode.AGENT_CHANGE.value,
        "变更代理人",
        "Change of agent",
        "第四条(二), L99-L101",
    ),
    ItemType(  # S001-R015
        ItemCode.LATE_FEE_WAIVER.value,
        "免滞纳金",
        "Waiver of late-payment charge",
        "第四条(三), L103-L105",
    ),
    ItemType(  # S001-R016
        ItemCode.PREMIUM_CALLBACK.value,
        "回调保费",
        "Premium call-back (reversal of a premium posting)",
        "第四条(四), L107-L109",
    ),
    ItemType(  # S001-R017
        ItemCode.ADVANCE_PAYMENT.value,
        "挪用保费案件的公司垫付申请",
        "Company advance payment in a premium-misappropriation case",
        "第四条(五), L111-L113",
    ),
    ItemType(  # S001-R018
        ItemCode.COMMISSION_FREEZE.value,
        "冻结或解冻代理人佣金或押金",
        "Freeze or unfreeze an agent's commission or deposit",
        "第四条(六), L115-L117",
    ),
    ItemType(  # S001-R019
        ItemCode.CO_HANDLING.value,
        "案件协办",
        "Co-handling of the case by another department",
        "第四条(七), L119-L121",
    ),
)

ITEMS_BY_CODE: dict[str, ItemType] = {it.code: it for it in ITEM_TYPES}

#: X = negotiated surrender amount - cash value (S001-R011..R013), in CNY.
MEASURE_REFUND_OVER_CASH_VALUE = "refund_over_cash_value"
#: Negotiated surrender amount as a percentage (0-100) of the total premium.
MEASURE_PREMIUM_SHARE_PCT = "premium_share_pct"
#: Generic amount of a measure (e.g. the late fee waived); unused by seed 001.
MEASURE_OTHER_AMOUNT = "amount"
AMOUNT_MEASURES: tuple[str, ...] = (
    MEASURE_REFUND_OVER_CASH_VALUE,
    MEASURE_OTHER_AMOUNT,
)

_PCT_SUFFIX = "_pct"
_HUNDRED = Decimal(100)
_IDENT = re.compile(r"^[a-z][a-z0-9_]*$")


def _is_pct_measure(measure: str) -> bool:
    return measure.endswith(_PCT_SUFFIX)


# --------------------------------------------------------------------------
# Decimal input
# --------------------------------------------------------------------------


def _fmt(value: Decimal) -> str:
    return format(value, "f")


# --------------------------------------------------------------------------
# Bands and rules
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    """An interval of a measure with explicit inclusivity; ``None`` = unbounded.

    At least one bound is required. A missing bound's inclusivity flag is
    normalised to ``False``. Inverted (lower > upper) and empty
    (``(a, a)`` not closed) bands raise :class:`InvalidInputError`.
    """

    lower: Decimal | None = None
    upper: Decimal | None = None
    #: Defaults read like the source's "超过 a—b(含 b)": ``a < value <= b``.
    lower_inclusive: bool = False
    upper_inclusive: bool = True

    def __post_init__(self) -> None:
        lower = None if self.lower is None else to_decimal(self.lower, name="lower")
        upper = None if self.upper is None else to_decimal(self.upper, name="upper")
        for flag in ("lower_inclusive", "upper_inclusive"):
            if not isinstance(getattr(self, flag), bool):
                raise InvalidInputError(f"Band.{flag} must be a bool.", field=flag)
        if lower is None and upper is None:
            raise InvalidInputError(
                "A band needs at least one bound; omit the band instead.",
                field="band",
            )
        if lower is not None and upper is not None:
            if lower > upper:
                raise InvalidInputError(
                    f"Inverted band: lower {_fmt(lower)} > upper {_fmt(upper)}.",
                    field="band",
                    lower=lower,
                    upper=upper,
                )
            if lower == upper and not (self.lower_inclusive and self.upper_inclusive):
                raise InvalidInputError(
                    f"Empty band: ({_fmt(lower)}, {_fmt(upper)}) contains no value.",
                    field="band",
                    lower=lower,
                    upper=upper,
                )
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        if lower is None:
            object.__setattr__(self, "lower_inclusive", False)
        if upper is None:
            object.__setattr__(self, "upper_inclusive", False)

    # Readable constructors -------------------------------------------------
    @classmethod
    def at_most(cls, upper: Decimal | int | str) -> Band:
        """``value <= upper`` (以内(含) / 不超过)."""
        return cls(None, to_decimal(upper, name="upper"), False, True)

    @classmethod
    def above(cls, lower: Decimal | int | str) -> Band:
        """``value > lower`` (超过 / 以上 as used in 第四条(一)3)."""
        return cls(to_decimal(lower, name="lower"), None, False, False)

    @classmethod
    def left_open(cls, lower: Decimal | int | str, upper: Decimal | int | str) -> Band:
        """``lower < value <= upper``."""
        return cls(
            to_decimal(lower, name="lower"),
            to_decimal(upper, name="upper"),
            False,
            True,
        )

    # Queries ---------------------------------------------------------------
    def contains(self, value: Decimal) -> bool:
        lo, hi = self.lower, self.upper
        if lo is not None and (
            value < lo or (value == lo and not self.lower_inclusive)
        ):
            return False
        return not (
            hi is not None
            and (value > hi or (value == hi and not self.upper_inclusive))
        )

    def intersects(self, other: Band) -> bool:
        """True when some value lies in both bands."""
        lo, lo_inc = _tighter_lower(self, other)
        hi, hi_inc = _tighter_upper(self, other)
        if lo is None or hi is None:
            return True
        return lo < hi or (lo == hi and lo_inc and hi_inc)

    def describe(self, measure: str) -> str:
        lo_op = "<=" if self.lower_inclusive else "<"
        hi_op = "<=" if self.upper_inclusive else "<"
        if self.lower is not None and self.upper is not None:
            return f"{_fmt(self.lower)} {lo_op} {measure} {hi_op} {_fmt(self.upper)}"
        if self.lower is not None:
            return (
                f"{measure} {'>=' if self.lower_inclusive else '>'} {_fmt(self.lower)}"
            )
        assert self.upper is not None
        return f"{measure} {hi_op} {_fmt(self.upper)}"


def _tighter_lower(a: Band, b: Band) -> tuple[Decimal | None, bool]:
    if a.lower is None:
        return b.lower, b.lower_inclusive
    if b.lower is None or a.lower > b.lower:
        return a.lower, a.lower_inclusive
    if b.lower > a.lower:
        return b.lower, b.lower_inclusive
    return a.lower, a.lower_inclusive and b.lower_inclusive


def _tighter_upper(a: Band, b: Band) -> tuple[Decimal | None, bool]:
    if a.upper is None:
        return b.upper, b.upper_inclusive
    if b.upper is None or a.upper < b.upper:
        return a.upper, a.upper_inclusive
    if b.upper < a.upper:
        return b.upper, b.upper_inclusive
    return a.upper, a.upper_inclusive and b.upper_inclusive


@dataclass(frozen=True)
class MatrixRule:
    """One row of the approval matrix.

    ``key`` identifies the row (unique in a matrix, XML-id safe); ``rule_id``
    cites the source rule (e.g. ``"S001-R012"``) and may repeat when one source
    rule is split into several rows (its "或" clauses). The row matches when
    every band it has matches: ``amount_band`` on ``amount_measure`` and
    ``pct_band`` on :data:`MEASURE_PREMIUM_SHARE_PCT` (0-100). A row without
    bands always matches. ``valid_from``/``valid_to`` are inclusive dates
    (``None`` = open); ``company_scope`` is an opaque tag the Odoo layer uses to
    filter rows (``None`` = every company).
    """

    key: str
    rule_id: str
    item_code: str
    role: Role
    amount_measure: str | None = None
    amount_band: Band | None = None
    pct_band: Band | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    company_scope: str | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if isinstance(self.item_code, ItemCode):
            object.__setattr__(self, "item_code", self.item_code.value)
        object.__setattr__(self, "role", Role.from_code(self.role))
        for name in ("key", "item_code"):
            value = getattr(self, name)
            if not isinstance(value, str) or not _IDENT.match(value):
                raise InvalidInputError(
                    f"MatrixRule.{name} must be a lower-case identifier, "
                    f"got {value!r}.",
                    field=name,
                    value=value,
                )
        if not isinstance(self.rule_id, str) or not self.rule_id.strip():
            raise InvalidInputError(
                f"Rule {self.key}: rule_id must be a non-empty string.", field="rule_id"
            )
        if not isinstance(self.source, str):
            raise InvalidInputError(f"Rule {self.key}: source must be a string.")
        if (self.amount_measure is None) != (self.amount_band is None):
            raise InvalidInputError(
                f"Rule {self.key}: amount_measure and amount_band go together.",
                field="amount_measure",
            )
        if self.amount_measure is not None:
            if not isinstance(self.amount_measure, str) or not _IDENT.match(
                self.amount_measure
            ):
                raise InvalidInputError(
                    f"Rule {self.key}: bad amount measure {self.amount_measure!r}.",
                    field="amount_measure",
                )
            if _is_pct_measure(self.amount_measure):
                raise InvalidInputError(
                    f"Rule {self.key}: {self.amount_measure!r} is a percentage; "
                    "use pct_band.",
                    field="amount_measure",
                )
        for name in ("amount_band", "pct_band"):
            band = getattr(self, name)
            if band is not None and not isinstance(band, Band):
                raise InvalidInputError(f"Rule {self.key}: {name} must be a Band.")
        amount = self.amount_band
        if amount is not None:
            for bound in (amount.lower, amount.upper):
                if bound is not None and bound < 0:
                    raise InvalidInputError(
                        f"Rule {self.key}: amount bounds must not be negative, "
                        f"got {_fmt(bound)}.",
                        field="amount_band",
                    )
        pct = self.pct_band
        if pct is not None:
            for bound in (pct.lower, pct.upper):
                if bound is not None and not 0 <= bound <= _HUNDRED:
                    raise InvalidInputError(
                        f"Rule {self.key}: percentage bound {_fmt(bound)} is outside "
                        "0-100.",
                        field="pct_band",
                    )
        for name in ("valid_from", "valid_to"):
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, datetime) or not isinstance(value, date)
            ):
                raise InvalidInputError(
                    f"Rule {self.key}: {name} must be a date, got {value!r}.",
                    field=name,
                )
        if (
            self.valid_from is not None
            and self.valid_to is not None
            and self.valid_from > self.valid_to
        ):
            raise InvalidInputError(
                f"Rule {self.key}: valid_from {self.valid_from} is after valid_to "
                f"{self.valid_to}.",
                field="valid_from",
            )
        if self.company_scope is not None and not isinstance(self.company_scope, str):
            raise InvalidInputError(
                f"Rule {self.key}: company_scope must be a string or None."
            )

    @property
    def conditions(self) -> dict[str, Band]:
        """The measure → band conditions of this row (empty: always matches)."""
        result: dict[str, Band] = {}
        if self.amount_band is not None and self.amount_measure is not None:
            result[self.amount_measure] = self.amount_band
        if self.pct_band is not None:
            result[MEASURE_PREMIUM_SHARE_PCT] = self.pct_band
        return result

    def describe(self) -> str:
        conds = self.conditions
        if not conds:
            return "always"
        return " and ".join(band.describe(m) for m, band in conds.items())

    def is_valid_on(self, on_date: date) -> bool:
        return (self.valid_from is None or self.valid_from <= on_date) and (
            self.valid_to is None or on_date <= self.valid_to
        )

    @property
    def is_dated(self) -> bool:
        return self.valid_from is not None or self.valid_to is not None

    def matches(self, amounts: Mapping[str, Decimal]) -> bool:
        return all(
            band.contains(amounts[measure]) for measure, band in self.conditions.items()
        )


def _windows_overlap(a: MatrixRule, b: MatrixRule) -> bool:
    start = max(
        (d for d in (a.valid_from, b.valid_from) if d is not None), default=None
    )
    end = min((d for d in (a.valid_to, b.valid_to) if d is not None), default=None)
    return start is None or end is None or start <= end


def _scopes_overlap(a: MatrixRule, b: MatrixRule) -> bool:
    return (
        a.company_scope is None
        or b.company_scope is None
        or a.company_scope == b.company_scope
    )


def _rules_conflict(a: MatrixRule, b: MatrixRule) -> str | None:
    """Return why two rows of one item overlap, or ``None``.

    Two rows conflict when their validity windows and company scopes overlap
    and either both are unconditional, or they constrain at least one common
    measure and their bands intersect on **every** common measure. Rows on
    different measures (the "或" of S001-R012 vs S001-R013) may overlap by
    design; the highest role then wins.
    """
    if a.item_code != b.item_code:
        return None
    if not (_windows_overlap(a, b) and _scopes_overlap(a, b)):
        return None
    ca, cb = a.conditions, b.conditions
    if not ca and not cb:
        return "both rows are unconditional"
    shared = [m for m in ca if m in cb]
    if not shared:
        return None
    if all(ca[m].intersects(cb[m]) for m in shared):
        return "; ".join(
            f"{ca[m].describe(m)} overlaps {cb[m].describe(m)}" for m in shared
        )
    return None


def validate_matrix(rules: Iterable[MatrixRule]) -> tuple[MatrixRule, ...]:
    """Check a matrix and return it as a tuple (S001-R010).

    Raises :class:`InvalidInputError` for a non-:class:`MatrixRule` element,
    duplicate ``key`` and overlapping bands of the same item on the same
    measure in overlapping validity windows and company scopes (see
    :func:`_rules_conflict`). Per-row checks (inverted or empty bands,
    percentage bounds outside 0-100, negative amount bounds, unknown role,
    inverted validity) run when a :class:`MatrixRule` is built.
    """
    if isinstance(rules, (str, bytes, Mapping)):
        raise InvalidInputError("A matrix is a sequence of MatrixRule rows.")
    result = tuple(rules)
    seen: dict[str, MatrixRule] = {}
    for rule in result:
        if not isinstance(rule, MatrixRule):
            raise InvalidInputError(
                f"Matrix rows must be MatrixRule, got {type(rule).__name__}."
            )
        if rule.key in seen:
            raise InvalidInputError(
                f"Duplicate matrix row key {rule.key!r}.", field="key", value=rule.key
            )
        seen[rule.key] = rule
    for i, a in enumerate(result):
        for b in result[i + 1 :]:
            why = _rules_conflict(a, b)
            if why:
                raise InvalidInputError(
                    f"Overlapping rows {a.key} ({a.rule_id}) and {b.key} "
                    f"({b.rule_id}) for item {a.item_code!r}: {why}.",
                    field="band",
                    keys=(a.key, b.key),
                )
    return result


# --------------------------------------------------------------------------
# The seed-001 preset (第四条 投诉案件处理审批权限, L79-L121)
# --------------------------------------------------------------------------

_SURRENDER = ItemCode.SURRENDER_BY_AGREEMENT.value
_X = MEASURE_REFUND_OVER_CASH_VALUE

SEED_001_MATRIX: tuple[MatrixRule, ...] = (
    # S001-R011 (第四条(一)1, L83-L87) "协议部分金额高于现金价值2000元以内(含2000元),
    # 且协议解约的总额不超过总保费的70%" -> 0 < X <= 2000 AND pct <= 70: 咨诉主管.
    MatrixRule(
        key="s001_r011",
        rule_id="S001-R011",
        item_code=_SURRENDER,
        role=Role.SUPERVISOR,
        amount_measure=_X,
        amount_band=Band.left_open(0, 2000),
        pct_band=Band.at_most(70),
        source="第四条(一)1, L83-L87",
    ),
    # S001-R012 (第四条(一)2, L89-L93), first clause "超过现金价值2000元—10000元
    # (含10000元)" -> 2000 < X <= 10000: 客服部经理.
    MatrixRule(
        key="s001_r012_amount",
        rule_id="S001-R012",
        item_code=_SURRENDER,
        role=Role.DEPARTMENT_MANAGER,
        amount_measure=_X,
        amount_band=Band.left_open(2000, 10000),
        source="第四条(一)2, L89-L93",
    ),
    # S001-R012 (第四条(一)2, L89-L93), second clause "或协议解约的总额超过总保费的
    # 70%" -> pct > 70, whatever X is: 客服部经理.
    MatrixRule(
        key="s001_r012_ratio",
        rule_id="S001-R012",
        item_code=_SURRENDER,
        role=Role.DEPARTMENT_MANAGER,
        pct_band=Band.above(70),
        source="第四条(一)2, L89-L93",
    ),
    # S001-R013 (第四条(一)3, L95-L97) "协议解约金额超过现金价值10000元以上"
    # -> X > 10000 (no ratio condition): 总经理.
    MatrixRule(
        key="s001_r013",
        rule_id="S001-R013",
        item_code=_SURRENDER,
        role=Role.GENERAL_MANAGER,
        amount_measure=_X,
        amount_band=Band.above(10000),
        source="第四条(一)3, L95-L97",
    ),
    # S001-R014 (第四条(二), L99-L101) 变更代理人: 咨诉主管.
    MatrixRule(
        key="s001_r014",
        rule_id="S001-R014",
        item_code=ItemCode.AGENT_CHANGE.value,
        role=Role.SUPERVISOR,
        source="第四条(二), L99-L101",
    ),
    # S001-R015 (第四条(三), L103-L105) 免滞纳金, no amount limit (M-8): 咨诉主管.
    MatrixRule(
        key="s001_r015",
        rule_id="S001-R015",
        item_code=ItemCode.LATE_FEE_WAIVER.value,
        role=Role.SUPERVISOR,
        source="第四条(三), L103-L105",
    ),
    # S001-R016 (第四条(四), L107-L109) 回调保费: 客服部经理.
    MatrixRule(
        key="s001_r016",
        rule_id="S001-R016",
        item_code=ItemCode.PREMIUM_CALLBACK.value,
        role=Role.DEPARTMENT_MANAGER,
        source="第四条(四), L107-L109",
    ),
    # S001-R017 (第四条(五), L111-L113) 挪用保费案件的公司垫付申请: 客服部经理.
    MatrixRule(
        key="s001_r017",
        rule_id="S001-R017",
        item_code=ItemCode.ADVANCE_PAYMENT.value,
        role=Role.DEPARTMENT_MANAGER,
        source="第四条(五), L111-L113",
    ),
    # S001-R018 (第四条(六), L115-L117) 冻结或解冻代理人佣金或押金: 客服部经理.
    MatrixRule(
        key="s001_r018",
        rule_id="S001-R018",
        item_code=ItemCode.COMMISSION_FREEZE.value,
        role=Role.DEPARTMENT_MANAGER,
        source="第四条(六), L115-L117",
    ),
    # S001-R019 (第四条(七), L119-L121) 案件协办: 咨诉主管.
    MatrixRule(
        key="s001_r019",
        rule_id="S001-R019",
        item_code=ItemCode.CO_HANDLING.value,
        role=Role.SUPERVISOR,
        source="第四条(七), L119-L121",
    ),
)

validate_matrix(SEED_001_MATRIX)


# --------------------------------------------------------------------------
# Amounts
# --------------------------------------------------------------------------


def validate_amounts(
    amounts: Mapping[str, object] | None,
    *,
    required: Iterable[str] = (),
    allow_float: bool = False,
) -> dict[str, Decimal]:
    """Return ``amounts`` as ``{measure: Decimal}``; raise on bad input.

    Every value goes through :func:`to_decimal` (floats rejected unless
    ``allow_float``). Amounts must be ``>= 0``; measures ending in ``_pct``
    (e.g. :data:`MEASURE_PREMIUM_SHARE_PCT`) must lie in ``[0, 100]``. A value
    of ``None`` counts as missing; a missing ``required`` measure raises.
    Measures no rule uses are validated and returned too.
    """
    if amounts is None:
        amounts = {}
    if not isinstance(amounts, Mapping):
        raise InvalidInputError(
            f"Amounts must be a mapping of measure to amount, got "
            f"{type(amounts).__name__}."
        )
    result: dict[str, Decimal] = {}
    for measure, raw in amounts.items():
        if not isinstance(measure, str) or not measure:
            raise InvalidInputError(f"Measure names must be strings, got {measure!r}.")
        if raw is None:
            continue
        value = to_decimal(raw, name=measure, allow_float=allow_float)
        if value < 0:
            raise InvalidInputError(
                f"{measure}: amount {_fmt(value)} is negative.",
                field=measure,
                value=value,
            )
        if _is_pct_measure(measure) and value > _HUNDRED:
            raise InvalidInputError(
                f"{measure}: percentage {_fmt(value)} is outside 0-100.",
                field=measure,
                value=value,
            )
        result[measure] = value
    missing = [m for m in dict.fromkeys(required) if m not in result]
    if missing:
        raise InvalidInputError(
            f"Missing amount(s): {', '.join(missing)}.",
            field=missing[0],
            missing=missing,
        )
    return result


def surrender_amounts(
    *,
    cash_value: Decimal | int | str,
    refund: Decimal | int | str,
    total_premium: Decimal | int | str,
) -> dict[str, Decimal]:
    """Measures of a negotiated surrender (S001-R011 … R013, digest §1.3).

    ``refund_over_cash_value = refund - cash_value`` (X) and
    ``premium_share_pct = refund * 100 / total_premium``, computed with 50
    significant digits so that e.g. 14,000.01 / 20,000 gives exactly
    70.00005. Raises :class:`InvalidInputError` for negative inputs, a zero
    total premium, a refund below the cash value (no concession; digest M-4)
    or a refund above the total premium (share above 100 %).
    """
    cv = to_decimal(cash_value, name="cash_value")
    r = to_decimal(refund, name="refund")
    p = to_decimal(total_premium, name="total_premium")
    for name, value in (("cash_value", cv), ("refund", r), ("total_premium", p)):
        if value < 0:
            raise InvalidInputError(f"{name}: {_fmt(value)} is negative.", field=name)
    if p == 0:
        raise InvalidInputError(
            "total_premium must be positive.", field="total_premium"
        )
    if r < cv:
        raise InvalidInputError(
            f"refund {_fmt(r)} is below the cash value {_fmt(cv)}: not a negotiated "
            "concession above the cash value.",
            field="refund",
        )
    with localcontext() as ctx:
        ctx.prec = 50
        pct = r * _HUNDRED / p
    if pct > _HUNDRED:
        raise InvalidInputError(
            f"refund {_fmt(r)} exceeds the total premium {_fmt(p)}: premium share "
            "above 100 %.",
            field="refund",
        )
    return {MEASURE_REFUND_OVER_CASH_VALUE: r - cv, MEASURE_PREMIUM_SHARE_PCT: pct}


# --------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """The approver required for one item.

    ``rule_ids_matched`` lists the cited source rules of every matching row
    (matrix order, no repeats), ``keys_matched`` the rows themselves.
    ``matrix_gap`` is true when no row matched and ``role`` is the caller's
    default (then ``deciding_rule_id`` is ``None``).
    """

    role: Role
    rule_ids_matched: tuple[str, ...]
    deciding_rule_id: str | None
    explanation: str
    item_code: str = ""
    keys_matched: tuple[str, ...] = ()
    deciding_key: str | None = None
    matrix_gap: bool = False


def _candidates(
    item_code: str, rules: Sequence[MatrixRule], on_date: date | None
) -> list[MatrixRule]:
    of_item = [r for r in rules if r.item_code == item_code]
    if not of_item:
        raise InvalidInputError(
            f"Item {item_code!r} has no row in the approval matrix.",
            field="item_code",
            value=item_code,
        )
    if on_date is None:
        dated = [r.key for r in of_item if r.is_dated]
        if dated:
            raise InvalidInputError(
                f"Item {item_code!r} has dated rows ({', '.join(dated)}); "
                "pass on_date.",
                field="on_date",
            )
        return of_item
    return [r for r in of_item if r.is_valid_on(on_date)]


def _normalise_date(on_date: date | None) -> date | None:
    if on_date is None:
        return None
    if isinstance(on_date, datetime):
        return on_date.date()
    if not isinstance(on_date, date):
        raise InvalidInputError(f"on_date must be a date, got {on_date!r}.")
    return on_date


def resolve_approver(
    item_code: str,
    amounts: Mapping[str, object] | None,
    matrix: Iterable[MatrixRule],
    *,
    on_date: date | None = None,
    default_role: Role | str | None = None,
) -> Decision:
    """Return the approver required for one settlement item (S001-R010…R019).

    ``matrix`` is validated (:func:`validate_matrix`). Rows of ``item_code``
    valid on ``on_date`` are candidates; ``on_date`` may be omitted only when
    none of the item's rows is dated (a ``datetime`` is reduced to its date).
    Every measure a candidate row constrains must be in ``amounts``
    (:func:`validate_amounts`). Among the matching rows the highest role wins
    (S001-R012 "或", digest M-5); on a tie the first row in matrix order
    decides. Raises :class:`InvalidInputError` for an item without rows and
    bad amounts, and :class:`NoApplicableRuleError` when no row matches and
    no ``default_role`` is given (digest M-4).
    """
    if isinstance(item_code, ItemCode):
        item_code = item_code.value
    if not isinstance(item_code, str):
        raise InvalidInputError(f"item_code must be a string, got {item_code!r}.")
    rules = validate_matrix(matrix)
    day = _normalise_date(on_date)
    default = None if default_role is None else Role.from_code(default_role)
    candidates = _candidates(item_code, rules, day)
    required = [m for r in candidates for m in r.conditions]
    values = validate_amounts(amounts, required=required)
    matched = [r for r in candidates if r.matches(values)]
    if not matched:
        detail = (
            "no row is valid on that date"
            if not candidates
            else ("no row matches " + _describe_amounts(values))
        )
        if default is None:
            raise NoApplicableRuleError(
                f"Item {item_code!r}: {detail}; the matrix does not decide the "
                "approver.",
                item_code=item_code,
            )
        return Decision(
            role=default,
            rule_ids_matched=(),
            deciding_rule_id=None,
            explanation=(
                f"{item_code}: {detail}; default role {default.value} "
                f"({default.label_zh}) applied (matrix gap)."
            ),
            item_code=item_code,
            matrix_gap=True,
        )
    deciding = matched[0]
    for rule in matched[1:]:
        if rule.role > deciding.role:
            deciding = rule
    rule_ids = tuple(dict.fromkeys(r.rule_id for r in matched))
    explanation = (
        f"{item_code}: matched "
        + ", ".join(
            f"{r.rule_id} [{r.key}: {r.describe()} -> {r.role.value}]" for r in matched
        )
        + f"; highest role {deciding.role.value} ({deciding.role.label_zh}) "
        f"decided by {deciding.rule_id} [{deciding.key}]."
    )
    return Decision(
        role=deciding.role,
        rule_ids_matched=rule_ids,
        deciding_rule_id=deciding.rule_id,
        explanation=explanation,
        item_code=item_code,
        keys_matched=tuple(r.key for r in matched),
        deciding_key=deciding.key,
    )


def _describe_amounts(values: Mapping[str, Decimal]) -> str:
    if not values:
        return "(no amounts)"
    return ", ".join(f"{m}={_fmt(v)}" for m, v in values.items())


@dataclass(frozen=True)
class ProposalItem:
    """One measure of a settlement proposal."""

    item_code: str
    amounts: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ProposalDecision:
    """The approver of a whole proposal: the highest over its items (M-7)."""

    role: Role
    decisions: tuple[Decision, ...]
    deciding_index: int
    deciding_rule_id: str | None
    explanation: str

    @property
    def matrix_gap(self) -> bool:
        return any(d.matrix_gap for d in self.decisions)


def resolve_proposal(
    items: Iterable[ProposalItem | tuple[str, Mapping[str, object] | None]],
    matrix: Iterable[MatrixRule],
    *,
    on_date: date | None = None,
    default_role: Role | str | None = None,
) -> ProposalDecision:
    """Resolve every item of a proposal; the highest role is required.

    S001-R020 / digest M-7: a plan with several measures needs the highest
    approver among them (ties: the first such item decides). Items are
    :class:`ProposalItem` or ``(item_code, amounts)`` pairs. An empty proposal
    raises :class:`InvalidInputError`; item errors propagate.
    """
    rules = validate_matrix(matrix)
    decisions: list[Decision] = []
    for item in items:
        if isinstance(item, ProposalItem):
            code, amounts = item.item_code, item.amounts
        elif isinstance(item, tuple) and len(item) == 2:
            code, amounts = item
        else:
            raise InvalidInputError(
                "Proposal items are ProposalItem or (item_code, amounts), "
                f"got {item!r}."
            )
        decisions.append(
            resolve_approver(
                code, amounts, rules, on_date=on_date, default_role=default_role
            )
        )
    if not decisions:
        raise InvalidInputError("A settlement proposal needs at least one item.")
    index = 0
    for i, dec in enumerate(decisions):
        if dec.role > decisions[index].role:
            index = i
    top = decisions[index]
    explanation = (
        f"Proposal of {len(decisions)} item(s): highest role {top.role.value} "
        f"({top.role.label_zh}) required by item #{index + 1} {top.item_code}"
        + (f" ({top.deciding_rule_id})." if top.deciding_rule_id else " (matrix gap).")
    )
    return ProposalDecision(
        role=top.role,
        decisions=tuple(decisions),
        deciding_index=index,
        deciding_rule_id=top.deciding_rule_id,
        explanation=explanation,
    )


# --------------------------------------------------------------------------
# Serialisation
# --------------------------------------------------------------------------

#: Keys of a serialised matrix row, in order.
ROW_FIELDS: tuple[str, ...] = (
    "key",
    "rule_id",
    "sequence",
    "item_code",
    "role",
    "amount_measure",
    "amount_lower",
    "amount_lower_inclusive",
    "amount_upper",
    "amount_upper_inclusive",
    "pct_lower",
    "pct_lower_inclusive",
    "pct_upper",
    "pct_upper_inclusive",
    "valid_from",
    "valid_to",
    "company_scope",
    "source",
)
_REQUIRED_ROW_FIELDS = ("key", "rule_id", "item_code", "role")


def _band_fields(prefix: str, band: Band | None) -> dict[str, Any]:
    if band is None:
        return {
            f"{prefix}_lower": None,
            f"{prefix}_lower_inclusive": False,
            f"{prefix}_upper": None,
            f"{prefix}_upper_inclusive": False,
        }
    return {
        f"{prefix}_lower": None if band.lower is None else _fmt(band.lower),
        f"{prefix}_lower_inclusive": band.lower_inclusive,
        f"{prefix}_upper": None if band.upper is None else _fmt(band.upper),
        f"{prefix}_upper_inclusive": band.upper_inclusive,
    }


def rule_to_dict(rule: MatrixRule, *, sequence: int | None = None) -> dict[str, Any]:
    """Serialise a row to plain values (Decimals as str, dates as ISO str).

    Has every key of :data:`ROW_FIELDS`; ``sequence`` is the row's position
    (the tie-break order) and may be ``None``.
    """
    row: dict[str, Any] = {
        "key": rule.key,
        "rule_id": rule.rule_id,
        "sequence": sequence,
        "item_code": rule.item_code,
        "role": rule.role.value,
        "amount_measure": rule.amount_measure,
    }
    row.update(_band_fields("amount", rule.amount_band))
    row.update(_band_fields("pct", rule.pct_band))
    row.update(
        {
            "valid_from": None
            if rule.valid_from is None
            else rule.valid_from.isoformat(),
            "valid_to": None if rule.valid_to is None else rule.valid_to.isoformat(),
            "company_scope": rule.company_scope,
            "source": rule.source,
        }
    )
    return {k: row[k] for k in ROW_FIELDS}


def _parse_date(value: object, name: str) -> date | None:
    if value is None or value is False:
        return None
    if isinstance(value, datetime):
        raise InvalidInputError(f"{name} must be a date, got a datetime.", field=name)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInputError(f"{name}: {value!r} is not an ISO date.", field=name)


def _parse_band(row: Mapping[str, Any], prefix: str, allow_float: bool) -> Band | None:
    lower, upper = row.get(f"{prefix}_lower"), row.get(f"{prefix}_upper")
    flags = {}
    for flag in ("lower_inclusive", "upper_inclusive"):
        value = row.get(f"{prefix}_{flag}", False)
        if not isinstance(value, bool):
            raise InvalidInputError(
                f"{prefix}_{flag} must be a bool, got {value!r}.",
                field=f"{prefix}_{flag}",
            )
        flags[flag] = value
    if lower is None and upper is None:
        return None
    return Band(
        None
        if lower is None
        else to_decimal(lower, name=f"{prefix}_lower", allow_float=allow_float),
        None
        if upper is None
        else to_decimal(upper, name=f"{prefix}_upper", allow_float=allow_float),
        flags["lower_inclusive"],
        flags["upper_inclusive"],
    )


def rule_from_dict(row: Mapping[str, Any], *, allow_float: bool = False) -> MatrixRule:
    """Rebuild a row from :func:`rule_to_dict` output (or an Odoo record's values).

    Unknown keys raise (a typo must not silently drop a bound); missing
    optional keys default to ``None``/``False``/``""``. Bounds accept
    ``Decimal``/``int``/``str`` (``float`` only with ``allow_float``), dates
    accept ``date`` or ISO strings; ``False`` counts as empty for dates and
    ``company_scope`` (Odoo's empty value).
    """
    if not isinstance(row, Mapping):
        raise InvalidInputError(f"A matrix row must be a mapping, got {row!r}.")
    unknown = sorted(set(row) - set(ROW_FIELDS))
    if unknown:
        raise InvalidInputError(
            f"Unknown matrix row field(s): {', '.join(map(str, unknown))}.",
            field=unknown[0],
        )
    missing = [k for k in _REQUIRED_ROW_FIELDS if row.get(k) in (None, "", False)]
    if missing:
        raise InvalidInputError(
            f"Matrix row lacks {', '.join(missing)}.", field=missing[0]
        )
    amount_band = _parse_band(row, "amount", allow_float)
    measure = row.get("amount_measure") or None
    scope = row.get("company_scope")
    return MatrixRule(
        key=row["key"],
        rule_id=row["rule_id"],
        item_code=row["item_code"],
        role=Role.from_code(row["role"]),
        amount_measure=measure,
        amount_band=amount_band,
        pct_band=_parse_band(row, "pct", allow_float),
        valid_from=_parse_date(row.get("valid_from"), "valid_from"),
        valid_to=_parse_date(row.get("valid_to"), "valid_to"),
        company_scope=None if scope in (None, False) else scope,
        source=row.get("source") or "",
    )


def matrix_to_dicts(rules: Iterable[MatrixRule]) -> list[dict[str, Any]]:
    """Serialise a matrix; ``sequence`` is 10, 20, … in matrix order."""
    return [
        rule_to_dict(rule, sequence=10 * (i + 1))
        for i, rule in enumerate(validate_matrix(rules))
    ]


def matrix_from_dicts(
    rows: Iterable[Mapping[str, Any]], *, allow_float: bool = False
) -> tuple[MatrixRule, ...]:
    """Rebuild and validate a matrix; rows are ordered by ``sequence`` (stable,
    rows without a sequence keep their place after the numbered ones)."""
    indexed = list(enumerate(rows))
    for _, row in indexed:
        if not isinstance(row, Mapping):
            raise InvalidInputError(f"A matrix row must be a mapping, got {row!r}.")
        seq = row.get("sequence")
        if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int)):
            raise InvalidInputError(f"sequence must be an int, got {seq!r}.")

    def order(pair: tuple[int, Mapping[str, Any]]) -> tuple[bool, int, int]:
        seq = pair[1].get("sequence")
        return (seq is None, seq or 0, pair[0])

    indexed.sort(key=order)
    return validate_matrix(
        rule_from_dict(row, allow_float=allow_float) for _, row in indexed
    )


def preset_rows(
    matrix: Iterable[MatrixRule] = SEED_001_MATRIX,
) -> Iterator[dict[str, Any]]:
    """Yield the preset (default: seed 001) as dicts with every row field."""
    yield from matrix_to_dicts(matrix)


def role_rows() -> Iterator[dict[str, Any]]:
    """Yield the roles as ``{"code", "rank", "label_zh", "label_en"}``."""
    for role in Role:
        yield {
            "code": role.value,
            "rank": role.rank,
            "label_zh": role.label_zh,
            "label_en": role.label_en,
        }


def item_rows() -> Iterator[dict[str, Any]]:
    """Yield the seed-001 items as ``{"code", "label_zh", "label_en", "source"}``."""
    for item in ITEM_TYPES:
        yield {
            "code": item.code,
            "label_zh": item.label_zh,
            "label_en": item.label_en,
            "source": item.source,
        }

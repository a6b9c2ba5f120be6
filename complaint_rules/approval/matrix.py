"""The approval matrix: roles, settlement items, measures and rows.

A matrix is a sequence of :class:`MatrixRule` rows; each row names the
approver role required for one settlement item (e.g. 协议解约) when its
amount / percentage bands match. :func:`validate_matrix` checks a matrix as
a whole (unique keys, no overlapping rows of one item). The rows of a
rulebook are data in :mod:`complaint_rules.presets` (seed 001's matrix:
:mod:`complaint_rules.presets.insurer`); deciding the approver is
:mod:`complaint_rules.approval.resolve`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

from ..errors import InvalidInputError
from .bands import Band, plain

__all__ = [
    "AMOUNT_MEASURES",
    "MEASURE_OTHER_AMOUNT",
    "MEASURE_PREMIUM_SHARE_PCT",
    "MEASURE_REFUND_OVER_CASH_VALUE",
    "ItemType",
    "MatrixRule",
    "Role",
    "is_pct_measure",
    "validate_matrix",
]


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


@dataclass(frozen=True)
class ItemType:
    """Label and source of a settlement item."""

    code: str
    label_zh: str
    label_en: str
    source: str


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


def is_pct_measure(measure: str) -> bool:
    """Whether ``measure`` is a percentage (0-100): its name ends in ``_pct``."""
    return measure.endswith(_PCT_SUFFIX)


# --------------------------------------------------------------------------
# Rows and the matrix
# --------------------------------------------------------------------------


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
        if isinstance(self.item_code, str) and isinstance(self.item_code, Enum):
            # a rulebook's item code enum, e.g. presets.insurer.ItemCode
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
            if is_pct_measure(self.amount_measure):
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
                        f"got {plain(bound)}.",
                        field="amount_band",
                    )
        pct = self.pct_band
        if pct is not None:
            for bound in (pct.lower, pct.upper):
                if bound is not None and not 0 <= bound <= _HUNDRED:
                    raise InvalidInputError(
                        f"Rule {self.key}: percentage bound {plain(bound)} is outside "
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

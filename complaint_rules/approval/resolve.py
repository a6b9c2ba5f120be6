"""Deciding the approver of a settlement item or a whole proposal.

Evaluation (S001-R010 … S001-R013, digest M-5 and M-7):

* a rule matches when **all** its band conditions match (AND inside a row);
* an "or" of the source is written as **several rows** of the same item;
* when several rows of one item match, the **highest role wins** (ties: the
  first row in matrix order decides);
* a proposal with several items needs the highest role over its items.

For the seed-001 matrix (:mod:`complaint_rules.presets.insurer`) ``X`` is the
measure ``refund_over_cash_value`` (negotiated surrender amount minus cash
value) and ``pct`` the measure ``premium_share_pct`` (negotiated surrender
amount as a percentage 0-100 of the total premium); see
:func:`surrender_amounts`. ``X = 0`` with ``pct <= 70`` is not covered by the
source (digest M-4): :func:`resolve_approver` raises
:class:`NoApplicableRuleError` unless the caller passes ``default_role``, in
which case the decision carries ``matrix_gap=True``.

Amounts are :class:`~decimal.Decimal`. ``int``, ``str`` and ``Decimal`` are
accepted; ``float`` is rejected unless a caller explicitly opts in with
``allow_float=True`` (then it is converted through its shortest repr, so
``2000.01`` becomes ``Decimal("2000.01")``). ``bool``, NaN and infinities are
always rejected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, localcontext
from enum import Enum

from ..coerce import to_decimal
from ..errors import InvalidInputError, RuleError
from .bands import plain
from .matrix import (
    MEASURE_PREMIUM_SHARE_PCT,
    MEASURE_REFUND_OVER_CASH_VALUE,
    MatrixRule,
    Role,
    is_pct_measure,
    validate_matrix,
)

__all__ = [
    "Decision",
    "NoApplicableRuleError",
    "ProposalDecision",
    "ProposalItem",
    "resolve_approver",
    "resolve_proposal",
    "surrender_amounts",
    "validate_amounts",
]

_HUNDRED = Decimal(100)


class NoApplicableRuleError(RuleError):
    """No matrix row of a known item matches the amounts (a gap in the matrix).

    Seed 001 leaves ``refund_over_cash_value == 0`` with a premium share of at
    most 70 % undecided (digest M-4); pass ``default_role`` to
    :func:`resolve_approver` to get a flagged default decision instead.
    """

    code = "no_applicable_rule"


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
                f"{measure}: amount {plain(value)} is negative.",
                field=measure,
                value=value,
            )
        if is_pct_measure(measure) and value > _HUNDRED:
            raise InvalidInputError(
                f"{measure}: percentage {plain(value)} is outside 0-100.",
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
            raise InvalidInputError(f"{name}: {plain(value)} is negative.", field=name)
    if p == 0:
        raise InvalidInputError(
            "total_premium must be positive.", field="total_premium"
        )
    if r < cv:
        raise InvalidInputError(
            f"refund {plain(r)} is below the cash value {plain(cv)}: not a negotiated "
            "concession above the cash value.",
            field="refund",
        )
    with localcontext() as ctx:
        ctx.prec = 50
        pct = r * _HUNDRED / p
    if pct > _HUNDRED:
        raise InvalidInputError(
            f"refund {plain(r)} exceeds the total premium {plain(p)}: premium share "
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
    if isinstance(item_code, str) and isinstance(item_code, Enum):
        item_code = item_code.value  # a rulebook's item code enum
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
    return ", ".join(f"{m}={plain(v)}" for m, v in values.items())


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

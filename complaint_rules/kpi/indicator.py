"""KPI definitions as data: what is counted, over what, rounded how, and the
target it is held to.

An :class:`Indicator` names its numerator and denominator by *measure* codes
(:data:`MEASURES`), which :mod:`.evaluate` applies to
:class:`~complaint_rules.kpi.facts.TicketFacts` rows. The seeds' indicators
are rulebook data in ``complaint_rules.presets`` (``kpi_telecom``); the
choices the seeds leave open are the fields of :class:`KpiSettings`, each
with a documented default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..coerce import check_member, to_decimal
from ..errors import InvalidInputError

#: How a value is formed: a share of counted tickets (``ratio``), a mean of a
#: quantity over tickets (``mean``), a plain count (``count``), or a share
#: whose denominator (customers, calls) comes from outside the ticket system
#: (``external``, S000-R126, S000-R142, S000-R149).
METHODS: tuple[str, ...] = ("ratio", "mean", "count", "external")
#: Which tickets an indicator looks at.
SCOPES: tuple[str, ...] = ("all", "escalated")
#: Row-level measures the evaluation knows (see :mod:`.evaluate`).
MEASURES: tuple[str, ...] = (
    "in_scope",
    "decided",
    "closed_on_time",
    "first_time",
    "satisfaction_base",
    "satisfied",
    "flow_decided",
    "flow_on_time",
    "validity_base",
    "flow_valid",
    "quality_base",
    "quality_ok",
    "delayed",
    "handling_base",
    "service_caused",
    "external",
)
#: Quantities a ``mean`` indicator averages.
QUANTITIES: tuple[str, ...] = ("delay_hours", "handling_hours")
#: Tickets left out of every indicator that lists them.
EXCLUSIONS: tuple[str, ...] = ("not_complaint", "merged", "not_accepted")
COMPARISONS: tuple[str, ...] = (">=", ">", "<=", "<")
#: Period kinds (S000-R133, S000-R141, S000-R149).
PERIOD_KINDS: tuple[str, ...] = ("hour", "day", "week", "month", "quarter", "year")

# The open definitions and their readings (KpiSettings fields).
SATISFACTION_BASES: tuple[str, ...] = ("surveyed", "all")
PENDING_READINGS: tuple[str, ...] = ("exclude", "missed")
UNSAMPLED_READINGS: tuple[str, ...] = ("exclude", "valid")
HANDLING_BASES: tuple[str, ...] = ("closed", "all")
TARGET_COMPARISONS: tuple[str, ...] = ("exact", "rounded")


@dataclass(frozen=True)
class KpiSettings:
    """The choices the seeds leave open, each a setting with its default.

    * ``satisfaction_base`` — S000-R129 allows customers surveyed *or* all
      complainants (TC-39: 80 % or 40 %). Default ``"surveyed"``: a customer
      counts when surveyed or when the reply recorded an attitude.
    * ``pending`` — a deadline still running: left out of the denominator
      until decided (``"exclude"``, default) or counted as missed.
    * ``unsampled`` — ticket validity / quality (S000-R131, S000-R146) come
      from sampling: unsampled tickets are left out of the denominator
      (``"exclude"``, default) or assumed valid.
    * ``handling_base`` — S000-R147 divides by "当期投诉总数": the complaints
      closed in the period (``"closed"``, default; an open one has no
      handling time) or all of them.
    * ``target_comparison`` — the target is compared with the exact value
      (``"exact"``, default: 94.996 % fails 95 %) or the rounded one.
    """

    satisfaction_base: str = "surveyed"
    pending: str = "exclude"
    unsampled: str = "exclude"
    handling_base: str = "closed"
    target_comparison: str = "exact"

    def __post_init__(self):
        check_member(self.satisfaction_base, SATISFACTION_BASES, "satisfaction_base")
        check_member(self.pending, PENDING_READINGS, "pending")
        check_member(self.unsampled, UNSAMPLED_READINGS, "unsampled")
        check_member(self.handling_base, HANDLING_BASES, "handling_base")
        check_member(self.target_comparison, TARGET_COMPARISONS, "target_comparison")


DEFAULT_SETTINGS = KpiSettings()


@dataclass(frozen=True)
class Target:
    """``value comparison target``, in the indicator's unit, for a period
    kind (``None``: any period). Seed targets are reference standards
    (参考标准, S000-R150): the addon lets head office edit them."""

    comparison: str
    value: Decimal
    period: str | None = None
    rule_ids: tuple[str, ...] = ()

    def __post_init__(self):
        check_member(self.comparison, COMPARISONS, "comparison")
        object.__setattr__(self, "value", to_decimal(self.value, name="target"))
        if self.period is not None:
            check_member(self.period, PERIOD_KINDS, "period")

    def met_by(self, value) -> bool:
        target = self.value
        if self.comparison == ">=":
            return value >= target
        if self.comparison == ">":
            return value > target
        if self.comparison == "<=":
            return value <= target
        return value < target


@dataclass(frozen=True)
class Indicator:
    """One indicator's definition (numerator, denominator, exclusions,
    rounding, targets), citing its rule IDs.

    ``scale`` is 100 for a percentage; ``places`` the decimals of the
    reported value (ROUND_HALF_UP); ``step`` restricts the flow measures to
    one step (S000-R130 sub-indicators such as 反馈及时率).
    """

    code: str
    name_zh: str
    name_en: str
    rule_ids: tuple[str, ...]
    method: str
    numerator: str
    denominator: str = "in_scope"
    quantity: str | None = None
    scope: str = "all"
    exclusions: tuple[str, ...] = EXCLUSIONS
    unit: str = "percent"
    scale: Decimal = Decimal(100)
    places: int = 2
    targets: tuple[Target, ...] = ()
    periods: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
    dimensions: tuple[str, ...] = ()
    step: str | None = None
    settings: tuple[str, ...] = ()
    note: str = ""

    def __post_init__(self):
        check_member(self.method, METHODS, "method")
        check_member(self.scope, SCOPES, "scope")
        check_member(self.numerator, MEASURES, "numerator")
        check_member(self.denominator, MEASURES, "denominator")
        for code in self.exclusions:
            check_member(code, EXCLUSIONS, "exclusion")
        for kind in self.periods:
            check_member(kind, PERIOD_KINDS, "period")
        for name in self.settings:
            check_member(name, tuple(KpiSettings.__dataclass_fields__), "setting")
        if self.method == "mean":
            check_member(self.quantity, QUANTITIES, "quantity")
        elif self.quantity is not None:
            raise InvalidInputError(
                f"indicator {self.code!r}: only a mean has a quantity", code=self.code
            )
        if not self.rule_ids:
            raise InvalidInputError(
                f"indicator {self.code!r} cites no rule", code=self.code
            )
        if self.places < 0:
            raise InvalidInputError("places must be >= 0", code=self.code)
        object.__setattr__(self, "scale", to_decimal(self.scale, name="scale"))

    def target_for(self, period: str | None = None) -> Target | None:
        """The target for ``period``: the one of that kind, else the one
        for any period, else ``None`` (no target, S000-R142, S000-R147)."""
        general = None
        for target in self.targets:
            if target.period == period and period is not None:
                return target
            if target.period is None:
                general = general or target
        return general

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        ids = [*self.rule_ids, *(rid for t in self.targets for rid in t.rule_ids)]
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class IndicatorSet:
    """A rulebook's indicators (a ``kpi_indicators`` preset)."""

    code: str
    name: str
    indicators: tuple[Indicator, ...]
    rule_ids: tuple[str, ...] = ()
    note: str = ""
    by_code: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        codes = [indicator.code for indicator in self.indicators]
        if not codes or len(set(codes)) != len(codes):
            raise InvalidInputError(
                f"indicator set {self.code!r} is empty or repeats a code",
                code=self.code,
            )
        object.__setattr__(
            self, "by_code", dict(zip(codes, self.indicators, strict=True))
        )

    def __getitem__(self, code: str) -> Indicator:
        check_member(code, tuple(self.by_code), "indicator")
        return self.by_code[code]

    @property
    def cited_rule_ids(self) -> tuple[str, ...]:
        ids = [*self.rule_ids]
        for indicator in self.indicators:
            ids.extend(indicator.cited_rule_ids)
        return tuple(dict.fromkeys(ids))

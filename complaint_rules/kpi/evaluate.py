"""One evaluation function for every indicator definition.

:func:`evaluate` filters the rows (scope, exclusions), counts the
denominator, counts the numerator *among the denominator's rows* (so a
numerator never exceeds its denominator), and returns a :class:`Result`
with the exact ratio (a :class:`~fractions.Fraction`), the reported value
(``Decimal``, ROUND_HALF_UP to the indicator's places) and whether the
target is met. An empty denominator gives ``None``, never 0.

:class:`Counts` are what daily snapshots store; :func:`from_counts` gives
the value of any sum of them, so a period's rate is the rate of its summed
counts, never a mean of daily rates (see :mod:`.periods`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..coerce import to_count
from ..errors import InvalidInputError
from .facts import TicketFacts
from .indicator import DEFAULT_SETTINGS, Indicator, KpiSettings, Target


@dataclass(frozen=True)
class Counts:
    """Numerator and denominator of one indicator over some tickets; they
    add up (``a + b``). ``numerator`` is a ``Decimal`` sum of hours for a
    ``mean`` indicator, a count otherwise."""

    numerator: Decimal = Decimal(0)
    denominator: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            Decimal(self.numerator) + Decimal(other.numerator),
            self.denominator + other.denominator,
        )


@dataclass(frozen=True)
class Result:
    """An indicator's value over a set of tickets."""

    indicator: str
    counts: Counts
    ratio: Fraction | None
    value: Decimal | None
    target: Target | None
    met: bool | None

    @property
    def numerator(self):
        return self.counts.numerator

    @property
    def denominator(self) -> int:
        return self.counts.denominator


def _steps(row: TicketFacts, indicator: Indicator):
    if indicator.step is None:
        return row.steps
    return tuple(step for step in row.steps if step.step == indicator.step)


def _excluded(row: TicketFacts, indicator: Indicator) -> bool:
    return (
        ("not_complaint" in indicator.exclusions and row.kind != "complaint")
        or ("merged" in indicator.exclusions and row.merged)
        or ("not_accepted" in indicator.exclusions and not row.accepted)
    )


def _flow_decided(row, indicator, settings) -> bool:
    steps = _steps(row, indicator)
    if not steps:
        return False
    return settings.pending == "missed" or all(s.outcome != "pending" for s in steps)


def _flow_on_time(row, indicator) -> bool:
    steps = _steps(row, indicator)
    return bool(steps) and all(s.outcome == "met" for s in steps)


def measure(code: str, row: TicketFacts, indicator: Indicator, settings) -> bool:
    """Whether ``row`` counts for the measure ``code`` (see
    :data:`~complaint_rules.kpi.indicator.MEASURES`)."""
    if code == "in_scope":
        return True
    if code == "decided":
        return row.closure != "pending" or settings.pending == "missed"
    if code == "closed_on_time":
        return row.closure == "met" and row.resolved
    if code == "first_time":
        return row.closure == "met" and row.resolved and not row.dispatched
    if code == "satisfaction_base":
        if settings.satisfaction_base == "all":
            return True
        return row.surveyed or row.satisfaction is not None
    if code == "satisfied":
        return row.satisfaction == "satisfied"
    if code == "flow_decided":
        return _flow_decided(row, indicator, settings)
    if code == "flow_on_time":
        return _flow_on_time(row, indicator)
    if code == "validity_base":
        return _flow_decided(row, indicator, settings) and (
            settings.unsampled == "valid"
            or all(s.valid is not None for s in _steps(row, indicator))
        )
    if code == "flow_valid":
        return _flow_on_time(row, indicator) and all(
            s.valid is not False for s in _steps(row, indicator)
        )
    if code == "quality_base":
        return _flow_decided(row, indicator, settings) and (
            settings.unsampled == "valid" or row.qualified is not None
        )
    if code == "quality_ok":
        return _flow_on_time(row, indicator) and row.qualified is not False
    if code == "delayed":
        return any(
            s.outcome == "missed" and s.delay_hours > 0 for s in _steps(row, indicator)
        )
    if code == "handling_base":
        return settings.handling_base == "all" or row.handling is not None
    if code == "service_caused":
        return row.service_caused and row.substantiated
    raise InvalidInputError(f"measure {code!r} is not a row measure", code=code)


def quantity(code: str, row: TicketFacts, indicator: Indicator) -> Decimal:
    """The quantity a ``mean`` indicator sums (hours)."""
    if code == "delay_hours":
        return sum((s.delay_hours for s in _steps(row, indicator)), Decimal(0))
    return row.handling or Decimal(0)


def counts(
    indicator: Indicator,
    rows: Iterable[TicketFacts],
    settings: KpiSettings = DEFAULT_SETTINGS,
) -> Counts:
    """The numerator and denominator of ``indicator`` over ``rows``.

    ``external`` indicators count their numerator here (complaints); their
    denominator (customers) comes from :func:`evaluate`'s ``base``.
    """
    numerator: Decimal = Decimal(0)
    denominator = 0
    for row in rows:
        if indicator.scope == "escalated" and not row.escalated:
            continue
        if _excluded(row, indicator):
            continue
        if indicator.method == "external":
            numerator += measure(indicator.numerator, row, indicator, settings)
            continue
        if not measure(indicator.denominator, row, indicator, settings):
            continue
        denominator += 1
        if indicator.method == "mean":
            numerator += quantity(indicator.quantity, row, indicator)
        elif measure(indicator.numerator, row, indicator, settings):
            numerator += 1
    return Counts(numerator, denominator)


def _round(ratio: Fraction, indicator: Indicator) -> Decimal:
    scaled = ratio * Fraction(indicator.scale) * 10**indicator.places
    # ROUND_HALF_UP on the exact fraction (values are never negative).
    units = (2 * scaled.numerator + scaled.denominator) // (2 * scaled.denominator)
    return Decimal(units).scaleb(-indicator.places)


def from_counts(
    indicator: Indicator,
    total: Counts,
    period: str | None = None,
    settings: KpiSettings = DEFAULT_SETTINGS,
) -> Result:
    """The value of ``indicator`` for ``total`` (one day's counts or the sum
    of a period's), with its target for ``period``."""
    target = indicator.target_for(period)
    if indicator.method == "count":
        exact = Fraction(total.numerator)
        value = Decimal(total.numerator)
        ratio = exact
    elif total.denominator == 0:
        return Result(indicator.code, total, None, None, target, None)
    else:
        ratio = Fraction(Decimal(total.numerator)) / total.denominator
        exact = ratio * Fraction(indicator.scale)
        value = _round(ratio, indicator)
    met = None
    if target is not None:
        compared = value if settings.target_comparison == "rounded" else exact
        met = target.met_by(Fraction(compared))
    return Result(indicator.code, total, ratio, value, target, met)


def evaluate(
    indicator: Indicator,
    rows: Iterable[TicketFacts],
    settings: KpiSettings = DEFAULT_SETTINGS,
    *,
    period: str | None = None,
    base: int | None = None,
) -> Result:
    """Evaluate ``indicator`` over ``rows`` for a period of kind ``period``.

    ``base`` is the outside denominator of an ``external`` indicator (the
    customers of the business, S000-R126, S000-R142); it is refused for the
    others.
    """
    total = counts(indicator, rows, settings)
    if indicator.method == "external":
        if base is None:
            raise InvalidInputError(
                f"indicator {indicator.code!r} needs its base", code=indicator.code
            )
        total = Counts(total.numerator, to_count(base, "base"))
    elif base is not None:
        raise InvalidInputError(
            f"indicator {indicator.code!r} takes no base", code=indicator.code
        )
    return from_counts(indicator, total, period, settings)


def evaluate_counts(
    indicator: Indicator,
    numerator,
    denominator: int,
    settings: KpiSettings = DEFAULT_SETTINGS,
    *,
    period: str | None = None,
) -> Result:
    """Evaluate from counts kept outside the ticket system (the hotline's
    calls answered within the threshold and calls requesting an agent,
    S000-R149)."""
    numerator = to_count(numerator, "numerator")
    denominator = to_count(denominator, "denominator")
    if numerator > denominator:
        raise InvalidInputError("numerator exceeds denominator", code=indicator.code)
    return from_counts(
        indicator, Counts(Decimal(numerator), denominator), period, settings
    )


def evaluate_year_by_months(
    indicator: Indicator,
    monthly: Iterable[Counts],
    settings: KpiSettings = DEFAULT_SETTINGS,
) -> tuple[Result, tuple[Result, ...], bool | None]:
    """A year from its months: the year's result, each month's, and whether
    both the yearly and every monthly target are met (S000-R150: "每月至多1次,
    全年少于4次"); ``None`` when the indicator has no target."""
    months = tuple(from_counts(indicator, c, "month", settings) for c in monthly)
    year = from_counts(
        indicator, sum((m.counts for m in months), Counts()), "year", settings
    )
    checks = [r.met for r in (year, *months) if r.met is not None]
    return year, months, (all(checks) if checks else None)

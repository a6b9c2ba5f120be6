"""KPI indicators, statistics periods and staff accountability: the pure
rules of the ``complaint_kpi`` addon.

One job per module; this package exposes their public names:

* :mod:`.facts` — :class:`TicketFacts` and :class:`StepFact`, the plain
  per-ticket facts the formulas read;
* :mod:`.indicator` — :class:`Indicator` definitions (numerator,
  denominator, exclusions, rounding, targets) and :class:`KpiSettings`, the
  open definitions with their defaults;
* :mod:`.evaluate` — :func:`evaluate` one indicator over rows, returning an
  exact :class:`Result`; :class:`Counts` and :func:`from_counts` for
  snapshots;
* :mod:`.periods` — day/week/month/quarter/year in a time zone, and
  :func:`aggregate` of daily snapshots by summing counts;
* :mod:`.accountability` — staff consequences of confirmed complaints
  (seed 002) as proposals;
* :mod:`.analysis` — complaint-free-year candidates and the month-end
  analysis inputs.

The seeds' indicators and staff rules are rulebook data in
:mod:`complaint_rules.presets` (``kpi_telecom``, ``kpi_hospital``).
"""

from .accountability import (
    BONUS_MONTHS,
    WINDOWS,
    ConfirmedComplaint,
    GradeSanction,
    Proposal,
    StaffRules,
    TitleRule,
    may_return_to_post,
    staff_consequences,
    title_consequence,
)
from .analysis import GradedComplaint, MonthlyAnalysis, complaint_free, monthly_analysis
from .evaluate import (
    Counts,
    Result,
    counts,
    evaluate,
    evaluate_counts,
    evaluate_year_by_months,
    from_counts,
)
from .facts import OUTCOMES, SATISFACTION, StepFact, TicketFacts
from .indicator import (
    DEFAULT_SETTINGS,
    MEASURES,
    METHODS,
    Indicator,
    IndicatorSet,
    KpiSettings,
    Target,
)
from .periods import Period, Snapshot, aggregate, local_day, period_of, period_of_moment

__all__ = [
    "BONUS_MONTHS",
    "DEFAULT_SETTINGS",
    "MEASURES",
    "METHODS",
    "OUTCOMES",
    "SATISFACTION",
    "WINDOWS",
    "ConfirmedComplaint",
    "Counts",
    "GradeSanction",
    "GradedComplaint",
    "Indicator",
    "IndicatorSet",
    "KpiSettings",
    "MonthlyAnalysis",
    "Period",
    "Proposal",
    "Result",
    "Snapshot",
    "StaffRules",
    "StepFact",
    "Target",
    "TicketFacts",
    "TitleRule",
    "aggregate",
    "complaint_free",
    "counts",
    "evaluate",
    "evaluate_counts",
    "evaluate_year_by_months",
    "from_counts",
    "local_day",
    "may_return_to_post",
    "monthly_analysis",
    "period_of",
    "period_of_moment",
    "staff_consequences",
    "title_consequence",
]

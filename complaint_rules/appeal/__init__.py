"""Regulator appeals: the pure rules of the ``regulator_appeal`` addon.

One job per module; this package exposes their public names:

* :mod:`.plan` — the staged internal plan (:class:`StagePlan`), its two
  readings and :func:`plan_deadlines` (each stage's deadline and the overall
  cap on China working days);
* :mod:`.bodies` — regulator bodies (:class:`RegulatorBody`) and their
  clocks (:class:`Clock`), :func:`clock_deadline` and :func:`body_deadlines`;
* :mod:`.supervision` — the 催办 → 督办 → 通报 ladder of an overdue appeal,
  :func:`supervision_status` and the S000-R158 :func:`assessable` check;
* :mod:`.classify` — S000-R155 sources, filed vs non-filed appeals, and the
  customer's appeal and re-appeal counts.

The seeds' plans, bodies and ladders are rulebook data in
:mod:`complaint_rules.presets` (``regulators``, ``regulators_001``,
``regulators_003``, ``regulators_004``).
"""

from .bodies import (
    LEVELS,
    PARTIES,
    Clock,
    RegulatorBody,
    body_deadlines,
    clock_deadline,
)
from .classify import (
    ORIGINS,
    SOURCES,
    AppealClass,
    AppealRecord,
    appeal_count,
    classify_appeal,
    is_filed,
    reappeal_count,
)
from .plan import (
    READINGS,
    RECEIPT,
    PlanResult,
    Stage,
    StageDeadline,
    StagePlan,
    plan_deadlines,
)
from .supervision import (
    Ladder,
    Rung,
    RungDue,
    SupervisionStatus,
    assessable,
    rung_schedule,
    supervision_status,
)

__all__ = [
    "LEVELS",
    "ORIGINS",
    "PARTIES",
    "READINGS",
    "RECEIPT",
    "SOURCES",
    "AppealClass",
    "AppealRecord",
    "Clock",
    "Ladder",
    "PlanResult",
    "RegulatorBody",
    "Rung",
    "RungDue",
    "Stage",
    "StageDeadline",
    "StagePlan",
    "SupervisionStatus",
    "appeal_count",
    "assessable",
    "body_deadlines",
    "classify_appeal",
    "clock_deadline",
    "is_filed",
    "plan_deadlines",
    "reappeal_count",
    "rung_schedule",
    "supervision_status",
]

"""SLA policies, step deadlines, warnings, pauses and extensions.

The pure core of the ``complaint_sla`` addon. Nothing here imports Odoo: the
addon turns its ``complaint.sla.policy`` records into :class:`Policy` objects,
builds a :class:`~complaint_rules.calendar.WorkCalendar` from its
``resource.calendar`` and holiday years, and calls these functions.

One job per module; this package exposes their public names:

* :mod:`.policy` — steps, :class:`StepLimit`, :class:`Policy`, matching a
  ticket (:class:`TicketProfile`) and choosing the limit of each slot
  (:func:`select_limits`, most specific policy wins);
* :mod:`.clock` — a running limit's deadline and warning (:func:`plan`),
  pauses and extensions (a clock's status is
  :func:`complaint_rules.deadline_status.line_status`, one rule for every
  caller);
* :mod:`.holidays` — China's days off and make-up working days (调休) of a
  year, for the holiday years a calendar is built from.

The seeds' SLA policies are rulebook data in :mod:`complaint_rules.presets`
(look them up with :func:`complaint_rules.presets.sla_policies`).
"""

from .clock import (
    Clock,
    ExtensionError,
    check_extension,
    extend_clock,
    plan,
    resume_clock,
    subtract_working_time,
    warning_before,
    warning_lead,
)
from .holidays import (
    HOLIDAY_NAMES_ZH,
    HolidayRun,
    china_holidays,
    china_makeup_workdays,
    year_overrides,
)
from .policy import (
    ANONYMITY,
    BREACH_ACTIONS,
    CAP_MODES,
    DEFAULT_WARN_RATIO,
    END_STEPS,
    ORG_LEVELS,
    STEP_RANK,
    STEPS,
    TERMINAL_STEPS,
    Policy,
    Selected,
    StepLimit,
    TicketProfile,
    closes,
    limits_starting,
    matching_policies,
    rank_key,
    select_limits,
)

__all__ = [
    "ANONYMITY",
    "BREACH_ACTIONS",
    "CAP_MODES",
    "DEFAULT_WARN_RATIO",
    "END_STEPS",
    "HOLIDAY_NAMES_ZH",
    "ORG_LEVELS",
    "STEPS",
    "STEP_RANK",
    "TERMINAL_STEPS",
    "Clock",
    "ExtensionError",
    "HolidayRun",
    "Policy",
    "Selected",
    "StepLimit",
    "TicketProfile",
    "check_extension",
    "china_holidays",
    "china_makeup_workdays",
    "closes",
    "extend_clock",
    "limits_starting",
    "matching_policies",
    "plan",
    "rank_key",
    "resume_clock",
    "select_limits",
    "subtract_working_time",
    "warning_before",
    "warning_lead",
    "year_overrides",
]

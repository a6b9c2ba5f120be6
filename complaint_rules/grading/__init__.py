"""Complaint grading: facts, configurable criteria and schemes.

One job per module; this package exposes their public names:

* :mod:`.facts` — what is known about a ticket (:class:`TicketFacts`) and
  the vocabularies of its facts (:data:`FACT_FLAGS`, ordinal levels);
* :mod:`.scheme` — grades, criteria, time limits, the
  :class:`GradingScheme` and :func:`evaluate` (the most severe matching grade
  wins);
* :mod:`.codec` — schemes as plain dicts for Odoo records, and back;
* :mod:`.repeats` — :func:`count_repeats`, earlier tickets of the same
  complainant within a window.

The seeds' schemes are rulebook data in :mod:`complaint_rules.presets`
(look one up with :func:`complaint_rules.presets.grading_scheme`).
"""

from .codec import (
    criterion_from_dict,
    criterion_to_dict,
    scheme_from_dict,
    scheme_from_dicts,
    scheme_to_dict,
)
from .facts import (
    CONDUCT_LEVELS,
    FACT_FLAGS,
    HARM_LEVELS,
    IMPACT_LEVELS,
    TicketFacts,
)
from .repeats import count_repeats, unresolved_for_a_month, window_start
from .scheme import (
    DURATION_UNITS,
    Duration,
    Grade,
    GradeCriterion,
    GradeLimit,
    GradeResult,
    GradingScheme,
    evaluate,
)

__all__ = [
    "CONDUCT_LEVELS",
    "DURATION_UNITS",
    "FACT_FLAGS",
    "HARM_LEVELS",
    "IMPACT_LEVELS",
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
    "unresolved_for_a_month",
    "window_start",
]

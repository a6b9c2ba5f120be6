# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The SQL re-statement of :mod:`complaint_rules.kpi.evaluate`.

The indicators are the rulebook's (preset ``kpi_telecom``); this module only
translates each *measure* of :func:`complaint_rules.kpi.evaluate.measure`
into a boolean SQL expression over one row of the fact view
(``complaint_kpi_fact``, alias ``f``) and the settings of the ticket's
company (alias ``c``), and builds each indicator's numerator/denominator
column pair from the indicator's definition exactly as
:func:`complaint_rules.kpi.evaluate.counts` does:

* a row outside the scope (S000-R137 escalated) or excluded (other kinds,
  merged, not accepted) counts nowhere;
* ``ratio`` / ``count``: the denominator counts rows of the denominator
  measure; the numerator counts those rows that also pass the numerator
  measure (a numerator never exceeds its denominator);
* ``mean``: the numerator sums the quantity over the denominator's rows;
* ``external``: the numerator counts the rows in scope, the denominator
  (customers, S000-R126 / S000-R142) comes from outside (the company's
  customer base), 0 here.

``tests/test_kpi_sql_matches_rules.py`` checks, on a seeded set and for
every settings variant, that these columns sum to ``kpi.counts()``.
"""

from complaint_rules import presets

#: The rulebook the addon evaluates (S000-R125..R132, S000-R142..R150).
KPI = presets.kpi_indicators("telecom")

#: Indicators computed from tickets. S000-R149 (hotline service level) counts
#: calls of the telephony system, not tickets: it has no column here.
TICKET_INDICATORS = tuple(ind for ind in KPI.indicators if ind.numerator != "external")

# One SQL expression per measure (the docstring of each branch of
# complaint_rules.kpi.evaluate.measure, re-stated). Settings default as in
# KpiSettings when a company column is empty.
_PENDING = "COALESCE(c.kpi_pending, 'exclude')"
_UNSAMPLED = "COALESCE(c.kpi_unsampled, 'exclude')"
_FLOW_DECIDED = f"(f.n_steps > 0 AND ({_PENDING} = 'missed' OR f.n_pending = 0))"
_FLOW_ON_TIME = "(f.n_steps > 0 AND f.n_met = f.n_steps)"
MEASURE_SQL = {
    "in_scope": "TRUE",
    # S000-R127/R143/R148: a running deadline is left out unless read as missed.
    "decided": f"(f.closure <> 'pending' OR {_PENDING} = 'missed')",
    "closed_on_time": "(f.closure = 'met' AND f.resolved)",
    # S000-R128: closed within the limit without dispatch.
    "first_time": "(f.closure = 'met' AND f.resolved AND NOT f.dispatched)",
    # S000-R129: surveyed (or an attitude recorded at the reply), or everyone.
    "satisfaction_base": (
        "(COALESCE(c.kpi_satisfaction_base, 'surveyed') = 'all' "
        "OR f.surveyed OR f.satisfaction IS NOT NULL)"
    ),
    "satisfied": "(f.satisfaction = 'satisfied')",
    # S000-R130/R145: every step decided / every step within its limit.
    "flow_decided": _FLOW_DECIDED,
    "flow_on_time": _FLOW_ON_TIME,
    # S000-R131/R146: the sampling verdict (one per ticket, for every step).
    "validity_base": (
        f"({_FLOW_DECIDED} AND ({_UNSAMPLED} = 'valid' OR f.qualified IS NOT NULL))"
    ),
    "flow_valid": f"({_FLOW_ON_TIME} AND f.qualified IS DISTINCT FROM FALSE)",
    "quality_base": (
        f"({_FLOW_DECIDED} AND ({_UNSAMPLED} = 'valid' OR f.qualified IS NOT NULL))"
    ),
    "quality_ok": f"({_FLOW_ON_TIME} AND f.qualified IS DISTINCT FROM FALSE)",
    # S000-R132: a step missed with a delay.
    "delayed": "(f.n_delayed > 0)",
    # S000-R147: closed complaints (they have a handling time), or all.
    "handling_base": (
        "(COALESCE(c.kpi_handling_base, 'closed') = 'all' "
        "OR f.handling_hours IS NOT NULL)"
    ),
    # S000-R150: verified (substantiated) service-caused complaints.
    "service_caused": "(f.service_caused AND f.substantiated)",
}
QUANTITY_SQL = {
    "delay_hours": "f.delay_hours",
    "handling_hours": "COALESCE(f.handling_hours, 0)",
}
EXCLUSION_SQL = {
    "not_complaint": "f.complaint_kind = 'complaint'",
    "merged": "NOT f.merged",
    "not_accepted": "f.accepted",
}


def row_filter(indicator):
    """Scope and exclusions of ``indicator`` (evaluate.counts's skips)."""
    parts = ["TRUE"]
    if indicator.scope == "escalated":
        parts.append("f.escalated")
    parts += [EXCLUSION_SQL[code] for code in indicator.exclusions]
    return " AND ".join(parts)


def pair_sql(indicator):
    """``(numerator_sql, denominator_sql)`` of one ticket row."""
    if indicator.step is not None:
        raise NotImplementedError(
            f"{indicator.code}: per-step indicators have no column"
        )
    scope = row_filter(indicator)
    if indicator.method == "external":
        return f"(CASE WHEN {scope} THEN 1 ELSE 0 END)", "0"
    den = f"({scope} AND {MEASURE_SQL[indicator.denominator]})"
    if indicator.method == "mean":
        quantity = QUANTITY_SQL[indicator.quantity]
        num = f"(CASE WHEN {den} THEN {quantity} ELSE 0 END)::numeric"
    else:
        both = f"{den} AND {MEASURE_SQL[indicator.numerator]}"
        num = f"(CASE WHEN {both} THEN 1 ELSE 0 END)"
    return num, f"(CASE WHEN {den} THEN 1 ELSE 0 END)"


def pair_columns():
    """``code_num`` / ``code_den`` / ``code_value`` select items."""
    items = []
    for indicator in TICKET_INDICATORS:
        num, den = pair_sql(indicator)
        code = indicator.code
        items.append(f"{num} AS {code}_num")
        items.append(f"{den} AS {code}_den")
        items.append(f"NULL::double precision AS {code}_value")
    return ",\n".join(items)


def unpivot_sql(alias="r"):
    """A ``CROSS JOIN LATERAL (VALUES ...) v(indicator, num, den)`` turning
    the pairs of a report row into one row per indicator."""
    values = ", ".join(
        f"('{ind.code}', {alias}.{ind.code}_num::numeric, {alias}.{ind.code}_den)"
        for ind in TICKET_INDICATORS
    )
    return f"CROSS JOIN LATERAL (VALUES {values}) AS v(indicator, num, den)"

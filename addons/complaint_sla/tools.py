# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Glue between complaint_rules.sla and Odoo: units, time conversions,
translated error messages."""

from odoo.addons.complaint_core.tools import rules_error_message

from complaint_rules import sla as rules_sla
from complaint_rules.calendar import from_utc_naive, to_utc_naive

UNITS = [
    ("hours", "Hours"),
    ("working_hours", "Working hours"),
    ("working_days", "Working days"),
    ("calendar_days", "Calendar days"),
    # S002-R016 当日: the close of the working day the step started.
    ("same_working_day", "Same working day"),
]
BREACH_ACTIONS = [
    ("escalate", "Escalate one level up"),
    ("notify", "Notify the manager"),
    ("both", "Escalate and notify"),
    ("none", "Record only"),
]
CAP_MODES = [
    ("extension", "Each extension"),
    ("total", "Whole limit from its start"),
]
# Steps with a clock and the steps a clock may run until (complaint_rules.sla).
SLA_STEPS = [
    ("received", "Received"),
    ("dispatched", "Dispatched"),
    ("handling", "Handling"),
    ("replied", "Replied"),
    ("revisit", "Revisit"),
]
END_STEPS = [
    ("dispatched", "Dispatched"),
    ("handling", "Handling"),
    ("replied", "Replied"),
    ("revisit", "Revisit"),
    ("closed", "Closed"),
]


def step_limit(record, rule_ids=()):
    """A :class:`complaint_rules.sla.StepLimit` from a record holding the limit
    fields: a policy line, or the copy a deadline line keeps. Float fields go
    in as they are; the rules convert them exactly (``coerce.to_amount``)."""
    return rules_sla.StepLimit(
        step=record.step,
        amount=record.amount,
        unit=record.unit,
        end_step=record.end_step or "",
        warn_ratio=record.warn_ratio or 0,
        breach_action=record.breach_action or "none",
        max_extensions=record.max_extensions,
        extension_cap=record.extension_cap or None,
        extension_unit=record.extension_unit or None,
        extension_cap_mode=record.extension_cap_mode or "extension",
        rule_ids=rule_ids,
    )


def aware(value, tz_name):
    """Naive UTC (Odoo) -> aware datetime in ``tz_name``; False stays None."""
    return from_utc_naive(value, tz_name) if value else None


def naive(value):
    """Aware datetime -> naive UTC for Odoo; None stays False."""
    return to_utc_naive(value) if value else False


def sla_error_message(env, exc):
    """Translated message for a RuleError raised by complaint_rules.sla: the
    extension limits here, the rest by complaint_core's rules_error_message."""
    params = getattr(exc, "params", {}) or {}
    reason = params.get("reason")
    if reason == "count":
        return env._(
            "This deadline allows %(count)s extension(s); no more can be granted.",
            count=params.get("max"),
        )
    if reason == "unit":
        return env._(
            "Extensions of this deadline are counted in %(unit)s.",
            unit=dict(UNITS).get(params.get("unit"), params.get("unit")),
        )
    if reason == "cap":
        return env._(
            "An extension of this deadline may not exceed %(cap)s %(unit)s.",
            cap=params.get("cap"),
            unit=dict(UNITS).get(params.get("unit"), params.get("unit")),
        )
    if reason == "cap_total":
        return env._(
            "With this extension the step would take more than %(cap)s %(unit)s "
            "in all.",
            cap=params.get("cap"),
            unit=dict(UNITS).get(params.get("unit"), params.get("unit")),
        )
    # Everything else is mapped in one place, complaint_core's.
    return rules_error_message(env, exc)


class FollowedPairs:
    """The (ticket id, partner id) pairs an SLA scan has just made followers
    in one batch. Put in the context of the scan's activity create, it lets
    ``helpdesk.ticket.message_subscribe`` skip its per-user re-check of those
    very pairs. A Python object: a context sent over RPC holds only JSON
    values, so no client can forge it."""

    __slots__ = ("pairs",)

    def __init__(self, pairs):
        self.pairs = frozenset(pairs)

    def covers(self, res_ids, partner_ids):
        return bool(res_ids) and all(
            (res_id, partner_id) in self.pairs
            for res_id in res_ids
            for partner_id in partner_ids
        )


FOLLOWED_KEY = "complaint_sla_followed"

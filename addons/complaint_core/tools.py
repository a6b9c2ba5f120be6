# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Glue between the pure rules package and Odoo."""

import pytz

from odoo import fields

#: The company timezone when the company's partner has none.
DEFAULT_TZ = "Asia/Shanghai"


def local_time_text(value, tz_name=None):
    """``value`` (naive UTC, as Odoo stores it) as a person reads it: local
    time in ``tz_name`` with the zone, e.g. ``2026-12-02 17:00 CST``."""
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    local = pytz.utc.localize(fields.Datetime.to_datetime(value)).astimezone(tz)
    return local.strftime("%Y-%m-%d %H:%M %Z")


def rules_error_message(env, exc):
    """Translated message for a :class:`complaint_rules.errors.RuleError`,
    chosen by its ``code``; the rule's own (English) text is kept as detail."""
    code = getattr(exc, "code", "")
    if code == "no_applicable_rule":
        return env._(
            "No row of the delegation matrix covers this item with these amounts; "
            "ask head office to complete the matrix. (%(detail)s)",
            detail=str(exc),
        )
    if code == "calendar_range":
        return env._(
            "No China holiday data for year %(year)s yet: load that year's "
            "public holidays and make-up workdays (Configuration > Holiday "
            "years) or update the chinese-calendar package. (%(detail)s)",
            year=(getattr(exc, "params", {}) or {}).get("year", "?"),
            detail=str(exc),
        )
    return env._("Invalid input: %(detail)s", detail=str(exc))

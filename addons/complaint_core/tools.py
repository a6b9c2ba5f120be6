# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Glue between the pure rules package and Odoo."""


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

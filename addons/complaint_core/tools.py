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
            "The holiday calendar does not cover this date yet; update the "
            "chinese-calendar package or add the year's holidays by hand. "
            "(%(detail)s)",
            detail=str(exc),
        )
    return env._("Invalid input: %(detail)s", detail=str(exc))

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Glue between the pure rules package and Odoo."""


def rules_error_message(env, exc):
    """Translated message for a :class:`complaint_rules.errors.RuleError`."""
    return env._("Invalid input: %(detail)s", detail=str(exc))

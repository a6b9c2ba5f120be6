# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from complaint_rules import appeal as rules_appeal

from .regulator_body import _ids


class RegulatorAppealRung(models.Model):
    """One rung of the supervision ladder of an overdue appeal: 催办, 督办,
    通报批评 (S000-R098, S000-R085, S000-R158). The seeds name the rungs,
    not their spacing: ``after_working_days`` is configuration."""

    _name = "regulator.appeal.rung"
    _description = "Regulator Appeal Supervision Rung"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "regulator.appeal.plan", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    name_en = fields.Char(string="English name")
    after_working_days = fields.Integer(
        string="After (working days)",
        help="Working days after the rung before (the first: after the appeal "
        "became overdue); 0: at once.",
    )
    escalate_levels = fields.Integer(
        string="Escalate (levels)",
        default=1,
        help="How many company levels the appeal goes up when the rung is reached.",
    )
    tighten_working_days = fields.Integer(
        string="Tighten to (working days)",
        help="When set, the appeal's running plan deadlines are cut to this "
        "many working days after the rung. No seed sets a number for the "
        "telecom ladder: 0 (no tightening) by default.",
    )
    rule_ref = fields.Char(string="Rules")

    _sql_constraints = [
        (
            "code_plan_unique",
            "unique(plan_id, code)",
            "A rung code appears once per ladder.",
        ),
        (
            "days_positive",
            "CHECK(after_working_days >= 0 AND escalate_levels >= 0 "
            "AND tighten_working_days >= 0)",
            "Day counts and levels of a rung cannot be negative.",
        ),
    ]

    def _to_rules(self):
        self.ensure_one()
        return rules_appeal.Rung(
            code=self.code,
            label_zh=self.name or "",
            label_en=self.name_en or "",
            after_working_days=self.after_working_days,
            rule_ids=tuple(_ids(self.rule_ref)),
            escalate_levels=self.escalate_levels,
        )

    @api.constrains("code", "after_working_days", "escalate_levels")
    def _check_plan(self):
        for plan in self.plan_id:
            plan._check_rules()

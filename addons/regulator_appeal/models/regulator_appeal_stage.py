# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.complaint_sla.tools import UNITS

from complaint_rules import appeal as rules_appeal

from .regulator_body import _ids, _number

# The ticket event that completes a stage (its actual end anchors the stages
# after it: plan_deadlines(done=...)).
DONE_EVENTS = [
    ("dispatched", "The appeal is dispatched"),
    ("branch_feedback", "The branch fed back"),
    ("reply_sent", "The reply was sent to the regulator"),
    ("none", "Not recorded"),
]
DONE_FIELDS = {
    "dispatched": "date_dispatched",
    "branch_feedback": "appeal_branch_feedback_at",
    "reply_sent": "appeal_reply_sent_at",
}


class RegulatorAppealStage(models.Model):
    """One stage of a plan: a window ``opens``-``closes`` ``unit`` after its
    anchor (S000-R156: 受理派发 0-24小时, 分公司处理反馈 24-96小时, 总部反馈
    24-48小时)."""

    _name = "regulator.appeal.stage"
    _description = "Regulator Appeal Plan Stage"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "regulator.appeal.plan", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    name_en = fields.Char(string="English name")
    opens = fields.Float(digits=(16, 2))
    closes = fields.Float(required=True, digits=(16, 2))
    unit = fields.Selection(UNITS, required=True, default="hours")
    anchor = fields.Char(
        required=True,
        default="receipt",
        help="receipt, or the code of an earlier stage whose end the window "
        "is counted from.",
    )
    done_event = fields.Selection(DONE_EVENTS, required=True, default="none")
    rule_ref = fields.Char(string="Rules")

    def _to_rules(self):
        self.ensure_one()
        return rules_appeal.Stage(
            code=self.code,
            label_zh=self.name or "",
            label_en=self.name_en or "",
            closes=_number(self.closes),
            unit=self.unit,
            opens=_number(self.opens),
            anchor=self.anchor or rules_appeal.RECEIPT,
            rule_ids=tuple(_ids(self.rule_ref)),
        )

    @api.constrains("code", "opens", "closes", "unit", "anchor", "sequence")
    def _check_plan(self):
        for plan in self.plan_id:
            plan._check_rules()

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintSettlementDecisionWizard(models.TransientModel):
    """Approve or reject a settlement proposal with a comment."""

    _name = "complaint.settlement.decision.wizard"
    _description = "Settlement Decision"

    settlement_id = fields.Many2one(
        "complaint.settlement",
        required=True,
        default=lambda self: self.env.context.get("active_id"),
    )
    comment = fields.Text()

    def action_approve(self):
        self.settlement_id.action_approve(self.comment)
        return {"type": "ir.actions.act_window_close"}

    def action_reject(self):
        self.settlement_id.action_reject(self.comment)
        return {"type": "ir.actions.act_window_close"}

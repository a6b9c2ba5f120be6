# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintKpiRegenerateWizard(models.TransientModel):
    _name = "complaint.kpi.regenerate.wizard"
    _description = "Regenerate a KPI period"

    period_id = fields.Many2one("complaint.kpi.period", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.period_id.action_regenerate(self.reason)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class WhistleblowerFeedbackWizard(models.TransientModel):
    _name = "whistleblower.feedback.wizard"
    _description = "Record the Feedback to a Reporter"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    note = fields.Text(string="How and what the reporter was told", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.wb_record_feedback(self.note)
        return {"type": "ir.actions.act_window_close"}

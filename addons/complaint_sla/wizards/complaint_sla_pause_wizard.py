# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintSlaPauseWizard(models.TransientModel):
    _name = "complaint.sla.pause.wizard"
    _description = "Pause the Deadlines of a Ticket"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    reason = fields.Text(
        required=True, help="What the complainant has been asked for (挂起原因)."
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.sla_pause(self.reason)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..tools import UNITS


class ComplaintSlaExtensionWizard(models.TransientModel):
    _name = "complaint.sla.extension.wizard"
    _description = "Request an Extension of a Deadline"

    # Nobody approves their own request (four eyes), so the wizard only asks:
    # the approvers decide under Deadline extensions.

    ticket_id = fields.Many2one("helpdesk.ticket", required=True)
    deadline_id = fields.Many2one(
        "complaint.ticket.deadline",
        required=True,
        domain="[('ticket_id', '=', ticket_id), ('state', '=', 'open'), "
        "('breached_at', '=', False)]",
    )
    amount = fields.Float(required=True, default=1.0, digits=(16, 2))
    unit = fields.Selection(
        UNITS, compute="_compute_unit", store=True, readonly=False, required=True
    )
    reason = fields.Text(required=True)

    @api.depends("deadline_id")
    def _compute_unit(self):
        for wizard in self:
            line = wizard.deadline_id
            wizard.unit = (
                line.extension_unit or line.unit or wizard.unit or "working_days"
            )

    def action_request(self):
        self.ensure_one()
        self.ticket_id.sla_request_extension(
            self.deadline_id, self.amount, self.unit, self.reason
        )
        return {"type": "ir.actions.act_window_close"}

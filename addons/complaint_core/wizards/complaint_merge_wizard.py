# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintMergeWizard(models.TransientModel):
    """Merge a duplicate ticket into its master (多口归一)."""

    _name = "complaint.merge.wizard"
    _description = "Merge Duplicate Complaint"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
    master_id = fields.Many2one(
        "helpdesk.ticket",
        string="Master ticket",
        required=True,
        domain="[('id', '!=', ticket_id), "
        "('complaint_step', 'not in', ('merged', 'rejected'))]",
    )

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.complaint_merge_into(self.master_id)
        return {"type": "ir.actions.act_window_close"}

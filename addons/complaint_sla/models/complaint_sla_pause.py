# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintSlaPause(models.Model):
    """A pause (挂起) of a ticket's clocks while waiting on the complainant."""

    _name = "complaint.sla.pause"
    _description = "Complaint SLA Pause"
    _order = "date_start desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    reason = fields.Text(required=True)
    date_start = fields.Datetime(string="Paused at", required=True)
    date_end = fields.Datetime(string="Resumed at")
    user_id = fields.Many2one("res.users", string="Paused by")
    company_id = fields.Many2one(related="ticket_id.company_id", string="Company")

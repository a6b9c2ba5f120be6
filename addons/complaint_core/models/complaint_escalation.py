# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintEscalation(models.Model):
    """One step of a ticket up the escalation chain (city -> province ->
    head office)."""

    _name = "complaint.escalation"
    _description = "Complaint Escalation"
    _order = "create_date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    from_company_id = fields.Many2one("res.company", required=True)
    to_company_id = fields.Many2one("res.company", required=True)
    reason = fields.Text(required=True)
    trigger = fields.Selection(
        [
            ("manual", "Manual"),
            ("revisit", "Dissatisfied revisit"),
            ("sla", "Deadline breach"),
        ],
        required=True,
        default="manual",
    )
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ComplaintDispatchOrder(models.Model):
    """Dispatch order (交办单): the written instruction that hands a ticket to
    the unit that must handle it, with a deadline (S002-R0xx, seed 002 D1
    服务态度投诉交办单). Printable as PDF."""

    _name = "complaint.dispatch.order"
    _description = "Complaint Dispatch Order"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _rec_name = "number"

    number = fields.Char(readonly=True, copy=False, default="/", index=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    unit_company_id = fields.Many2one(
        "res.company", string="Handling unit", required=True
    )
    team_id = fields.Many2one("helpdesk.ticket.team", string="Handling team")
    user_id = fields.Many2one("res.users", string="Handler")
    instructions = fields.Text(required=True)
    deadline = fields.Datetime(required=True)
    dispatched_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    dispatch_date = fields.Datetime(default=fields.Datetime.now, readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        seq = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("number", "/") == "/":
                vals["number"] = seq.next_by_code("complaint.dispatch.order") or "/"
        return super().create(vals_list)

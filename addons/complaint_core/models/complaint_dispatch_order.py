# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..integrity import check_input_types, check_protected, in_lifecycle
from ..tools import local_time_text

# A dispatch deadline lies after the dispatch and at most this far ahead.
MAX_DEADLINE_DAYS = 366


class ComplaintDispatchOrder(models.Model):
    """Dispatch order (交办单): the written instruction that hands a ticket to
    the unit that must handle it, with a deadline (S002-R015, seed 002 D1
    服务态度投诉交办单). Printable as PDF."""

    _name = "complaint.dispatch.order"
    _description = "Complaint Dispatch Order"
    _inherit = ["complaint.mail.sender.mixin"]
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

    # Everything but the chatter is the dispatch's record: written once, by
    # complaint_dispatch() (issue 9: no second 交办单 outside the lifecycle).
    _PROTECTED = frozenset(
        {
            "number",
            "ticket_id",
            "unit_company_id",
            "team_id",
            "user_id",
            "instructions",
            "deadline",
            "dispatched_by_id",
            "dispatch_date",
        }
    )

    @api.model_create_multi
    def create(self, vals_list):
        seq = self.env["ir.sequence"]
        for vals in vals_list:
            check_input_types(self, vals)
            if not in_lifecycle(self.env):
                check_protected(self, vals, self._PROTECTED)
            vals["number"] = seq.next_by_code("complaint.dispatch.order") or "/"
            vals["dispatched_by_id"] = self.env.uid
            vals["dispatch_date"] = fields.Datetime.now()
        return super().create(vals_list)

    def write(self, vals):
        check_input_types(self, vals)
        check_protected(self, vals, self._PROTECTED)
        return super().write(vals)

    @api.constrains("deadline", "dispatch_date", "instructions")
    def _check_deadline(self):
        for order in self:
            if not (order.instructions or "").strip():
                raise ValidationError(
                    self.env._("A dispatch order needs instructions.")
                )
            start = order.dispatch_date or fields.Datetime.now()
            if order.deadline <= start:
                raise ValidationError(
                    self.env._(
                        "The deadline %(deadline)s of a dispatch order must lie "
                        "after the dispatch (%(start)s).",
                        deadline=order._local_time(order.deadline),
                        start=order._local_time(start),
                    )
                )
            if order.deadline > start + timedelta(days=MAX_DEADLINE_DAYS):
                raise ValidationError(
                    self.env._(
                        "The deadline %(deadline)s of a dispatch order lies more "
                        "than a year ahead.",
                        deadline=order._local_time(order.deadline),
                    )
                )

    def _local_time(self, value):
        """``value`` (UTC) in the company's timezone, with its zone, as a
        person reads it (e.g. 2026-12-02 17:00 CST)."""
        company = self[:1].company_id or self.env.company
        return local_time_text(value, company.partner_id.tz)

    def _local_deadline(self):
        self.ensure_one()
        return self._local_time(self.deadline)

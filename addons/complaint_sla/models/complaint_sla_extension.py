# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from complaint_rules import sla as rules_sla
from complaint_rules.errors import RuleError

from ..tools import UNITS, sla_error_message

MANAGER_GROUP = "complaint_core.group_complaint_manager"


class ComplaintSlaExtension(models.Model):
    """An extension (延期) of one step deadline, approved by a manager.

    The number and size of extensions are limited by the policy line
    (complaint_rules.sla.check_extension), e.g. S002-R023: with the leader in
    charge's consent, not beyond 5 日 in all.
    """

    _name = "complaint.sla.extension"
    _description = "Complaint SLA Extension"
    _order = "create_date desc, id desc"

    deadline_id = fields.Many2one(
        "complaint.ticket.deadline", required=True, ondelete="cascade", index=True
    )
    ticket_id = fields.Many2one(
        related="deadline_id.ticket_id", store=True, index=True, string="Ticket"
    )
    step = fields.Selection(related="deadline_id.step")
    amount = fields.Float(required=True, digits=(16, 2))
    unit = fields.Selection(UNITS, required=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="requested",
        required=True,
        readonly=True,
    )
    requested_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    approver_id = fields.Many2one("res.users", readonly=True)
    decided_at = fields.Datetime(readonly=True)
    old_deadline = fields.Datetime(readonly=True)
    new_deadline = fields.Datetime(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_request(vals)
        records = super().create(vals_list)
        for record in records:
            record.ticket_id.message_post(
                body=self.env._(
                    "Extension of %(amount)s %(unit)s requested for step %(step)s: "
                    "%(reason)s",
                    amount=record.amount,
                    unit=dict(UNITS).get(record.unit),
                    step=dict(
                        record.deadline_id._fields["step"]._description_selection(
                            self.env
                        )
                    ).get(record.step),
                    reason=record.reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
            approver = record._approver()
            if approver:
                # sudo: the requester need not see who approves.
                record.ticket_id.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=approver.id,
                    summary=self.env._("Approve or refuse a deadline extension"),
                )
        return records

    def _approver(self):
        """The team leader, else the nearest branch manager above the
        ticket's company."""
        self.ensure_one()
        ticket = self.ticket_id.sudo()
        if ticket.team_id.user_id:
            return ticket.team_id.user_id
        path = ticket.company_id.parent_path or ""
        paths = self.env["complaint.ticket.deadline"].sudo()._sla_manager_paths()
        uid = next((uid for uid, mpath in paths if path.startswith(mpath)), None)
        return self.env["res.users"].browse(uid) if uid else self.env["res.users"]

    @api.model
    def _check_request(self, vals):
        """Refuse a request the limit does not allow, before it exists."""
        line = self.env["complaint.ticket.deadline"].browse(vals.get("deadline_id"))
        line.check_access("read")
        line = line.sudo()
        if line.state != "open" or line.breached_at:
            raise UserError(
                self.env._(
                    "Only a running deadline that is not yet overdue can be extended."
                )
            )
        if self.sudo().search_count(
            [("deadline_id", "=", line.id), ("state", "=", "requested")]
        ):
            raise UserError(
                self.env._("An extension of this deadline is already waiting.")
            )
        cal = line._work_calendar()
        try:
            rules_sla.check_extension(
                line._limit(),
                line.extension_count,
                vals.get("amount") or 0,
                vals.get("unit") or None,
                clock=line._clock(cal),
                cal=cal,
            )
        except RuleError as exc:
            raise UserError(sla_error_message(self.env, exc)) from exc

    def _check_approver(self):
        if not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a branch manager or head office may decide on an extension."
                )
            )
        # Issue 9 item 7: nobody decides on their own request (four eyes).
        if not self.env.su and any(
            record.sudo().requested_by_id == self.env.user for record in self
        ):
            raise AccessError(
                self.env._(
                    "You asked for this extension: another manager must decide on it."
                )
            )

    def action_approve(self):
        self._check_approver()
        now = fields.Datetime.now()
        for record in self:
            if record.state != "requested":
                raise UserError(self.env._("This extension was already decided."))
            line = record.deadline_id.sudo()
            if line.state != "open" or line.breached_at:
                raise UserError(
                    self.env._(
                        "Only a running deadline that is not yet overdue can be "
                        "extended."
                    )
                )
            old = line.deadline
            line._apply_extension(record.amount, record.unit)
            record.sudo().write(
                {
                    "state": "approved",
                    "approver_id": self.env.user.id,
                    "decided_at": now,
                    "old_deadline": old,
                    "new_deadline": line.deadline,
                }
            )
            record.ticket_id.message_post(
                body=self.env._(
                    "Extension approved by %(user)s: new deadline %(deadline)s.",
                    user=self.env.user.name,
                    deadline=fields.Datetime.to_string(line.deadline),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_refuse(self):
        self._check_approver()
        for record in self:
            if record.state != "requested":
                raise UserError(self.env._("This extension was already decided."))
        self.sudo().write(
            {
                "state": "refused",
                "approver_id": self.env.user.id,
                "decided_at": fields.Datetime.now(),
            }
        )
        return True

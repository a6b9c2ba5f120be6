# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.complaint_core.integrity import check_protected, lifecycle

from complaint_rules import sla as rules_sla
from complaint_rules.errors import RuleError

from ..tools import UNITS, sla_error_message

MANAGER_GROUP = "complaint_core.group_complaint_manager"


class ComplaintSlaExtension(models.Model):
    """An extension (延期) of one step deadline, approved by a manager.

    The number and size of extensions are limited by the policy line
    (complaint_rules.sla.check_extension), e.g. S002-R023: with the leader in
    charge's consent, not beyond 5 日 in all.

    Who decides: when the policy line names an approver role (S003-R031
    "超时需经主管经理批准", S003-R032 "超时需经公司总经理批准"), the holders of
    that role in the ticket's company or the nearest parent company that has
    holders (complaint_core's approval assignments), frozen when the
    extension is requested; otherwise a branch manager. Never the requester.
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
    approver_role_id = fields.Many2one(
        "complaint.approval.role",
        string="Approver role",
        readonly=True,
        help="Set by the step limit: only holders of this role may decide.",
    )
    approver_company_id = fields.Many2one(
        "res.company",
        string="Role held in",
        readonly=True,
        help="The company whose holders of the role decide (the ticket's, or "
        "the nearest parent company with holders).",
    )
    approver_user_ids = fields.Many2many(
        "res.users",
        "complaint_sla_extension_approver_rel",
        "extension_id",
        "user_id",
        string="Approvers",
        readonly=True,
        help="Frozen when the extension was requested.",
    )
    can_decide = fields.Boolean(compute="_compute_can_decide")
    decided_at = fields.Datetime(readonly=True)
    old_deadline = fields.Datetime(readonly=True)
    new_deadline = fields.Datetime(readonly=True)

    # Written only by the request, approve and refuse actions (issue 9).
    _PROTECTED = frozenset(
        {
            "state",
            "requested_by_id",
            "approver_id",
            "approver_role_id",
            "approver_company_id",
            "approver_user_ids",
            "decided_at",
            "old_deadline",
            "new_deadline",
        }
    )

    @api.depends_context("uid")
    @api.depends("state", "approver_role_id", "approver_user_ids", "requested_by_id")
    def _compute_can_decide(self):
        manager = self.env.user.has_group(MANAGER_GROUP)
        for record in self:
            allowed = (
                self.env.user in record.approver_user_ids
                if record.approver_role_id
                else manager
            )
            record.can_decide = (
                record.state == "requested"
                and allowed
                and record.requested_by_id != self.env.user
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_protected(self, vals, self._PROTECTED)
            self._check_request(vals)
            vals.update(self._approver_vals(vals))
            vals["requested_by_id"] = self.env.uid
            vals["state"] = "requested"
        records = super(ComplaintSlaExtension, lifecycle(self)).create(vals_list)
        records = records.with_env(self.env)
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
            approvers = record.sudo().approver_user_ids or record._approver()
            for approver in approvers:
                # sudo: the requester need not see who approves.
                record.ticket_id.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=approver.id,
                    summary=self.env._("Approve or refuse a deadline extension"),
                )
        return records

    def write(self, vals):
        check_protected(self, vals, self._PROTECTED | {"deadline_id"})
        return super().write(vals)

    @api.model
    def _approver_vals(self, vals):
        """The approver role of the deadline's step limit and its holders,
        frozen at the request (S003-R031/R032); empty without a role."""
        line = self.env["complaint.ticket.deadline"].sudo().browse(vals["deadline_id"])
        role = line.policy_line_id.extension_approver_role_id
        if not role:
            return {
                "approver_role_id": False,
                "approver_company_id": False,
                "approver_user_ids": [fields.Command.clear()],
            }
        company = line.ticket_id.company_id
        assignment, holders = self.env["complaint.approval.assignment"]._holders(
            role, company
        )
        approvers = holders - self.env.user
        if not approvers:
            raise UserError(
                self.env._(
                    "No one other than you holds the role %(role)s for %(company)s, "
                    "who must approve this extension; ask head office to assign it.",
                    role=role.name,
                    company=company.display_name,
                )
            )
        return {
            "approver_role_id": role.id,
            "approver_company_id": assignment.company_id.id,
            "approver_user_ids": [fields.Command.set(approvers.ids)],
        }

    def _approver(self):
        """The team leader, else the nearest branch manager above the
        ticket's company."""
        self.ensure_one()
        ticket = self.ticket_id.sudo()
        if ticket.team_id.user_id:
            return ticket.team_id.user_id
        path = ticket.company_id.parent_path or ""
        paths = self.env["res.company"].sudo()._complaint_manager_rows()
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
        """Refuse a decision by the requester (four eyes), by anyone but the
        frozen holders when the limit names an approver role, and by anyone
        but a manager otherwise."""
        user = self.env.user
        if self.env.su:
            return
        for record in self.sudo():
            # Issue 9 item 7: nobody decides on their own request.
            if record.requested_by_id == user:
                raise AccessError(
                    self.env._(
                        "You asked for this extension: another manager must "
                        "decide on it."
                    )
                )
            role = record.approver_role_id
            # S003-R031/R032: the overrun is approved by the holders of the
            # role the limit names (manager in charge, general manager),
            # whoever else leads the team or the branch.
            if role and user not in record.approver_user_ids:
                raise AccessError(
                    self.env._(
                        "Only %(users)s (%(role)s, %(company)s) may decide on this "
                        "extension.",
                        users=", ".join(record.approver_user_ids.mapped("name")),
                        role=role.name,
                        company=record.approver_company_id.display_name,
                    )
                )
            if not role and not user.has_group(MANAGER_GROUP):
                raise AccessError(
                    self.env._(
                        "Only a branch manager or head office may decide on an "
                        "extension."
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
            lifecycle(record.sudo()).write(
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
        lifecycle(self.sudo()).write(
            {
                "state": "refused",
                "approver_id": self.env.user.id,
                "decided_at": fields.Datetime.now(),
            }
        )
        return True

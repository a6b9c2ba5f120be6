# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.complaint_core.integrity import (
    check_protected,
    lifecycle,
    lock_rows,
    with_user_lang,
)

STATES = [
    ("submitted", "Awaiting decision"),
    ("granted", "Granted"),
    ("refused", "Refused"),
    ("revoked", "Revoked"),
    ("expired", "Expired"),
]
PROTECTED = frozenset(
    {"state", "user_id", "decided_by_id", "decided_at", "valid_until", "identity_id"}
)
INVESTIGATOR = "whistleblower_reward.group_whistleblower_investigator"
CUSTODIAN = "whistleblower_reward.group_whistleblower_custodian"


class WhistleblowerIdentityRequest(models.Model):
    """An investigator's reasoned request to read a reporter's sealed
    identity, granted or refused by a custodian who is not the requester
    (the identity-access request of dedicated whistleblowing platforms;
    S000-R018 confidentiality). Every step is logged."""

    _name = "whistleblower.identity.request"
    _description = "Identity Access Request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _rec_name = "pseudonym"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Report",
        required=True,
        ondelete="cascade",
        index=True,
        domain=[("complaint_kind", "=", "report"), ("wb_has_identity", "=", True)],
    )
    pseudonym = fields.Char(related="ticket_id.wb_pseudonym", store=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    identity_id = fields.Many2one(
        "whistleblower.identity", readonly=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Requested by",
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    reason = fields.Text(required=True, tracking=True)
    state = fields.Selection(
        STATES, default="submitted", required=True, readonly=True, tracking=True
    )
    decided_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    decided_at = fields.Datetime(readonly=True)
    decision_note = fields.Text(tracking=True)
    valid_until = fields.Datetime(readonly=True, tracking=True)

    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        if not self.env.su and not self.env.user.has_group(INVESTIGATOR):
            raise UserError(model.env._("Only an investigator asks for an identity."))
        tickets = self.env["helpdesk.ticket"]
        for vals in vals_list:
            check_protected(model, vals, PROTECTED)
            if not (vals.get("reason") or "").strip():
                raise UserError(
                    model.env._("Say why the reporter's identity is needed.")
                )
            # The requester must see the report (branch walls, sealed routes).
            ticket = self.env["helpdesk.ticket"].browse(vals.get("ticket_id")).exists()
            ticket.check_access("read")
            identity = (
                self.env["whistleblower.identity"]
                .sudo()
                .search([("ticket_id", "=", ticket.id)], limit=1)
            )
            if not identity:
                raise UserError(
                    model.env._(
                        "Report %(report)s has no sealed identity (anonymous, or "
                        "already deleted).",
                        report=ticket.wb_pseudonym or ticket.display_name,
                    )
                )
            vals.update(
                identity_id=identity.id, user_id=self.env.uid, state="submitted"
            )
            tickets |= ticket
        requests = (
            super(WhistleblowerIdentityRequest, lifecycle(self.sudo()))
            .create(vals_list)
            .with_env(self.env)
        )
        Log = self.env["whistleblower.identity.log"]
        for request in requests.sudo():
            Log._log(
                request.identity_id,
                "request",
                request=request,
                note=request.reason[:200],
            )
            request._notify_custodians()
        return requests

    def write(self, vals):
        check_protected(with_user_lang(self), vals, PROTECTED)
        if (
            not self.env.su
            and set(vals) & {"reason", "ticket_id"}
            and any(r.state != "submitted" or r.user_id != self.env.user for r in self)
        ):
            raise UserError(
                self.env._(
                    "Only the requester changes a request, before it is decided."
                )
            )
        if (
            not self.env.su
            and "decision_note" in vals
            and (
                not self.env.user.has_group(CUSTODIAN)
                or any(
                    r.state != "submitted" or r.user_id == self.env.user for r in self
                )
            )
        ):
            # The decision's reason is the custodian's, written before the
            # decision; the requester never edits it (four eyes).
            raise UserError(
                self.env._(
                    "Only a custodian writes the decision note, before deciding."
                )
            )
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(self.env._("Identity access requests are kept."))
        return super().unlink()

    def _notify_custodians(self):
        group = self.env.ref(CUSTODIAN)
        for request in self:
            users = group.sudo().users.filtered(
                lambda u, r=request: (
                    r.company_id in u.company_ids and u != r.user_id and not u.share
                )
            )
            for user in users[:5]:
                request.activity_schedule(
                    "whistleblower_reward.mail_activity_type_identity_request",
                    user_id=user.id,
                    summary=self.env._(
                        "Decide on identity access for %(report)s",
                        report=request.pseudonym,
                    ),
                )

    # ------------------------------------------------------------------
    # Decisions (custodians, four eyes)
    # ------------------------------------------------------------------
    def _decide_begin(self):
        self.ensure_one()
        env = with_user_lang(self).env
        if not env.user.has_group(CUSTODIAN):
            raise UserError(env._("Only a custodian decides on identity access."))
        lock_rows(self, ["state", "user_id"])
        request = self.with_env(env)
        if request.user_id == env.user:
            raise UserError(
                env._("You cannot decide on your own identity access request.")
            )
        return request

    def action_grant(self):
        for request in self:
            request = request._decide_begin()
            if request.state != "submitted":
                raise UserError(self.env._("Only a pending request can be granted."))
            days = request.company_id.sudo().whistleblower_grant_days or 7
            now = fields.Datetime.now()
            lifecycle(request.sudo()).write(
                {
                    "state": "granted",
                    "decided_by_id": self.env.uid,
                    "decided_at": now,
                    "valid_until": now + timedelta(days=days),
                }
            )
            request.activity_ids.sudo().action_feedback()
            self.env["whistleblower.identity.log"]._log(
                request.identity_id, "grant", request=request
            )
        return True

    def action_refuse(self):
        for request in self:
            request = request._decide_begin()
            if request.state != "submitted":
                raise UserError(self.env._("Only a pending request can be refused."))
            if not (request.decision_note or "").strip():
                raise UserError(self.env._("Give the reason for the refusal."))
            lifecycle(request.sudo()).write(
                {
                    "state": "refused",
                    "decided_by_id": self.env.uid,
                    "decided_at": fields.Datetime.now(),
                }
            )
            request.activity_ids.sudo().action_feedback()
            self.env["whistleblower.identity.log"]._log(
                request.identity_id, "refuse", request=request
            )
        return True

    def action_revoke(self):
        for request in self:
            request = (
                request._decide_begin() if request.user_id != self.env.user else request
            )
            if request.state != "granted":
                raise UserError(self.env._("Only a granted access can be revoked."))
            lifecycle(request.sudo()).write(
                {"state": "revoked", "valid_until": fields.Datetime.now()}
            )
            self.env["whistleblower.identity.log"]._log(
                request.identity_id, "revoke", request=request
            )
        return True

    def action_open_identity(self):
        """The sealed record, for the requester while the grant runs."""
        self.ensure_one()
        identity = self.identity_id.with_env(self.env)
        identity.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": "whistleblower.identity",
            "res_id": identity.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.model
    def _cron_expire(self):
        now = fields.Datetime.now()
        expired = self.sudo().search(
            [("state", "=", "granted"), ("valid_until", "<=", now)]
        )
        if expired:
            lifecycle(expired).write({"state": "expired"})
            Log = self.env["whistleblower.identity.log"]
            for request in expired:
                Log._log(request.identity_id, "expire", request=request)

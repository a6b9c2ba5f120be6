# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.helpdesk_ticket import REPLY_CHANNELS, SATISFACTION, SUBSTANTIATION

ACTIONS = [
    ("dispatch", "Dispatch"),
    ("reply", "Reply"),
    ("revisit", "Revisit"),
    ("close", "Close"),
    ("reject", "Reject"),
    ("reexamine", "Re-examine"),
    ("escalate", "Escalate"),
]


class ComplaintActionWizard(models.TransientModel):
    """Collects the input of one lifecycle action and calls the ticket's
    business method; the ticket's write() enforces the transition."""

    _name = "complaint.action.wizard"
    _description = "Complaint Lifecycle Action"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
    action = fields.Selection(ACTIONS, required=True, readonly=True)
    company_id = fields.Many2one(related="ticket_id.company_id")
    # dispatch
    unit_company_id = fields.Many2one(
        "res.company",
        string="Handling unit",
        compute="_compute_unit_company_id",
        store=True,
        readonly=False,
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Handling team",
        domain="['|', ('company_id', '=', False), "
        "('company_id', 'child_of', unit_company_id)]",
    )
    # Only internal users of the handling unit (or of its sub-branches).
    user_id = fields.Many2one(
        "res.users",
        string="Handler",
        domain="[('share', '=', False), ('company_id', 'child_of', unit_company_id)]",
    )
    instructions = fields.Text()
    deadline = fields.Datetime()
    # reply
    reply_content = fields.Text(string="Reply")
    reply_channel = fields.Selection(REPLY_CHANNELS, default="phone")
    reply_date = fields.Datetime(default=fields.Datetime.now)
    # revisit
    satisfaction = fields.Selection(SATISFACTION)
    # close
    closing_conclusion_id = fields.Many2one("complaint.closing.conclusion")
    substantiation = fields.Selection(SUBSTANTIATION)
    # reject
    rejection_reason_id = fields.Many2one("complaint.rejection.reason")
    # reexamine
    evidence = fields.Text(string="New evidence")
    # common
    note = fields.Text()

    @api.depends("ticket_id")
    def _compute_unit_company_id(self):
        for wizard in self:
            wizard.unit_company_id = wizard.ticket_id.company_id

    def _require(self, *names):
        missing = [
            self._fields[n].get_description(self.env)["string"]
            for n in names
            if not self[n]
        ]
        if missing:
            raise UserError(
                self.env._("Please fill in: %(fields)s.", fields=", ".join(missing))
            )

    @api.model
    def _action_title(self, action):
        """The wizard's title: the name of its action (派单, 答复...)."""
        return dict(self._fields["action"]._description_selection(self.env)).get(
            action, action
        )

    def _check_handler(self):
        """The handler is an internal user of the handling unit or of one of
        its sub-branches."""
        user, unit = self.user_id.sudo(), self.unit_company_id.sudo()
        branches = unit.search([("id", "child_of", unit.ids)]) if unit else unit
        if user and (user.share or user.company_id not in branches):
            raise UserError(
                self.env._(
                    "%(user)s does not work in %(unit)s or its branches: choose a "
                    "handler of the handling unit.",
                    user=user.display_name,
                    unit=unit.display_name,
                )
            )

    def action_confirm(self):
        self.ensure_one()
        ticket = self.ticket_id
        if self.action == "dispatch":
            self._require("unit_company_id", "instructions", "deadline")
            self._check_handler()
            ticket.complaint_dispatch(
                self.unit_company_id,
                self.instructions,
                self.deadline,
                team=self.team_id,
                user=self.user_id,
            )
        elif self.action == "reply":
            self._require("reply_content", "reply_channel")
            ticket.complaint_reply(
                self.reply_content,
                self.reply_channel,
                self.reply_date,
                conclusion=self.closing_conclusion_id,
                substantiation=self.substantiation,
            )
        elif self.action == "revisit":
            self._require("satisfaction")
            ticket.complaint_revisit(self.satisfaction, self.note)
        elif self.action == "close":
            if not (ticket.closing_conclusion_id and ticket.substantiation):
                self._require("closing_conclusion_id", "substantiation")
            ticket.complaint_close(
                self.closing_conclusion_id, self.substantiation, self.note
            )
        elif self.action == "reject":
            self._require("rejection_reason_id")
            ticket.complaint_reject(self.rejection_reason_id, self.note)
        elif self.action == "reexamine":
            self._require("evidence")
            ticket.complaint_reexamine(self.evidence)
        elif self.action == "escalate":
            self._require("note")
            ticket.complaint_escalate(self.note)
        return {"type": "ir.actions.act_window_close"}

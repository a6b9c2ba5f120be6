# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import dataclasses

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from complaint_rules.errors import RuleError

from ..tools import (
    BREACH_ACTIONS,
    CAP_MODES,
    END_STEPS,
    SLA_STEPS,
    UNITS,
    sla_error_message,
    step_limit,
)


class ComplaintSlaPolicyLine(models.Model):
    """The time limit of one slot: from entering ``step`` until the ticket
    leaves it (no end step) or reaches ``end_step`` or a later step."""

    _name = "complaint.sla.policy.line"
    _inherit = ["complaint.cache.mixin"]
    _description = "Complaint SLA Step Limit"
    _order = "policy_id, sequence, id"

    policy_id = fields.Many2one(
        "complaint.sla.policy", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    step = fields.Selection(
        SLA_STEPS, required=True, default="received", help="The clock starts here."
    )
    end_step = fields.Selection(
        END_STEPS,
        string="Until step",
        help="Empty: the clock stops when the ticket leaves the step. Set: it "
        "stops when the ticket reaches this step or a later one.",
    )
    amount = fields.Float(required=True, default=1.0, digits=(16, 2))
    unit = fields.Selection(UNITS, required=True, default="working_days")
    warn_ratio = fields.Float(
        string="Warn at",
        default=0.9,
        digits=(16, 2),
        help="Share of the limit after which the handler and the supervisor "
        "are warned (0.9 = 90 %). 0 disables the warning.",
    )
    breach_action = fields.Selection(
        BREACH_ACTIONS, required=True, default="notify", string="On breach"
    )
    max_extensions = fields.Integer(
        default=1, help="How many extensions a manager may approve."
    )
    extension_cap = fields.Float(
        digits=(16, 2), help="Largest extension (0: no cap), in the extension unit."
    )
    extension_unit = fields.Selection(
        UNITS, help="Unit of extensions; empty: the unit of the limit."
    )
    extension_cap_mode = fields.Selection(
        CAP_MODES, default="extension", required=True, string="Cap applies to"
    )
    extension_approver_role_id = fields.Many2one(
        "complaint.approval.role",
        string="Extensions approved by",
        ondelete="restrict",
        help="Only the holders of this role in the ticket's company, or in the "
        "nearest parent company that has holders, may approve or refuse an "
        "extension of this limit (e.g. the manager in charge or the general "
        "manager). Empty: a branch manager decides.",
    )
    rule_ref = fields.Char(string="Rules")
    note = fields.Char(translate=True)

    @api.constrains(
        "step",
        "end_step",
        "amount",
        "unit",
        "warn_ratio",
        "breach_action",
        "max_extensions",
        "extension_cap",
        "extension_unit",
        "extension_cap_mode",
    )
    def _check_rules(self):
        for line in self:
            line._to_rules()

    def _slot(self):
        return (self.step, self.end_step or "")

    def _to_rules(self):
        """The line as a :class:`complaint_rules.sla.StepLimit`."""
        self.ensure_one()
        try:
            limit = step_limit(
                self, tuple((self.rule_ref or "").replace(",", " ").split())
            )
            # S003-R031/R032: who approves an overrun of this limit.
            return dataclasses.replace(
                limit, extension_approver=self.extension_approver_role_id.code or ""
            )
        except RuleError as exc:
            raise ValidationError(sla_error_message(self.env, exc)) from exc

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.complaint_core.tools import local_time_text

# A dispatch hands over the handling: its deadline is measured against the
# running clocks that end after the dispatch (reply, closing...), not
# against a limit for dispatching itself.
DISPATCH_END_STEPS = ("handling", "replied", "revisit", "closed")


class ComplaintActionWizard(models.TransientModel):
    """The dispatch wizard pre-fills the step's SLA deadline and warns,
    without blocking, when the chosen deadline lies past it (issue 11,
    item 3)."""

    _inherit = "complaint.action.wizard"

    sla_deadline = fields.Datetime(
        string="SLA deadline",
        compute="_compute_sla_deadline",
        help="The earliest running deadline of the ticket that the handling "
        "unit's work counts towards (from the SLA policy).",
    )
    deadline = fields.Datetime(
        compute="_compute_deadline", store=True, readonly=False, precompute=True
    )
    sla_deadline_warning = fields.Char(
        string="SLA warning", compute="_compute_sla_deadline_warning"
    )

    @api.depends("ticket_id", "action")
    def _compute_sla_deadline(self):
        for wizard in self:
            lines = wizard.ticket_id.sudo().sla_deadline_ids.filtered(
                lambda line: (
                    line.state in ("open", "paused")
                    and line.end_step in DISPATCH_END_STEPS
                )
            )
            wizard.sla_deadline = min(lines.mapped("deadline"), default=False)

    @api.depends("sla_deadline")
    def _compute_deadline(self):
        for wizard in self:
            if wizard.action == "dispatch" and not wizard.deadline:
                wizard.deadline = wizard.sla_deadline

    @api.depends("deadline", "sla_deadline", "action")
    def _compute_sla_deadline_warning(self):
        for wizard in self:
            late = (
                wizard.action == "dispatch"
                and wizard.deadline
                and wizard.sla_deadline
                and wizard.deadline > wizard.sla_deadline
            )
            wizard.sla_deadline_warning = (
                self.env._(
                    "The deadline %(deadline)s lies after the SLA deadline "
                    "%(sla)s of this step: the ticket would be overdue.",
                    deadline=wizard._local_text(wizard.deadline),
                    sla=wizard._local_text(wizard.sla_deadline),
                )
                if late
                else False
            )

    def _local_text(self, value):
        """``value`` (UTC) in the ticket company's timezone, with its zone."""
        company = self.ticket_id.company_id or self.env.company
        return local_time_text(value, company.partner_id.tz or self.env.user.tz)

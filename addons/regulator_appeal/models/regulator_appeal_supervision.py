# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class RegulatorAppealSupervision(models.Model):
    """One rung of the supervision ladder an overdue appeal reached (催办,
    督办, 通报批评; S000-R085, S000-R098, S000-R158): written only by the
    supervision job, once per appeal and rung, and counted per branch for
    its assessment."""

    _name = "regulator.appeal.supervision"
    _description = "Regulator Appeal Supervision"
    _order = "recorded_at desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True, readonly=True
    )
    rung_id = fields.Many2one(
        "regulator.appeal.rung",
        string="Ladder rung",
        ondelete="set null",
        readonly=True,
    )
    rung_code = fields.Char(required=True, readonly=True)
    rung_name = fields.Char(related="rung_id.name", string="Rung")
    overdue_since = fields.Datetime(readonly=True)
    due_at = fields.Datetime(string="Rung due", readonly=True)
    recorded_at = fields.Datetime(readonly=True, default=fields.Datetime.now)
    branch_company_id = fields.Many2one(
        "res.company",
        string="Branch",
        readonly=True,
        index=True,
        help="The company that held the appeal when the rung was reached: "
        "the one assessed (S000-R158).",
    )
    escalated_to_company_id = fields.Many2one(
        "res.company", string="Escalated to", readonly=True
    )
    deadline_tightened_to = fields.Datetime(readonly=True)
    assessable = fields.Boolean(
        readonly=True,
        help="The branch's late or missing feedback made the company miss the "
        "regulator's deadline (S000-R158, complaint_rules.appeal.assessable).",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, string="Company"
    )

    _sql_constraints = [
        (
            "ticket_rung_unique",
            "unique(ticket_id, rung_code)",
            "An appeal reaches each rung of its ladder once.",
        )
    ]

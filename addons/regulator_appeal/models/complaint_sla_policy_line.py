# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintSlaPolicyLine(models.Model):
    _inherit = "complaint.sla.policy.line"

    appeal_stage = fields.Char(
        help="Code of the appeal plan stage (or 'cap' for the overall limit) "
        "this slot enforces: on a regulator appeal the deadline is the "
        "plan's (complaint_rules.appeal.plan_deadlines), not this line's "
        "amount counted from the step.",
    )

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Keys are the steps of complaint_rules.lifecycle.
COMPLAINT_STEPS = [
    ("received", "Received"),
    ("dispatched", "Dispatched"),
    ("handling", "Handling"),
    ("replied", "Replied"),
    ("revisit", "Revisit"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
    ("merged", "Merged"),
]


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    complaint_step = fields.Selection(
        COMPLAINT_STEPS,
        string="Lifecycle step",
        required=True,
        default="handling",
        index=True,
        help="Step of the complaint lifecycle this stage stands for. Moves "
        "between stages follow the allowed transitions of these steps.",
    )
    complaint_preferred = fields.Boolean(
        string="Preferred for its step",
        help="When several stages stand for the same step, the lifecycle "
        "actions move tickets to a team's own stage first, then to a preferred "
        "one (the suite's stages are preferred).",
    )

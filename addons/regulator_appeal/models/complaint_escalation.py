# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintEscalation(models.Model):
    _inherit = "complaint.escalation"

    trigger = fields.Selection(
        selection_add=[("supervision", "Appeal supervision (催办/督办/通报)")],
        ondelete={"supervision": "set default"},
    )

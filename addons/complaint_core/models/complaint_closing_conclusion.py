# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintClosingConclusion(models.Model):
    """Closing conclusion of a complaint (结案结论), configurable by head
    office; the seed-000 set is shipped as data (S000 §3.4)."""

    _name = "complaint.closing.conclusion"
    _description = "Complaint Closing Conclusion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    enterprise_fault = fields.Boolean(
        help="The complaint was caused by the company (counts as a substantiated "
        "complaint in KPIs)."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The conclusion code must be unique.")
    ]

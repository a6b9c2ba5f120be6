# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintFactFlag(models.Model):
    """A yes/no fact about a ticket that grading criteria can require (e.g.
    company at fault, safety related); codes of complaint_rules.grading
    FACT_FLAGS."""

    _name = "complaint.fact.flag"
    _inherit = ["complaint.cache.mixin"]
    _description = "Complaint Grading Fact"
    _order = "name"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)

    _sql_constraints = [("code_uniq", "unique(code)", "The fact code must be unique.")]

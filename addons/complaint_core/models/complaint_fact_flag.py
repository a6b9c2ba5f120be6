# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ComplaintFactFlag(models.Model):
    """A yes/no fact about a ticket that grading criteria can require (e.g.
    company at fault, safety related); codes of complaint_rules.grading
    FACT_FLAGS."""

    _name = "complaint.fact.flag"
    _description = "Complaint Grading Fact"
    _order = "name"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)

    _sql_constraints = [("code_uniq", "unique(code)", "The fact code must be unique.")]

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()  # complaint.grade's cached schemes
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_duplicate_window_days = fields.Integer(
        related="company_id.complaint_duplicate_window_days", readonly=False
    )
    complaint_revisit_days = fields.Integer(
        related="company_id.complaint_revisit_days", readonly=False
    )
    complaint_grade_scheme = fields.Char(
        related="company_id.complaint_grade_scheme", readonly=False
    )
    complaint_grade_scheme_id = fields.Many2one(
        related="company_id.complaint_grade_scheme_id", readonly=False
    )
    complaint_team_id = fields.Many2one(
        related="company_id.complaint_team_id", readonly=False
    )

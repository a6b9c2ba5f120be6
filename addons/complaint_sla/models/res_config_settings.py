# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_sla_calendar_id = fields.Many2one(
        related="company_id.complaint_sla_calendar_id", readonly=False
    )

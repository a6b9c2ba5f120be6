# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    whistleblower_rulebook = fields.Selection(
        related="company_id.whistleblower_rulebook", readonly=False
    )
    whistleblower_retention_months = fields.Integer(
        related="company_id.whistleblower_retention_months", readonly=False
    )
    whistleblower_retention_warn_days = fields.Integer(
        related="company_id.whistleblower_retention_warn_days", readonly=False
    )
    whistleblower_grant_days = fields.Integer(
        related="company_id.whistleblower_grant_days", readonly=False
    )

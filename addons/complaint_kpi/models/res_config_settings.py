# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    kpi_satisfaction_base = fields.Selection(
        related="company_id.kpi_satisfaction_base", readonly=False
    )
    kpi_pending = fields.Selection(related="company_id.kpi_pending", readonly=False)
    kpi_unsampled = fields.Selection(related="company_id.kpi_unsampled", readonly=False)
    kpi_handling_base = fields.Selection(
        related="company_id.kpi_handling_base", readonly=False
    )
    kpi_target_comparison = fields.Selection(
        related="company_id.kpi_target_comparison", readonly=False
    )
    kpi_customer_count = fields.Integer(
        related="company_id.kpi_customer_count", readonly=False
    )
    kpi_staff_window = fields.Selection(
        related="company_id.kpi_staff_window", readonly=False
    )
    kpi_bonus_month = fields.Selection(
        related="company_id.kpi_bonus_month", readonly=False
    )

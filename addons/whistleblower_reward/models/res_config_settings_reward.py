# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .res_company_reward import READING_FIELDS, _preset_reading


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    whistleblower_reward_policy = fields.Selection(
        related="company_id.whistleblower_reward_policy", readonly=False
    )
    whistleblower_reward_basis_when_both = fields.Selection(
        related="company_id.whistleblower_reward_basis_when_both", readonly=False
    )
    whistleblower_reward_major_reading = fields.Selection(
        related="company_id.whistleblower_reward_major_reading", readonly=False
    )
    whistleblower_reward_major_needs_direct = fields.Boolean(
        related="company_id.whistleblower_reward_major_needs_direct", readonly=False
    )
    whistleblower_reward_fine_only_rewarded = fields.Boolean(
        related="company_id.whistleblower_reward_fine_only_rewarded", readonly=False
    )
    whistleblower_reward_floor_on_zero_base = fields.Boolean(
        related="company_id.whistleblower_reward_floor_on_zero_base", readonly=False
    )
    whistleblower_reward_edge_reading = fields.Selection(
        related="company_id.whistleblower_reward_edge_reading", readonly=False
    )
    whistleblower_reward_claim_month_end = fields.Selection(
        related="company_id.whistleblower_reward_claim_month_end", readonly=False
    )

    @api.onchange("whistleblower_reward_policy")
    def _onchange_whistleblower_reward_policy(self):
        """Choosing another policy proposes that preset's readings."""
        for settings in self:
            code = settings.whistleblower_reward_policy
            if not code:
                continue
            for name, field in READING_FIELDS.items():
                settings[field] = _preset_reading(name, code)

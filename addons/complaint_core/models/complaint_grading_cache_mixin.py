# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ComplaintGradingCacheMixin(models.AbstractModel):
    """Records that make up a grading scheme (grades, criteria, facts):
    changing one clears complaint.grade's cached pure schemes."""

    _name = "complaint.grading.cache.mixin"
    _description = "Clears the cached grading schemes on change"

    @api.model_create_multi
    def create(self, vals_list):
        self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        self.env.registry.clear_cache()
        return super().unlink()

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ComplaintCacheMixin(models.AbstractModel):
    """Records from which pure rule objects are built and kept in the ORM
    cache (grading schemes, SLA policies, working calendars): creating,
    changing or deleting one clears that cache."""

    _name = "complaint.cache.mixin"
    _description = "Clears the cached rule objects on change"

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

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResourceCalendarLeaves(models.Model):
    _inherit = "resource.calendar.leaves"

    complaint_holiday_year_id = fields.Many2one(
        "complaint.sla.holiday.year",
        string="Holiday year",
        ondelete="cascade",
        index="btree_not_null",
    )

    # Calendar-wide leaves (public holidays) feed the cached SLA working
    # calendars; personal time off (with a resource) does not.
    @api.model_create_multi
    def create(self, vals_list):
        if any(not vals.get("resource_id") for vals in vals_list):
            self.env.registry.clear_cache()
        return super().create(vals_list)

    def write(self, vals):
        if any(not leave.resource_id for leave in self) or "resource_id" in vals:
            self.env.registry.clear_cache()
        return super().write(vals)

    def unlink(self):
        if any(not leave.resource_id for leave in self):
            self.env.registry.clear_cache()
        return super().unlink()

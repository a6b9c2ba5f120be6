# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_sla_calendar_id = fields.Many2one(
        "resource.calendar",
        string="SLA working time",
        help="Working hours, public holidays and make-up days used to count "
        "complaint deadlines. Empty: the shipped China working time.",
    )

    def _complaint_sla_calendar(self):
        self.ensure_one()
        if self.complaint_sla_calendar_id:
            return self.complaint_sla_calendar_id
        # Cached xmlid lookup, without env.ref()'s existence query on every
        # ticket creation (the record is protected by its xmlid).
        china = self.env["ir.model.data"]._xmlid_to_res_id(
            "complaint_sla.resource_calendar_china", raise_if_not_found=False
        )
        return self.env["resource.calendar"].browse(china) or self.resource_calendar_id

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintClassification(models.Model):
    _inherit = "complaint.classification"

    # S000-R150: complaints caused by the service ability or attitude of staff
    # during acceptance, handling or reply.
    kpi_service_caused = fields.Boolean(
        string="Service-caused",
        help="Substantiated complaints of this classification count as "
        "service-caused complaints (服务性投诉, S000-R150).",
    )

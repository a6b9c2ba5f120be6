# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintClassification(models.Model):
    _inherit = "complaint.classification"

    whistleblower_retention_months = fields.Integer(
        string="Keep reporters' identities (months)",
        help="For reports of this type: months after closing before the sealed "
        "identity is deleted. Empty: the company's period.",
    )

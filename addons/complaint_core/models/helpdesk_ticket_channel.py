# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

CHANNEL_CODES = [
    ("hotline", "Hotline"),
    ("web", "Web"),
    ("letter", "Letter"),
    ("visit", "Visit"),
    ("sms", "SMS"),
    ("email", "Email"),
    ("regulator", "Transferred by regulator"),
    ("superior", "Transferred by superior"),
    ("other", "Other"),
]


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    complaint_channel_code = fields.Selection(
        CHANNEL_CODES,
        string="Complaint channel type",
        default="other",
        help="Used by grading and reporting (regulator transfers, hotline...).",
    )

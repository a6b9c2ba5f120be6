# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from complaint_rules.reference import CHANNELS

# One channel vocabulary: complaint_rules.reference.CHANNELS (issue 9).
CHANNEL_CODES = [(channel.code, channel.label_en) for channel in CHANNELS]


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    complaint_channel_code = fields.Selection(
        CHANNEL_CODES,
        string="Complaint channel type",
        default="other",
        help="Used by grading and reporting (regulator transfers, hotline...).",
    )

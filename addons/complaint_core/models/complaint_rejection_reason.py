# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintRejectionReason(models.Model):
    """Reason for not accepting a complaint (不予受理), with the notice of the
    proper channel that is given to the complainant once."""

    _name = "complaint.rejection.reason"
    _description = "Complaint Non-acceptance Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    rule_ref = fields.Char(string="Rule", help="Rule of the source document.")
    proper_channel_notice = fields.Text(
        translate=True,
        help="Told to the complainant once: where such a matter should be "
        "brought instead.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The reason code must be unique.")
    ]

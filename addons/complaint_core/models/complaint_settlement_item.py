# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintSettlementItem(models.Model):
    """A kind of concession a settlement may contain (协议解约, 免滞纳金 ...);
    codes of complaint_rules.approval.ItemCode."""

    _name = "complaint.settlement.item"
    _description = "Complaint Settlement Item Type"
    _order = "sequence, id"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    uses_refund = fields.Boolean(
        string="Uses refund over cash value",
        help="The approver depends on the refund above the cash value and the "
        "share of premium.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [("code_uniq", "unique(code)", "The item code must be unique.")]

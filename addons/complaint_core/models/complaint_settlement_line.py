# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ComplaintSettlementLine(models.Model):
    """One concession of a settlement proposal with its amounts."""

    _name = "complaint.settlement.line"
    _description = "Complaint Settlement Item"
    _order = "settlement_id, id"

    settlement_id = fields.Many2one(
        "complaint.settlement", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("complaint.settlement.item", required=True)
    uses_refund = fields.Boolean(related="item_id.uses_refund")
    currency_id = fields.Many2one(related="settlement_id.currency_id")
    refund_over_cash_value = fields.Monetary(
        help="Refund above the policy's cash value (协议解约)."
    )
    premium_share_pct = fields.Float(
        string="Share of premium (%)",
        digits=(5, 2),
        help="Refund as a percentage of the total premium paid, 0-100.",
    )
    amount = fields.Monetary(string="Other amount")
    note = fields.Char()
    # Decision of the matrix for this line, frozen at submission.
    role_id = fields.Many2one(
        "complaint.approval.role", string="Approver", readonly=True
    )
    rule_refs = fields.Char(string="Rules", readonly=True)

    @api.constrains("refund_over_cash_value", "premium_share_pct", "amount")
    def _check_amounts(self):
        for line in self:
            if line.refund_over_cash_value < 0 or line.amount < 0:
                raise ValidationError(
                    self.env._("Settlement amounts cannot be negative.")
                )
            if not 0 <= line.premium_share_pct <= 100:
                raise ValidationError(
                    self.env._("The share of premium must be between 0 and 100 %.")
                )

    def _rules_amounts(self):
        """Amounts for complaint_rules.approval, as exact fixed-point strings."""
        self.ensure_one()
        digits = self.currency_id.decimal_places or 2
        amounts = {"amount": f"{self.amount:.{digits}f}"}
        if self.uses_refund:
            amounts["refund_over_cash_value"] = (
                f"{self.refund_over_cash_value:.{digits}f}"
            )
            amounts["premium_share_pct"] = f"{self.premium_share_pct:.2f}"
        return amounts

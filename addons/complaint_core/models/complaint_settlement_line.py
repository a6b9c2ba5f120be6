# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from complaint_rules.approval import surrender_amounts
from complaint_rules.errors import RuleError

from ..integrity import (
    check_input_types,
    check_protected,
    with_user_lang,
    without_protected_defaults,
)
from ..tools import rules_error_message


class ComplaintSettlementLine(models.Model):
    """One concession of a settlement proposal with its amounts.

    A negotiated surrender (协议解约) is entered as the seed's own inputs —
    cash value, total refund and total premium, in money — and the measures
    the matrix decides on (refund above cash value, share of the premium)
    are computed exactly by complaint_rules (S001-R011..R013): a refund one
    fen over 70 % of the premium is over 70 %, not a rounded 70.00."""

    _name = "complaint.settlement.line"
    _description = "Complaint Settlement Item"
    _order = "settlement_id, id"

    settlement_id = fields.Many2one(
        "complaint.settlement", required=True, ondelete="cascade", index=True
    )
    item_id = fields.Many2one("complaint.settlement.item", required=True)
    uses_refund = fields.Boolean(related="item_id.uses_refund")
    currency_id = fields.Many2one(related="settlement_id.currency_id")
    cash_value = fields.Monetary(
        string="Cash value", help="The policy's cash value (现金价值)."
    )
    refund_total = fields.Monetary(
        string="Total refund",
        help="Total amount refunded by the negotiated surrender (协议解约总额).",
    )
    total_premium = fields.Monetary(
        string="Total premium paid", help="Total premium paid (总保费)."
    )
    refund_over_cash_value = fields.Monetary(
        string="Refund over cash value",
        compute="_compute_surrender_measures",
        store=True,
        help="Total refund minus cash value (S001-R011..R013).",
    )
    premium_share_pct = fields.Float(
        string="Share of premium (%)",
        compute="_compute_surrender_measures",
        store=True,
        digits=(16, 6),
        help="Total refund as a percentage of the total premium, shown to six "
        "decimals; the approval uses the exact value.",
    )
    amount = fields.Monetary(string="Other amount")
    note = fields.Char()
    # Decision of the matrix for this line, frozen at submission.
    role_id = fields.Many2one(
        "complaint.approval.role", string="Approver", readonly=True
    )
    rule_refs = fields.Char(string="Rules", readonly=True)

    _PROTECTED = frozenset(
        {"role_id", "rule_refs", "refund_over_cash_value", "premium_share_pct"}
    )

    @api.depends("cash_value", "refund_total", "total_premium", "uses_refund")
    def _compute_surrender_measures(self):
        for line in self:
            measures = line._surrender_measures() if line.uses_refund else None
            line.refund_over_cash_value = (
                float(measures["refund_over_cash_value"]) if measures else 0.0
            )
            line.premium_share_pct = (
                float(measures["premium_share_pct"]) if measures else 0.0
            )

    def _money(self, value):
        """A monetary field as an exact Decimal at the currency's precision."""
        digits = self.currency_id.decimal_places if self.currency_id else 2
        return Decimal(f"{value or 0:.{digits}f}")

    def _surrender_measures(self, raise_error=False):
        """Exact measures from complaint_rules, or None while incomplete."""
        self.ensure_one()
        if not self.total_premium and not raise_error:
            return None
        try:
            return surrender_amounts(
                cash_value=self._money(self.cash_value),
                refund=self._money(self.refund_total),
                total_premium=self._money(self.total_premium),
            )
        except RuleError as exc:
            if raise_error:
                raise ValidationError(rules_error_message(self.env, exc)) from exc
            return None

    @api.constrains("cash_value", "refund_total", "total_premium", "amount", "item_id")
    def _check_amounts(self):
        for line in with_user_lang(self):
            if min(line.cash_value, line.refund_total, line.total_premium) < 0 or (
                line.amount < 0
            ):
                raise ValidationError(
                    line.env._("Settlement amounts cannot be negative.")
                )
            if line.uses_refund:
                line._surrender_measures(raise_error=True)

    # Lines follow their proposal: made on a proposal the user may change,
    # frozen once it is submitted (issue 9).
    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        for vals in vals_list:
            check_input_types(model, vals)
            check_protected(model, vals, self._PROTECTED)
        lines = super(
            ComplaintSettlementLine, without_protected_defaults(self, self._PROTECTED)
        ).create(vals_list)
        lines = lines.with_env(self.env)
        lines.settlement_id._check_lines_editable()
        return lines

    def write(self, vals):
        lines = with_user_lang(self)
        check_input_types(lines, vals)
        check_protected(lines, vals, self._PROTECTED)
        lines.settlement_id._check_lines_editable()
        res = super().write(vals)
        if "settlement_id" in vals:
            lines.settlement_id._check_lines_editable()
        return res

    def unlink(self):
        with_user_lang(self).settlement_id._check_lines_editable()
        return super().unlink()

    def _rules_amounts(self):
        """Amounts for complaint_rules.approval, exact."""
        self.ensure_one()
        amounts = {"amount": self._money(self.amount)}
        if self.uses_refund:
            measures = self._surrender_measures()
            if measures is None:
                raise UserError(
                    self.env._(
                        "Enter the cash value, the total refund and the total "
                        "premium of item %(item)s.",
                        item=self.item_id.display_name,
                    )
                )
            amounts.update(measures)
        return amounts

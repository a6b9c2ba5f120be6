# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from complaint_rules import approval as rules_approval
from complaint_rules.errors import RuleError

from ..tools import rules_error_message

MEASURES = [
    ("refund_over_cash_value", "Refund over cash value"),
    ("amount", "Amount"),
]


# Fields that make up a row's bands (its condition).
BAND_FIELDS = (
    "amount_measure",
    *(
        f"{measure}_{bound}{suffix}"
        for measure in ("amount", "pct")
        for bound in ("lower", "upper")
        for suffix in ("", "_set", "_inclusive")
    ),
)


def _fixed(value, digits=2):
    """Float column value as an exact Decimal string (None when unset)."""
    return None if value is False or value is None else f"{value:.{digits}f}"


def _number(value):
    """A bound as people write it: 2,000 / 10,000 / 70 / 2,000.5 (None stays)."""
    if value is None:
        return None
    text = f"{value:,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class ComplaintDelegationRule(models.Model):
    """One row of the delegation matrix (投诉案件处理审批权限, S001-R011..R019)
    that head office edits. A row matches when all its bands hold; when several
    rows of an item match (the seed's 或 "or"), the highest role approves.
    Rows are validated together with complaint_rules.approval.validate_matrix:
    overlapping bands of the same item are refused, nothing is saved half-way.
    """

    _name = "complaint.delegation.rule"
    _description = "Complaint Delegation Rule"
    _order = "item_id, sequence, id"

    key = fields.Char(required=True, help="Unique technical name of the row.")
    rule_ref = fields.Char(string="Rule", required=True)
    sequence = fields.Integer(default=10)
    item_id = fields.Many2one("complaint.settlement.item", required=True, index=True)
    role_id = fields.Many2one(
        "complaint.approval.role", string="Approver", required=True
    )
    amount_measure = fields.Selection(MEASURES)
    amount_lower = fields.Float(digits=(16, 2))
    amount_lower_set = fields.Boolean(string="Has lower amount")
    amount_lower_inclusive = fields.Boolean()
    amount_upper = fields.Float(digits=(16, 2))
    amount_upper_set = fields.Boolean(string="Has upper amount")
    amount_upper_inclusive = fields.Boolean(default=True)
    pct_lower = fields.Float(string="Share of premium above (%)", digits=(5, 2))
    pct_lower_set = fields.Boolean(string="Has lower %")
    pct_lower_inclusive = fields.Boolean()
    pct_upper = fields.Float(string="Share of premium up to (%)", digits=(5, 2))
    pct_upper_set = fields.Boolean(string="Has upper %")
    pct_upper_inclusive = fields.Boolean(default=True)
    valid_from = fields.Date()
    valid_to = fields.Date()
    company_id = fields.Many2one(
        "res.company", string="Company scope", help="Empty: every company."
    )
    source = fields.Char(help="Where the row comes from in the source document.")
    band_text = fields.Char(string="Condition", compute="_compute_band_text")
    active = fields.Boolean(default=True)

    _sql_constraints = [("key_uniq", "unique(key)", "The row key must be unique.")]

    @api.depends(*BAND_FIELDS, "role_id")
    @api.depends_context("lang")
    def _compute_band_text(self):
        for row in self:
            # Only the bands matter here: a row being typed has no item yet.
            data = dict(
                row._to_rules_dict(),
                key=row.key or "new",
                rule_id=row.rule_ref or "new",
                item_code=row.item_id.code or "new",
                role=row.role_id.code or "handler",
            )
            try:
                rule = rules_approval.rule_from_dict(data)
            except (RuleError, ValueError):
                row.band_text = False
                continue
            # Read as a sentence (issue 11 item 6), not as the rules package's
            # technical describe() ("2000 < refund_over_cash_value <= 10000").
            parts = [
                row._band_sentence(measure, band)
                for measure, band in rule.conditions.items()
            ]
            if not parts:
                row.band_text = self.env._("Always")
            elif len(parts) == 1:
                row.band_text = parts[0]
            else:
                text = parts[0]
                for part in parts[1:]:
                    text = self.env._(
                        "%(first)s and %(second)s", first=text, second=part
                    )
                row.band_text = text

    def _band_sentence(self, measure, band):
        """One band as a sentence a person reads, e.g. 超过现金价值 2,000
        元以内（含） or 不超过总保费 70%."""
        lower, upper = _number(band.lower), _number(band.upper)
        lo_inc, hi_inc = band.lower_inclusive, band.upper_inclusive
        if measure == rules_approval.MEASURE_PREMIUM_SHARE_PCT:
            if lower is None:
                if hi_inc:
                    return self.env._(
                        "at most %(upper)s%% of the total premium", upper=upper
                    )
                return self.env._(
                    "less than %(upper)s%% of the total premium", upper=upper
                )
            if upper is None:
                if lo_inc:
                    return self.env._(
                        "at least %(lower)s%% of the total premium", lower=lower
                    )
                return self.env._(
                    "more than %(lower)s%% of the total premium", lower=lower
                )
            return self.env._(
                "from %(lower)s%% (%(lower_kind)s) to %(upper)s%% (%(upper_kind)s) "
                "of the total premium",
                lower=lower,
                upper=upper,
                lower_kind=self.env._("inclusive")
                if lo_inc
                else self.env._("exclusive"),
                upper_kind=self.env._("inclusive")
                if hi_inc
                else self.env._("exclusive"),
            )
        label = dict(self._fields["amount_measure"]._description_selection(self.env))
        what = label.get(measure) or self.env._("Amount")
        if lower is None:
            if hi_inc:
                return self.env._(
                    "%(measure)s up to %(upper)s yuan (inclusive)",
                    measure=what,
                    upper=upper,
                )
            return self.env._(
                "%(measure)s below %(upper)s yuan", measure=what, upper=upper
            )
        if upper is None:
            if lo_inc:
                return self.env._(
                    "%(measure)s of %(lower)s yuan or more", measure=what, lower=lower
                )
            return self.env._(
                "%(measure)s over %(lower)s yuan", measure=what, lower=lower
            )
        return self.env._(
            "%(measure)s from %(lower)s yuan (%(lower_kind)s) to %(upper)s yuan "
            "(%(upper_kind)s)",
            measure=what,
            lower=lower,
            upper=upper,
            lower_kind=self.env._("inclusive") if lo_inc else self.env._("exclusive"),
            upper_kind=self.env._("inclusive") if hi_inc else self.env._("exclusive"),
        )

    def _to_rules_dict(self):
        self.ensure_one()
        return {
            "key": self.key,
            "rule_id": self.rule_ref,
            "sequence": self.sequence,
            "item_code": self.item_id.code,
            "role": self.role_id.code,
            "amount_measure": self.amount_measure or None,
            "amount_lower": _fixed(self.amount_lower)
            if self.amount_lower_set
            else None,
            "amount_lower_inclusive": self.amount_lower_inclusive,
            "amount_upper": _fixed(self.amount_upper)
            if self.amount_upper_set
            else None,
            "amount_upper_inclusive": self.amount_upper_inclusive,
            "pct_lower": _fixed(self.pct_lower) if self.pct_lower_set else None,
            "pct_lower_inclusive": self.pct_lower_inclusive,
            "pct_upper": _fixed(self.pct_upper) if self.pct_upper_set else None,
            "pct_upper_inclusive": self.pct_upper_inclusive,
            "valid_from": self.valid_from or None,
            "valid_to": self.valid_to or None,
            "company_scope": str(self.company_id.id) if self.company_id else None,
            "source": self.source or "",
        }

    def _to_rules_rule(self):
        return rules_approval.rule_from_dict(self._to_rules_dict())

    @api.model
    def _matrix(self, company=None):
        """The pure matrix of the active rows that apply to ``company``."""
        domain = [("active", "=", True)]
        if company:
            domain += [
                "|",
                ("company_id", "=", False),
                ("company_id", "in", company.sudo().parent_ids.ids),
            ]
        rows = self.sudo().search(domain)
        try:
            return rules_approval.matrix_from_dicts([r._to_rules_dict() for r in rows])
        except RuleError as exc:
            raise ValidationError(rules_error_message(self.env, exc)) from exc

    @api.constrains(
        *BAND_FIELDS,
        "item_id",
        "role_id",
        "valid_from",
        "valid_to",
        "company_id",
        "active",
    )
    def _check_matrix(self):
        # The whole matrix is validated at once: a row that overlaps another
        # row of the same item is refused and the transaction rolls back.
        rows = self.sudo().search([("active", "=", True)])
        try:
            rules_approval.validate_matrix(
                rules_approval.matrix_from_dicts([r._to_rules_dict() for r in rows])
            )
        except RuleError as exc:
            raise ValidationError(
                self.env._(
                    "The delegation matrix is not valid: %(detail)s", detail=str(exc)
                )
            ) from exc

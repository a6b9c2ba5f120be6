# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, fields, models

from complaint_rules.kpi import Target

from .kpi_sql import KPI

INDICATORS = [(ind.code, ind.name_en) for ind in KPI.indicators]
COMPARISONS = [(">=", "≥"), (">", ">"), ("<=", "≤"), ("<", "<")]
PERIOD_KINDS = [
    ("hour", "Hour"),
    ("day", "Day"),
    ("week", "Week"),
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("year", "Year"),
]


class ComplaintKpiTarget(models.Model):
    """An indicator's target, seeded from the rulebook's reference standards
    (参考标准, S000-R150: 95/95/99/99/95 %, 15S/80 %, ≤ 1 a month and < 4 a
    year) and editable by head office. A company's own target wins over the
    one for every company; a target for a period kind wins over the one for
    any period (:meth:`complaint_rules.kpi.Indicator.target_for`)."""

    _name = "complaint.kpi.target"
    _description = "Complaint KPI Target"
    _order = "indicator, company_id, period_kind"

    indicator = fields.Selection(INDICATORS, required=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: every company without its own target."
    )
    period_kind = fields.Selection(
        PERIOD_KINDS, string="Period", help="Empty: any period."
    )
    comparison = fields.Selection(COMPARISONS, required=True, default=">=")
    value = fields.Float(required=True, digits=(16, 4))
    rule_ref = fields.Char(string="Rules")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "target_uniq",
            "unique(indicator, company_id, period_kind)",
            "An indicator has one target per company and period.",
        )
    ]

    @api.model
    def _seed_from_preset(self):
        """One record per target of the rulebook (install only)."""
        for ind in KPI.indicators:
            for target in ind.targets:
                exists = self.with_context(active_test=False).search_count(
                    [
                        ("indicator", "=", ind.code),
                        ("company_id", "=", False),
                        ("period_kind", "=", target.period or False),
                    ]
                )
                if not exists:
                    self.create(
                        {
                            "indicator": ind.code,
                            "period_kind": target.period or False,
                            "comparison": target.comparison,
                            "value": float(target.value),
                            "rule_ref": ", ".join(ind.cited_rule_ids),
                        }
                    )

    def _as_rule(self):
        self.ensure_one()
        return Target(
            self.comparison,
            Decimal(str(self.value)),
            self.period_kind or None,
        )

    @api.model
    def _target_for(self, code, company, period_kind):
        """The :class:`Target` holding for ``code`` in ``company`` over a
        period of ``period_kind``, or ``None``."""
        targets = self.sudo().search([("indicator", "=", code)])
        best = None
        best_rank = -1
        for rec in targets:
            if rec.company_id and rec.company_id != company:
                continue
            if rec.period_kind and rec.period_kind != period_kind:
                continue
            rank = (2 if rec.company_id else 0) + (1 if rec.period_kind else 0)
            if rank > best_rank:
                best, best_rank = rec, rank
        return best._as_rule() if best else None

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import dataclasses
from decimal import Decimal
from fractions import Fraction

from odoo import api, fields, models, tools
from odoo.tools import SQL

from complaint_rules.kpi import Counts, from_counts

from .complaint_kpi_target import INDICATORS
from .kpi_sql import KPI, TICKET_INDICATORS, unpivot_sql

PERIODS = [("month", "This month"), ("year", "This year")]
STATES = [("met", "Met"), ("missed", "Missed"), ("none", "No target")]


class ComplaintKpiDashboard(models.Model):
    """Each indicator of each company (its sub-branches included) for the
    current month and year, against its target: green when met, red when
    missed (S000-R133, S000-R141..R150). Values and the verdict come from
    :func:`complaint_rules.kpi.from_counts` over the summed counts."""

    _name = "complaint.kpi.dashboard"
    _description = "Complaint KPI Dashboard"
    _auto = False
    _order = "company_id, period_kind, sequence"

    company_id = fields.Many2one("res.company", readonly=True)
    indicator = fields.Selection(INDICATORS, readonly=True)
    sequence = fields.Integer(readonly=True)
    period_kind = fields.Selection(PERIODS, string="Period", readonly=True)
    numerator = fields.Float(readonly=True, digits=(16, 2))
    denominator = fields.Integer(readonly=True)
    value = fields.Float(compute="_compute_value", digits=(16, 4))
    target_display = fields.Char(string="Target", compute="_compute_value")
    state = fields.Selection(STATES, compute="_compute_value")
    rule_ref = fields.Char(string="Rules", compute="_compute_value")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        order = ", ".join(
            f"('{ind.code}', {seq})" for seq, ind in enumerate(TICKET_INDICATORS)
        )
        sums = ",\n".join(
            f"SUM(r.{ind.code}_{part}) AS {ind.code}_{part}"
            for ind in TICKET_INDICATORS
            for part in ("num", "den")
        )
        # Summed per company and month-or-not first (one pass over the
        # year's tickets), then rolled up to every ancestor company over a
        # few rows: a company's figures include its sub-branches.
        self.env.cr.execute(
            SQL(
                f"""
                CREATE OR REPLACE VIEW complaint_kpi_dashboard AS (
                    WITH bounds AS (
                        SELECT d AS today,
                               date_trunc('month', d)::date AS month_first,
                               date_trunc('year', d)::date AS year_first
                          FROM (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date
                                       AS d) AS x
                    ), per_company AS (
                        SELECT r.company_id, r.day >= b.month_first AS in_month,
                               {sums}
                          FROM complaint_kpi_report r
                          CROSS JOIN bounds b
                         WHERE r.day >= b.year_first AND r.day <= b.today
                           AND r.received_at >= b.year_first - 1
                      GROUP BY r.company_id, r.day >= b.month_first
                    ), sums AS (
                        SELECT top.id AS company_id, k.kind AS period_kind,
                               v.indicator, SUM(v.num) AS numerator,
                               SUM(v.den) AS denominator
                          FROM per_company s
                          JOIN res_company sub ON sub.id = s.company_id
                          JOIN res_company top
                            ON starts_with(sub.parent_path, top.parent_path)
                          CROSS JOIN (VALUES ('month'), ('year')) AS k(kind)
                          {unpivot_sql("s")}
                         WHERE k.kind = 'year' OR s.in_month
                      GROUP BY top.id, k.kind, v.indicator
                    )
                    SELECT s.company_id * 1000 + o.seq * 2
                               + (CASE s.period_kind WHEN 'year' THEN 1 ELSE 0 END)
                               AS id,
                           s.company_id, s.indicator, o.seq AS sequence,
                           s.period_kind, s.numerator, s.denominator
                      FROM sums s
                      JOIN (VALUES {order}) AS o(code, seq) ON o.code = s.indicator
                )
                """
            )
        )

    @api.depends("numerator", "denominator", "indicator", "company_id")
    def _compute_value(self):
        Target = self.env["complaint.kpi.target"]
        for rec in self:
            ind = KPI[rec.indicator]
            company = rec.company_id
            settings = company._kpi_settings()
            denominator = rec.denominator
            if ind.method == "external":
                denominator = company.kpi_customer_count or 0
            total = Counts(Decimal(str(rec.numerator or 0)), int(denominator or 0))
            target = Target._target_for(ind.code, company, rec.period_kind)
            # The company's (edited) target replaces the rulebook's.
            definition = dataclasses.replace(ind, targets=(target,) if target else ())
            result = from_counts(definition, total, rec.period_kind, settings)
            rec.value = False if result.value is None else float(result.value)
            rec.rule_ref = ", ".join(ind.cited_rule_ids)
            if target is None:
                rec.target_display = False
                rec.state = "none"
            else:
                shown = Fraction(target.value)
                rec.target_display = f"{target.comparison} {float(shown):g}"
                rec.state = {True: "met", False: "missed"}.get(result.met, "none")

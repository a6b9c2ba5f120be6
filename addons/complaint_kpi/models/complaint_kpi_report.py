# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, fields, models, tools
from odoo.tools import SQL

from complaint_rules.kpi import Counts, from_counts

from .complaint_kpi_fact import KINDS
from .kpi_sql import TICKET_INDICATORS, pair_columns


def _pair_fields():
    """``<code>_num``, ``<code>_den`` and ``<code>_value`` for every ticket
    indicator of the rulebook (S000-R126..R132, S000-R142..R148, S000-R150)."""
    out = {}
    for ind in TICKET_INDICATORS:
        hours = ind.method == "mean"
        num_kind = fields.Float if hours else fields.Integer
        num_string = f"{ind.name_en}: hours" if hours else f"{ind.name_en}: numerator"
        out[f"{ind.code}_num"] = num_kind(
            string=num_string, readonly=True, aggregator="sum"
        )
        out[f"{ind.code}_den"] = fields.Integer(
            string=f"{ind.name_en}: denominator", readonly=True, aggregator="sum"
        )
        unit = (
            " (h)" if ind.unit == "hours" else (" (%)" if ind.unit == "percent" else "")
        )
        out[f"{ind.code}_value"] = fields.Float(
            string=f"{ind.name_en}{unit}",
            readonly=True,
            aggregator="sum",
            digits=(16, ind.places),
            help=f"{ind.name_zh} ({', '.join(ind.rule_ids)}): computed from the "
            "group's summed numerator and denominator, never a sum or mean of "
            "rates.",
        )
    return out


class ComplaintKpiReport(models.Model):
    """One row per ticket with one numerator/denominator column pair per
    indicator (generated from the rulebook by :mod:`.kpi_sql`); pivots sum
    the pairs and :meth:`read_group` fills each ``<code>_value`` from the
    group's sums with :func:`complaint_rules.kpi.from_counts` (the rules'
    rounding; an empty denominator gives no value, never 0)."""

    _name = "complaint.kpi.report"
    _description = "Complaint KPI Report"
    _auto = False
    _order = "day desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    classification_id = fields.Many2one("complaint.classification", readonly=True)
    grade_id = fields.Many2one("complaint.grade", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    user_id = fields.Many2one("res.users", string="Handler", readonly=True)
    staff_user_id = fields.Many2one(
        "res.users", string="Staff held responsible", readonly=True
    )
    confirmed_on = fields.Date(string="Grade confirmed on", readonly=True)
    confirmed_count = fields.Integer(
        string="Confirmed complaints", readonly=True, aggregator="sum"
    )
    complaint_kind = fields.Selection(KINDS, string="Kind", readonly=True)
    escalated = fields.Boolean(readonly=True)
    day = fields.Date(string="Day received", readonly=True)
    received_at = fields.Datetime(readonly=True)
    ticket_count = fields.Integer(string="Tickets", readonly=True, aggregator="sum")
    handling_hours = fields.Float(
        string="Handling time (h)", digits=(16, 2), readonly=True, aggregator="avg"
    )
    # The same column; read_group replaces the group's value by the median
    # (PostgreSQL percentile_cont over the group's rows): Odoo has no median
    # aggregator, and a median cannot be summed from sub-groups.
    handling_hours_median = fields.Float(
        string="Median handling time (h)",
        digits=(16, 2),
        readonly=True,
        aggregator="avg",
    )
    locals().update(_pair_fields())

    def _select_sql(self):
        return f"""
            SELECT f.id, f.ticket_id, f.company_id, f.team_id,
                   f.classification_id, f.grade_id, f.channel_id, f.user_id,
                   f.complaint_kind, f.escalated, f.day, f.received_at,
                   1 AS ticket_count, f.staff_user_id, f.confirmed_on,
                   (CASE WHEN f.confirmed_on IS NOT NULL THEN 1 ELSE 0 END)
                       AS confirmed_count,
                   f.handling_hours,
                   f.handling_hours AS handling_hours_median,
                   {pair_columns()}
              FROM complaint_kpi_fact f
              JOIN res_company c ON c.id = f.company_id
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._select_sql()),
            )
        )

    # ------------------------------------------------------------------
    # Values from the group's sums
    # ------------------------------------------------------------------
    @api.model
    def _kpi_value(self, indicator, numerator, denominator):
        """The reported value of ``indicator`` for summed counts, ``False``
        when undefined (empty denominator, or an outside base unknown)."""
        if indicator.method == "external":
            base = self._kpi_customer_base()
            if not base:
                return False
            denominator = base
        total = Counts(Decimal(str(numerator or 0)), int(denominator or 0))
        result = from_counts(indicator, total)
        return False if result.value is None else float(result.value)

    @api.model
    def _kpi_customer_base(self):
        """Customers of the companies in view (S000-R126, S000-R142): the sum
        of the configured bases of the allowed companies, or 0 if one lacks
        it."""
        companies = self.env.companies
        if any(not company.kpi_customer_count for company in companies):
            return 0
        return sum(companies.mapped("kpi_customer_count"))

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        wanted = {}
        extra = []
        names = {spec.split(":")[0].split("(")[0].strip() for spec in fields}
        for ind in TICKET_INDICATORS:
            if f"{ind.code}_value" in names:
                wanted[ind.code] = ind
                for suffix in ("num", "den"):
                    name = f"{ind.code}_{suffix}"
                    if name not in names:
                        extra.append(f"{name}:sum")
        groups = super().read_group(
            domain, list(fields) + extra, groupby, offset, limit, orderby, lazy
        )
        for group in groups:
            for code, ind in wanted.items():
                group[f"{code}_value"] = self._kpi_value(
                    ind, group.get(f"{code}_num"), group.get(f"{code}_den")
                )
        if "handling_hours_median" in names:
            for group in groups:
                group["handling_hours_median"] = self._kpi_median(
                    group.get("__domain", domain)
                )
        return groups

    @api.model
    def _kpi_median(self, domain):
        """Median handling time of the closed tickets in ``domain``, in
        working hours (S000-R147 measures the mean; the median is shown
        beside it), ``False`` when there are none."""
        query = self._search(domain)
        (value,) = self.env.execute_query(
            query.select(
                SQL(
                    "percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)",
                    SQL.identifier(self._table, "handling_hours_median"),
                )
            )
        )[0]
        return False if value is None else float(value)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from complaint_rules.kpi import local_day

from .complaint_kpi_target import INDICATORS
from .kpi_sql import unpivot_sql


class ComplaintKpiSnapshot(models.Model):
    """One local day's frozen counts of one indicator for one company
    (S000-R133: periods are built from days by summing counts,
    :func:`complaint_rules.kpi.aggregate`). Written set-based by the daily
    cron (one ``INSERT … SELECT`` from the report view), never updated by
    it: a day already frozen keeps its counts; only the regenerate action of
    a period rewrites its days."""

    _name = "complaint.kpi.snapshot"
    _description = "Complaint KPI Daily Snapshot"
    _order = "day desc, company_id, indicator"

    day = fields.Date(required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    indicator = fields.Selection(INDICATORS, required=True, readonly=True)
    numerator = fields.Float(digits=(16, 4), readonly=True)
    denominator = fields.Integer(readonly=True)
    settings_key = fields.Char(
        string="Settings",
        readonly=True,
        help="The open definitions the counts were taken with.",
    )
    computed_at = fields.Datetime(readonly=True)

    _sql_constraints = [
        (
            "day_company_indicator_uniq",
            "unique(day, company_id, indicator)",
            "One snapshot per day, company and indicator.",
        )
    ]

    @api.model
    def _snapshot_days(self, days, company_ids=None, replace=False):
        """Freeze ``days`` (local dates): one set-based INSERT … SELECT of the
        summed pairs per day, company and indicator. Days already frozen are
        kept unless ``replace`` (the regenerate action)."""
        days = sorted(set(days))
        if not days:
            return 0
        cr = self.env.cr
        self.env.flush_all()

        def company_filter(alias):
            if company_ids is None:
                return SQL("TRUE")
            return SQL(
                "%s = ANY(%s)", SQL.identifier(alias, "company_id"), list(company_ids)
            )

        if replace:
            cr.execute(
                SQL(
                    "DELETE FROM complaint_kpi_snapshot s WHERE s.day = ANY(%s) AND %s",
                    days,
                    company_filter("s"),
                )
            )
        # The received-at window lets the planner use the index on
        # date_received; the local day decides.
        low = fields.Datetime.to_datetime(days[0]) - timedelta(days=1)
        high = fields.Datetime.to_datetime(days[-1]) + timedelta(days=2)
        cr.execute(
            SQL(
                f"""
                INSERT INTO complaint_kpi_snapshot
                    (day, company_id, indicator, numerator, denominator,
                     settings_key, computed_at, create_uid, create_date,
                     write_uid, write_date)
                SELECT r.day, r.company_id, v.indicator, SUM(v.num), SUM(v.den),
                       concat_ws('/', c.kpi_satisfaction_base, c.kpi_pending,
                                 c.kpi_unsampled, c.kpi_handling_base),
                       now() AT TIME ZONE 'UTC', %s, now() AT TIME ZONE 'UTC',
                       %s, now() AT TIME ZONE 'UTC'
                  FROM complaint_kpi_report r
                  JOIN res_company c ON c.id = r.company_id
                  {unpivot_sql("r")}
                 WHERE r.received_at >= %s AND r.received_at < %s
                   AND r.day = ANY(%s) AND %s
              GROUP BY r.day, r.company_id, v.indicator, c.kpi_satisfaction_base,
                       c.kpi_pending, c.kpi_unsampled, c.kpi_handling_base
                    ON CONFLICT (day, company_id, indicator) DO NOTHING
                """,
                self.env.uid,
                self.env.uid,
                low,
                high,
                days,
                company_filter("r"),
            )
        )
        self.invalidate_model()
        return cr.rowcount

    @api.model
    def _cron_snapshot(self, today=None):
        """Daily: freeze yesterday (local day in Asia/Shanghai), then refresh
        the open periods holding it and close those it ends."""
        today = today or local_day(fields.Datetime.now())
        yesterday = today - timedelta(days=1)
        self._snapshot_days([yesterday])
        self.env["complaint.kpi.period"]._refresh_for_day(yesterday)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import dataclasses
from datetime import timedelta
from decimal import Decimal

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from odoo.addons.complaint_core.integrity import with_user_lang

from complaint_rules.kpi import Counts, Snapshot, aggregate, from_counts, period_of

from .complaint_kpi_target import INDICATORS
from .kpi_sql import KPI, TICKET_INDICATORS

KINDS = [
    ("week", "Week"),
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("year", "Year"),
]
STATES = [("open", "Open"), ("closed", "Closed")]
VERDICTS = [("met", "Met"), ("missed", "Missed"), ("none", "No target")]


class ComplaintKpiPeriod(models.Model):
    """A statistics period of a company, its sub-branches included: week,
    month, quarter or year (S000-R133, S000-R141; the quarter is also the
    authority's statistics period, S001-R139), summed from the daily
    snapshots by :func:`complaint_rules.kpi.aggregate` (sums of counts, never
    a mean of rates). Once closed its lines never move: the cron skips it and
    a ticket edited later changes nothing; only :meth:`action_regenerate`
    (manager, with a reason, logged) rebuilds it."""

    _name = "complaint.kpi.period"
    _description = "Complaint KPI Period"
    _inherit = ["mail.thread"]
    _order = "first desc, kind, company_id"
    _rec_name = "label"

    company_id = fields.Many2one("res.company", required=True, readonly=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    first = fields.Date(required=True, readonly=True)
    last = fields.Date(required=True, readonly=True)
    label = fields.Char(required=True, readonly=True)
    state = fields.Selection(STATES, default="open", readonly=True, tracking=True)
    computed_at = fields.Datetime(readonly=True)
    line_ids = fields.One2many("complaint.kpi.period.line", "period_id", readonly=True)

    _sql_constraints = [
        (
            "period_uniq",
            "unique(company_id, kind, first)",
            "One period of a kind per company and start.",
        )
    ]

    @api.model
    def _get_or_create(self, company, kind, day):
        period = period_of(day, kind)
        rec = self.search(
            [
                ("company_id", "=", company.id),
                ("kind", "=", kind),
                ("first", "=", period.first),
            ]
        )
        if not rec:
            rec = self.create(
                {
                    "company_id": company.id,
                    "kind": kind,
                    "first": period.first,
                    "last": period.last,
                    "label": period.label,
                }
            )
        return rec

    @api.model
    def _refresh_for_day(self, day):
        """The cron's part: the open periods holding ``day`` are rebuilt from
        the snapshots, and closed when ``day`` ends them. Closed periods are
        never touched."""
        companies = self.env["res.company"].search([])
        for company in companies:
            for kind, _label in KINDS:
                period = self._get_or_create(company, kind, day)
                if period.state == "closed":
                    continue
                period._compute_lines()
                if period.last <= day:
                    period.state = "closed"

    def _snapshots(self):
        self.ensure_one()
        companies = self.env["res.company"].search(
            [("id", "child_of", self.company_id.id)]
        )
        snaps = (
            self.env["complaint.kpi.snapshot"]
            .sudo()
            .search(
                [
                    ("company_id", "in", companies.ids),
                    ("day", ">=", self.first),
                    ("day", "<=", self.last),
                ]
            )
        )
        return [
            Snapshot(
                s.indicator,
                s.day,
                Counts(Decimal(str(s.numerator)), s.denominator),
            )
            for s in snaps
        ]

    def _compute_lines(self):
        """(Re)build the lines from the snapshots of the period's days."""
        Target = self.env["complaint.kpi.target"]
        for period in self:
            rule_period = period_of(period.first, period.kind)
            totals = aggregate(period._snapshots(), rule_period)
            settings = period.company_id._kpi_settings()
            commands = [(5, 0, 0)]
            for seq, ind in enumerate(TICKET_INDICATORS):
                total = totals.get((ind.code, ()), Counts())
                if ind.method == "external":
                    base = period.company_id.kpi_customer_count or 0
                    total = Counts(total.numerator, base)
                target = Target._target_for(ind.code, period.company_id, period.kind)
                definition = dataclasses.replace(
                    ind, targets=(target,) if target else ()
                )
                result = from_counts(definition, total, period.kind, settings)
                commands.append(
                    (
                        0,
                        0,
                        {
                            "sequence": seq,
                            "indicator": ind.code,
                            "numerator": float(total.numerator),
                            "denominator": total.denominator,
                            "value": False
                            if result.value is None
                            else float(result.value),
                            "value_defined": result.value is not None,
                            "verdict": {True: "met", False: "missed"}.get(
                                result.met, "none"
                            ),
                        },
                    )
                )
            period.write({"line_ids": commands, "computed_at": fields.Datetime.now()})

    def _counts_table(self):
        self.ensure_one()
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                line.indicator,
                f"{line.numerator:g}",
                line.denominator,
            )
            for line in self.line_ids
        )
        return Markup("<table class='table table-sm'>%s</table>") % rows

    def action_regenerate(self, reason):
        """S000-R133: rebuild a period from fresh snapshots of its days: an
        explicit manager action with a reason, logged in the chatter with the
        counts before and after."""
        if not self.env.user.has_group("complaint_core.group_complaint_manager"):
            raise AccessError(
                with_user_lang(self).env._(
                    "Only a complaint manager may regenerate a KPI period."
                )
            )
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                with_user_lang(self).env._(
                    "Give the reason for regenerating the KPI period."
                )
            )
        Snapshot = self.env["complaint.kpi.snapshot"].sudo()
        for period in self.sudo():
            before = period._counts_table()
            companies = self.env["res.company"].search(
                [("id", "child_of", period.company_id.id)]
            )
            days = [
                period.first + timedelta(days=n)
                for n in range((period.last - period.first).days + 1)
            ]
            Snapshot._snapshot_days(days, companies.ids, replace=True)
            period._compute_lines()
            after = period._counts_table()
            period.message_post(
                body=Markup("<p>%s</p><p>%s</p>%s<p>%s</p>%s")
                % (
                    self.env._(
                        "KPI period regenerated. Reason: %(reason)s", reason=reason
                    ),
                    self.env._("Counts before:"),
                    before,
                    self.env._("Counts after:"),
                    after,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_close(self):
        """Freeze the period now (its lines no longer follow the cron)."""
        if not self.env.user.has_group("complaint_core.group_complaint_manager"):
            raise AccessError(
                with_user_lang(self).env._(
                    "Only a complaint manager may close a KPI period."
                )
            )
        self.sudo().filtered(lambda p: p.state == "open").write({"state": "closed"})
        return True

    def action_open_regenerate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "complaint.kpi.regenerate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_period_id": self.id},
        }


class ComplaintKpiPeriodLine(models.Model):
    _name = "complaint.kpi.period.line"
    _description = "Complaint KPI Period Line"
    _order = "period_id, sequence"

    period_id = fields.Many2one(
        "complaint.kpi.period", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="period_id.company_id", store=True)
    kind = fields.Selection(related="period_id.kind", store=True)
    label = fields.Char(related="period_id.label", store=True, string="Period label")
    sequence = fields.Integer()
    indicator = fields.Selection(INDICATORS, required=True)
    numerator = fields.Float(digits=(16, 4))
    denominator = fields.Integer()
    value = fields.Float(digits=(16, 4))
    value_defined = fields.Boolean(
        help="False when the denominator is empty (no value, never 0)."
    )
    verdict = fields.Selection(VERDICTS)


__all__ = ["KPI", "ComplaintKpiPeriod", "ComplaintKpiPeriodLine"]

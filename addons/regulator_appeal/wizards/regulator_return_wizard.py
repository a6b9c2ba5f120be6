# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..models.regulator_return_export import (
    COMPLIANCE_GROUP,
    PERIODS,
    check_period,
    period_bounds,
)

MONTHS = [(str(number), str(number)) for number in range(1, 13)]
QUARTERS = [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")]


class RegulatorReturnWizard(models.TransientModel):
    """Choose regulator, period and companies; get the return as XLSX
    (S000-R157). A big return is written in the background and lands as an
    attachment of its export log, with a notification."""

    _name = "regulator.return.wizard"
    _description = "Regulator Return"

    body_id = fields.Many2one("regulator.body", string="Regulator")
    period = fields.Selection(PERIODS, required=True, default="month")
    year = fields.Integer(default=lambda self: fields.Date.today().year)
    month = fields.Selection(
        MONTHS, default=lambda self: str(fields.Date.today().month)
    )
    quarter = fields.Selection(QUARTERS, default="1")
    date_from = fields.Date()
    date_to = fields.Date()
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        default=lambda self: self.env.companies,
        help="The returns of these companies and their branches. Empty: every "
        "company you may see.",
    )

    def _check_compliance(self):
        if not self.env.user.has_group(COMPLIANCE_GROUP):
            raise AccessError(
                self.env._("Only compliance staff export regulator returns.")
            )

    @api.model
    def _bounds_of(self, values):
        return period_bounds(
            values["period"],
            values.get("year") or fields.Date.today().year,
            month=int(values.get("month") or 1),
            quarter=int(values.get("quarter") or 1),
            date_from=values.get("date_from"),
            date_to=values.get("date_to"),
        )

    def action_export(self):
        """Create the export log and write the return now, or queue it when
        it holds more cases than ``regulator_appeal.background_rows``."""
        self.ensure_one()
        self._check_compliance()
        date_from, date_to = self._bounds_of(
            {
                "period": self.period,
                "year": self.year,
                "month": self.month,
                "quarter": self.quarter,
                "date_from": self.date_from,
                "date_to": self.date_to,
            }
        )
        check_period(self.env, date_from, date_to)
        name = self.env._(
            "Return %(body)s %(start)s - %(end)s",
            body=self.body_id.code or self.env._("all"),
            start=date_from,
            end=date_to,
        )
        export = self.env["regulator.return.export"].create(
            {
                "name": name,
                "body_id": self.body_id.id,
                "period": self.period,
                "date_from": date_from,
                "date_to": date_to,
                "company_ids": [fields.Command.set(self.company_ids.ids)],
            }
        )
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("regulator_appeal.background_rows", 5000)
        )
        count = export._tickets().search_count(export._domain())
        if count > limit:
            self.env.ref(
                "regulator_appeal.ir_cron_regulator_return_export"
            ).sudo()._trigger()
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "title": self.env._("Return queued"),
                    "message": self.env._(
                        "%(count)s cases: the return is written in the "
                        "background; you will be notified when it is ready.",
                        count=count,
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        attachment = export._run()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

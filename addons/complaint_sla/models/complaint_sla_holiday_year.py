# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from complaint_rules import sla as rules_sla
from complaint_rules.calendar import supported_years


class ComplaintSlaHolidayYear(models.Model):
    """China public holidays and make-up working days (调休) of one year.

    Generated from ``chinese-calendar``: one calendar leave per holiday run on
    the SLA working calendar, plus the list of make-up working days. Both are
    editable; for a year the library does not know yet, enter them by hand.
    Once a year exists here, its days are decided by these records only.
    """

    _name = "complaint.sla.holiday.year"
    _inherit = ["complaint.cache.mixin"]
    _description = "Holiday Year"
    _order = "calendar_id, year desc"

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(required=True, default=lambda self: fields.Date.today().year)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working time",
        required=True,
        ondelete="cascade",
        default=lambda self: self.env.company._complaint_sla_calendar(),
    )
    source = fields.Selection(
        [("chinese_calendar", "chinese-calendar"), ("manual", "Entered by hand")],
        default="manual",
        readonly=True,
    )
    leave_ids = fields.One2many(
        "resource.calendar.leaves",
        "complaint_holiday_year_id",
        string="Public holidays",
    )
    workday_ids = fields.One2many(
        "complaint.sla.workday", "year_id", string="Make-up working days"
    )
    holiday_count = fields.Integer(compute="_compute_counts", string="Days off")
    workday_count = fields.Integer(compute="_compute_counts", string="Make-up days")
    note = fields.Text()

    _sql_constraints = [
        (
            "year_uniq",
            "unique(calendar_id, year)",
            "A year is defined once per working calendar.",
        )
    ]

    @api.depends("year", "calendar_id.name")
    def _compute_name(self):
        for record in self:
            record.name = f"{record.year} {record.calendar_id.name or ''}".strip()

    @api.depends("leave_ids", "workday_ids")
    def _compute_counts(self):
        for record in self:
            record.holiday_count = len(record._days_off())
            record.workday_count = len(record.workday_ids)

    # ------------------------------------------------------------------
    def action_generate(self):
        """(Re)create the year's holidays and make-up days from chinese-calendar."""
        first, last = supported_years()
        for record in self:
            if not first <= record.year <= last:
                raise UserError(
                    self.env._(
                        "chinese-calendar knows the years %(first)s-%(last)s only: "
                        "enter the public holidays and make-up days of %(year)s by "
                        "hand.",
                        first=first,
                        last=last,
                        year=record.year,
                    )
                )
            record._generate()
        return True

    def _generate(self):
        self.ensure_one()
        tz = pytz.timezone(self.calendar_id.tz or "Asia/Shanghai")
        lang_zh = (self.env.lang or "").startswith("zh")

        def utc(day, moment):
            local = tz.localize(datetime.combine(day, moment))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        self.leave_ids.unlink()
        self.workday_ids.unlink()
        self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": run.name_zh if lang_zh else run.name,
                    "calendar_id": self.calendar_id.id,
                    "company_id": self.calendar_id.company_id.id,
                    "date_from": utc(run.first, time.min),
                    "date_to": utc(run.last, time(23, 59, 59)),
                    "time_type": "leave",
                    "complaint_holiday_year_id": self.id,
                }
                for run in rules_sla.china_holidays(self.year)
            ]
        )
        self.env["complaint.sla.workday"].create(
            [
                {
                    "year_id": self.id,
                    "date": day,
                    "name": rules_sla.HOLIDAY_NAMES_ZH.get(name, name)
                    if lang_zh
                    else name,
                }
                for day, name in rules_sla.china_makeup_workdays(self.year)
            ]
        )
        self.source = "chinese_calendar"

    @api.model
    def _generate_default_years(self, calendar=None):
        """At install: last, this and next year for the default calendar.

        Years chinese-calendar knows are generated; a later year gets an
        empty record "entered by hand" so that it shows in the list.
        """
        calendar = calendar or self.env.ref(
            "complaint_sla.resource_calendar_china", raise_if_not_found=False
        )
        if not calendar:
            return
        first, last = supported_years()
        this_year = fields.Date.today().year
        existing = set(self.search([("calendar_id", "=", calendar.id)]).mapped("year"))
        for year in range(this_year - 1, this_year + 2):
            if year in existing:
                continue
            record = self.create({"year": year, "calendar_id": calendar.id})
            if first <= year <= last:
                record._generate()
            else:
                record.note = self.env._(
                    "chinese-calendar does not know this year yet: enter the "
                    "public holidays and make-up days when the State Council "
                    "publishes them. Until then only weekends are days off."
                )

    def _days_off(self):
        """Local dates of the year with no working time left by the leaves.

        Every leave of the calendar (or of all calendars) without a resource
        counts, whether generated here or added on the calendar itself; a day
        is off when the leaves cover all its working periods.
        """
        self.ensure_one()
        calendar = self.calendar_id
        return calendar._complaint_days_off(self.year)

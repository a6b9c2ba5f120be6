# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError

from complaint_rules import sla as rules_sla
from complaint_rules.calendar import supported_years


class ComplaintSlaHolidayYear(models.Model):
    """China public holidays and make-up working days (调休) of one year.

    Generated from ``chinese-calendar``: one calendar leave per holiday run on
    the SLA working calendar, plus the list of make-up working days. Both are
    editable; for a year the library does not know yet, type them in or
    import the State Council's notice (:meth:`action_import`). Once a year is
    *loaded*, its days are decided by these records only; until then a year
    the library does not know counts weekends only, the deadlines that reach
    it are flagged, and head office gets one activity to load it.
    """

    _name = "complaint.sla.holiday.year"
    _inherit = ["complaint.cache.mixin", "mail.thread", "mail.activity.mixin"]
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
    loaded = fields.Boolean(
        string="Holiday data loaded",
        compute="_compute_loaded",
        store=True,
        readonly=False,
        tracking=True,
        help="The public holidays and make-up days of the year are complete. "
        "Until then a year chinese-calendar does not know counts weekends "
        "only and the deadlines reaching it are provisional.",
    )
    provisional_count = fields.Integer(
        compute="_compute_provisional_count",
        string="Provisional deadlines",
        help="Running deadlines computed over this year without its holidays.",
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

    @api.depends("source")
    def _compute_loaded(self):
        for record in self:
            record.loaded = record.source == "chinese_calendar"

    def _compute_provisional_count(self):
        groups = (
            self.env["complaint.ticket.deadline"]
            .sudo()
            ._read_group(
                [
                    ("provisional_year", "in", self.mapped("year")),
                    ("calendar_id", "in", self.calendar_id.ids),
                    ("state", "in", ("open", "paused")),
                ],
                ["provisional_year", "calendar_id"],
                ["__count"],
            )
        )
        counts = {(year, cal.id): count for year, cal, count in groups}
        for record in self:
            record.provisional_count = counts.get(
                (record.year, record.calendar_id.id), 0
            )

    @api.depends("leave_ids", "workday_ids")
    def _compute_counts(self):
        for record in self:
            record.holiday_count = len(record._days_off())
            record.workday_count = len(record.workday_ids)

    def write(self, vals):
        newly_loaded = (
            self.filtered(lambda record: not record.loaded)
            if vals.get("loaded")
            else self.browse()
        )
        res = super().write(vals)
        if newly_loaded:
            newly_loaded._after_load()
        return res

    # ------------------------------------------------------------------
    def action_import(self):
        """Open the import of a holiday notice for this year."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_sla.complaint_sla_holiday_import_action"
        )
        action["context"] = {"default_year_id": self.id}
        return action

    def _load_notice(self, notice):
        """Replace the year's holidays and make-up days by those of a
        :class:`complaint_rules.calendar.HolidayNotice`, and mark it loaded."""
        self.ensure_one()
        tz = pytz.timezone(self.calendar_id.tz or "Asia/Shanghai")

        def utc(day, moment):
            local = tz.localize(datetime.combine(day, moment))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        self.leave_ids.unlink()
        self.workday_ids.unlink()
        self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": name or self.env._("Public holiday"),
                    "calendar_id": self.calendar_id.id,
                    "company_id": self.calendar_id.company_id.id,
                    "date_from": utc(first, time.min),
                    "date_to": utc(last, time(23, 59, 59)),
                    "time_type": "leave",
                    "complaint_holiday_year_id": self.id,
                }
                for first, last, name in notice.days_off
            ]
        )
        self.env["complaint.sla.workday"].create(
            [
                {"year_id": self.id, "date": day, "name": name or False}
                for day, name in notice.workdays
            ]
        )
        if self.loaded:
            self._after_load()
        else:
            self.loaded = True

    def _after_load(self):
        """The year's days are known now: re-plan the running deadlines that
        reach it and close the request to load it."""
        self.env.registry.clear_cache()
        Deadline = self.env["complaint.ticket.deadline"].sudo()
        for record in self:
            start = datetime(record.year, 1, 1) - timedelta(days=1)
            end = datetime(record.year + 1, 1, 1) + timedelta(days=1)
            lines = Deadline.search(
                [
                    ("calendar_id", "=", record.calendar_id.id),
                    ("state", "in", ("open", "paused")),
                    ("start", "<", end),
                    ("deadline", ">", start),
                ]
            )
            lines._sla_recompute()
            record.activity_feedback(
                ["complaint_sla.mail_activity_type_holiday_year"],
                feedback=self.env._(
                    "Holiday data loaded; %(count)s running deadline(s) recomputed.",
                    count=len(lines),
                ),
            )

    @api.model
    def _request_load(self, calendar_years):
        """Ask head office, once per working calendar and year, to load the
        holidays of a year the deadlines reached without holiday data: one
        activity on that year's record (created if missing)."""
        if not calendar_years:
            return
        activity_type = self.env.ref(
            "complaint_sla.mail_activity_type_holiday_year", raise_if_not_found=False
        )
        if not activity_type:
            return
        Year = self.sudo()
        user = self._holiday_year_user()
        for calendar_id, year in sorted(calendar_years):
            record = Year.search(
                [("calendar_id", "=", calendar_id), ("year", "=", year)]
            ) or Year.create({"year": year, "calendar_id": calendar_id})
            if record.loaded or record.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            ):
                continue
            record.activity_schedule(
                "complaint_sla.mail_activity_type_holiday_year",
                user_id=user.id,
                summary=self.env._(
                    "Load the public holidays and make-up days of %(year)s",
                    year=year,
                ),
                note=self.env._(
                    "Deadlines now reach %(year)s, for which no holiday data is "
                    "loaded: they count weekends only until you enter the State "
                    "Council's days off and make-up working days (or import the "
                    "notice).",
                    year=year,
                ),
            )

    @api.model
    def _holiday_year_user(self):
        """Who loads holiday years: the first active head-office user."""
        group = self.env.ref("complaint_core.group_complaint_head_office")
        users = group.sudo().users.filtered(
            lambda u: u.active and not u.share and u.id != SUPERUSER_ID
        )
        return users.sorted("id")[:1] or self.env.ref("base.user_admin")

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
        if self.source == "chinese_calendar" and self.loaded:
            self._after_load()
        self.write({"source": "chinese_calendar", "loaded": True})

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

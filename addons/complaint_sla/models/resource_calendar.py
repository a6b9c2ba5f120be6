# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, models, tools

from complaint_rules import sla as rules_sla
from complaint_rules.calendar import DEFAULT_PERIODS, WorkCalendar, supported_years

# Years after the last one chinese-calendar knows that are still computed,
# weekends off only, when nobody has loaded them: the deadlines reaching them
# are flagged as provisional.
GRACE_YEARS = 2


def _hours_to_time(hours):
    minutes = round(hours * 60)
    if minutes >= 24 * 60:
        return time(23, 59, 59)
    return time(minutes // 60, minutes % 60)


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def write(self, vals):
        if {"tz", "attendance_ids"} & set(vals):
            self.env.registry.clear_cache()
        return super().write(vals)

    def _complaint_periods(self):
        """Working periods of a working day, from the first weekday worked,
        and the set of weekdays worked."""
        self.ensure_one()
        attendances = self.attendance_ids.filtered(
            lambda a: (
                not a.display_type
                and a.day_period != "lunch"
                and a.week_type in (False, "0")
            )
        )
        weekdays = sorted({int(a.dayofweek) for a in attendances})
        if not weekdays:
            return DEFAULT_PERIODS, frozenset(range(5))
        first = [a for a in attendances if int(a.dayofweek) == weekdays[0]]
        periods = []
        for att in sorted(first, key=lambda a: a.hour_from):
            start, end = _hours_to_time(att.hour_from), _hours_to_time(att.hour_to)
            if start >= end:
                continue
            if periods and start <= periods[-1][1]:
                periods[-1] = (periods[-1][0], max(end, periods[-1][1]))
            else:
                periods.append((start, end))
        return tuple(periods), frozenset(weekdays)

    def _complaint_days_off(self, year):
        """Local dates of ``year`` fully covered by calendar-wide leaves."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "Asia/Shanghai")
        periods, _weekdays = self._complaint_periods()
        start = datetime(year, 1, 1) - timedelta(days=1)
        end = datetime(year + 1, 1, 1) + timedelta(days=1)
        leaves = (
            self.env["resource.calendar.leaves"]
            .sudo()
            .search(
                [
                    ("resource_id", "=", False),
                    "|",
                    ("calendar_id", "=", self.id),
                    "&",
                    ("calendar_id", "=", False),
                    ("company_id", "=", self.company_id.id or 0),
                    ("date_from", "<", end),
                    ("date_to", ">", start),
                ]
            )
        )
        off = set()
        for leave in leaves:
            low = pytz.utc.localize(leave.date_from).astimezone(tz).replace(tzinfo=None)
            high = pytz.utc.localize(leave.date_to).astimezone(tz).replace(tzinfo=None)
            day = low.date()
            while day <= high.date():
                if day.year == year and all(
                    low <= datetime.combine(day, p_start)
                    and datetime.combine(day, p_end) <= high + timedelta(seconds=1)
                    for p_start, p_end in periods
                ):
                    off.add(day)
                day += timedelta(days=1)
        return off

    @api.model
    @tools.ormcache("calendar_id")
    def _complaint_work_calendar(self, calendar_id):
        """The :class:`WorkCalendar` of a resource calendar, cached.

        Working periods come from the calendar's attendances; each year
        loaded under *Holiday years* decides all its days (leaves and
        make-up days); other years the library knows follow chinese-calendar.
        The years after the library's last one that nobody loaded get
        weekends off only and are *provisional*: a deadline that reaches one
        is flagged and head office is asked to load it.
        """
        calendar = self.browse(calendar_id).sudo().exists()
        if not calendar:
            return WorkCalendar()
        periods, weekdays = calendar._complaint_periods()
        off, on = set(), set()
        years = (
            self.env["complaint.sla.holiday.year"]
            .sudo()
            .search([("calendar_id", "=", calendar.id), ("loaded", "=", True)])
        )
        loaded = set()
        for year in years:
            loaded.add(year.year)
            year_off, year_on = rules_sla.year_overrides(
                year.year,
                calendar._complaint_days_off(year.year),
                year.workday_ids.mapped("date"),
                weekdays,
            )
            off |= year_off
            on |= year_on
        _first, last = supported_years()
        provisional = set()
        for year in range(last + 1, last + 1 + GRACE_YEARS):
            if year not in loaded:
                provisional.add(year)
                year_off, year_on = rules_sla.year_overrides(year, (), (), weekdays)
                off |= year_off
                on |= year_on
        return WorkCalendar(
            tz_name=calendar.tz or "Asia/Shanghai",
            periods=periods,
            extra_holidays=frozenset(off),
            extra_workdays=frozenset(on),
            provisional_years=frozenset(provisional),
        )

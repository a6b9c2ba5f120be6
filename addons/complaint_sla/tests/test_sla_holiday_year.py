# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

import chinese_calendar

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SlaCommon


@tagged("post_install", "-at_install")
class TestSlaHolidayYear(SlaCommon):
    def _year(self, year):
        return self.env["complaint.sla.holiday.year"].search(
            [("calendar_id", "=", self.calendar.id), ("year", "=", year)]
        )

    def test_generated_2024_matches_chinese_calendar(self):
        year = self._year(2024)
        self.assertEqual(year.source, "chinese_calendar")
        national = year.leave_ids.filtered(lambda leave: "National" in leave.name)
        self.assertEqual(len(national), 1)
        # 7 holiday runs, the 8 make-up days (调休) of 2024.
        self.assertEqual(len(year.leave_ids), 7)
        self.assertEqual(len(year.workday_ids), 8)
        self.assertIn(date(2024, 10, 12), year.workday_ids.mapped("date"))
        cal = self.env["resource.calendar"]._complaint_work_calendar(self.calendar.id)
        day = date(2024, 1, 1)
        while day.year == 2024:
            self.assertEqual(
                cal.is_working_day(day), chinese_calendar.is_workday(day), day
            )
            day += timedelta(days=1)

    def test_unknown_year_cannot_be_generated(self):
        year = self.env["complaint.sla.holiday.year"].create(
            {"year": 2099, "calendar_id": self.calendar.id}
        )
        with self.assertRaisesRegex(UserError, "by hand"):
            year.action_generate()

    def test_working_periods_come_from_the_resource_calendar(self):
        cal = self.env["resource.calendar"]._complaint_work_calendar(self.calendar.id)
        self.assertEqual(cal.daily_working_time, timedelta(hours=7.5))
        self.assertEqual(cal.tz_name, "Asia/Shanghai")

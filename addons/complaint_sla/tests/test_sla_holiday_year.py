# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

import chinese_calendar
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import SlaCommon, eod, utc


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


# A plausible 2027 notice typed in for the test: chinese-calendar 1.11 knows
# up to 2026 and the State Council's 2027 notice is not in the seeds. New
# Year 01-01..01-03 off; Spring Festival 02-06..02-13 off (Sat..Sat) with the
# make-up working days Sun 02-14 and Sat 02-20.
NOTICE_2027 = """\
# 国务院办公厅关于2027年部分节假日安排的通知 (plausible, for the test)
2027-01-01..2027-01-03 元旦 休
2027-02-06..2027-02-13 春节 休
2027-02-14 春节 班
2027-02-20 春节 班
"""


@tagged("post_install", "-at_install")
class TestSlaYearWithoutHolidays(SlaCommon):
    """Issue 10 item 4: a deadline reaching a year without holiday data is
    flagged, head office is asked once to load the year, and loading it
    recomputes the running deadlines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # S000-R174: feedback to a real-name reporter within 60 working days.
        cls._policy(
            "Reports: feedback within 60 working days (S000-R174)",
            [cls._line(amount=60, unit="working_days", end_step="replied")],
            complaint_kind="report",
        )
        Year = cls.env["complaint.sla.holiday.year"]
        Year.search(
            [("calendar_id", "=", cls.calendar.id), ("year", "=", 2027)]
        ).unlink()
        cls.env.registry.clear_cache()

    def _report(self):
        with freeze_time(utc(2026, 12, 1, 9)):
            return self._ticket(complaint_kind="report").with_env(self.env)

    def _year_2027(self):
        return self.env["complaint.sla.holiday.year"].search(
            [("calendar_id", "=", self.calendar.id), ("year", "=", 2027)]
        )

    def _load_activities(self):
        kind = self.env.ref("complaint_sla.mail_activity_type_holiday_year")
        return self._year_2027().activity_ids.filtered(
            lambda a: a.activity_type_id == kind
        )

    def test_s000_r174_2027_deadline_before_and_after_loading_the_year(self):
        first, second = self._report(), self._report()
        # Other open deadlines (demo data of the installed addons) may reach
        # 2027 too: count ours.
        already = self.env["complaint.ticket.deadline"].search_count(
            [
                ("provisional_year", "=", 2027),
                ("calendar_id", "=", self.calendar.id),
                ("state", "in", ("open", "paused")),
                ("ticket_id", "not in", (first | second).ids),
            ]
        )
        line = first.sla_deadline_ids
        # Weekends only in 2027: 22 working days left in December, 21 in
        # January, the 17th of February is Tue 02-23.
        self.assertEqual(line.deadline, eod(2027, 2, 23))
        self.assertEqual(line.provisional_year, 2027)
        self.assertEqual(first.sla_provisional_year, 2027)
        self.assertEqual(
            self.env["helpdesk.ticket"].search(
                [
                    ("id", "in", (first | second).ids),
                    ("sla_provisional_year", "=", 2027),
                ]
            ),
            first | second,
        )
        policy = line.policy_id
        with freeze_time(utc(2026, 12, 1, 9)):
            policy.invalidate_recordset(["provisional_years"])
            self.assertEqual(policy.provisional_years, "2027")
        # One activity for head office, not one per ticket.
        activity = self._load_activities()
        self.assertEqual(len(activity), 1)
        self.assertTrue(
            activity.user_id.has_group("complaint_core.group_complaint_head_office")
        )
        self.assertFalse(self._year_2027().loaded)
        self.assertEqual(self._year_2027().provisional_count, already + 2)

        wizard = self.env["complaint.sla.holiday.import"].create(
            {"year_id": self._year_2027().id, "notice": NOTICE_2027}
        )
        wizard.action_import()
        # With New Year (Fri 01-01) and the Spring Festival week off and the
        # two make-up days worked, the 60th working day is Mon 03-01.
        self.assertEqual(line.deadline, eod(2027, 3, 1))
        self.assertEqual(second.sla_deadline_ids.deadline, eod(2027, 3, 1))
        self.assertEqual(line.provisional_year, 0)
        self.assertEqual(first.sla_provisional_year, 0)
        self.assertTrue(self._year_2027().loaded)
        self.assertFalse(self._load_activities())
        self.assertEqual(len(self._year_2027().leave_ids), 2)
        self.assertEqual(
            self._year_2027().workday_ids.mapped("date"),
            [date(2027, 2, 14), date(2027, 2, 20)],
        )
        # A new report now gets the loaded year at once, unflagged.
        third = self._report()
        self.assertEqual(third.sla_deadline_ids.deadline, eod(2027, 3, 1))
        self.assertFalse(third.sla_deadline_ids.provisional_year)

    def test_import_names_the_bad_line(self):
        self._report()
        wizard = self.env["complaint.sla.holiday.import"].create(
            {
                "year_id": self._year_2027().id,
                "notice": "2027-01-01..2027-01-03 元旦 休\n2027-02-30 春节 休\n",
            }
        )
        with self.assertRaisesRegex(UserError, "Line 2 .*2027-02-30"):
            wizard.action_import()
        self.assertFalse(self._year_2027().loaded)

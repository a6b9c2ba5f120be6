# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SlaCommon, eod, utc


@tagged("post_install", "-at_install")
class TestSlaPauseExtension(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hours_policy = cls._policy(
            "Working hours (S004-R063)",
            [cls._line(amount=8, unit="working_hours", end_step="replied")],
            complaint_kind="complaint",
        )
        cls.days_policy = cls._policy(
            "Working days, one extension",
            [
                cls._line(
                    amount=1,
                    unit="working_days",
                    end_step="replied",
                    max_extensions=1,
                )
            ],
            complaint_kind="report",
        )

    def test_pause_shifts_the_deadline_by_the_working_time_paused(self):
        """8 working hours from Mon 2024-09-30 10:00: 6 h that day, the
        National Day week off, 2 h on Tue 10-08 -> 10:30 (warning 09:42).
        Paused 10:00-15:00 on Monday (2 h + 1.5 h of working time): the
        deadline moves to 10-08 15:30 and the warning to 14:42."""
        ticket = self._ticket(date_received=utc(2024, 9, 30, 10))
        line = ticket.sla_deadline_ids
        self.assertEqual(line.deadline, utc(2024, 10, 8, 10, 30))
        self.assertEqual(line.warning_at, utc(2024, 10, 8, 9, 42))
        with freeze_time(utc(2024, 9, 30, 10)):
            ticket.sla_pause("Waiting for the customer's bank statement.")
        self.assertEqual((line.state, ticket.sla_status), ("paused", "paused"))
        self.assertTrue(ticket.sla_paused)
        with self.assertRaises(UserError):
            ticket.sla_pause("Again")
        # A paused clock neither warns nor breaches.
        self.assertEqual(self.Deadline._cron_breach(now=utc(2024, 10, 9)), 0)
        with freeze_time(utc(2024, 9, 30, 15)):
            ticket.sla_resume()
        self.assertEqual(line.state, "open")
        self.assertEqual(line.deadline, utc(2024, 10, 8, 15, 30))
        self.assertEqual(line.warning_at, utc(2024, 10, 8, 14, 42))
        self.assertEqual(line.paused_seconds, 5 * 3600)
        pause = ticket.sla_pause_ids
        self.assertEqual(
            (pause.date_start, pause.date_end),
            (utc(2024, 9, 30, 10), utc(2024, 9, 30, 15)),
        )

    def test_pause_over_the_holiday_week_costs_nothing(self):
        ticket = self._ticket(date_received=utc(2024, 9, 30, 10))
        line = ticket.sla_deadline_ids
        with freeze_time(utc(2024, 10, 1, 9)):
            ticket.sla_pause("Customer abroad.")
        with freeze_time(utc(2024, 10, 7, 18)):
            ticket.sla_resume()
        self.assertEqual(line.deadline, utc(2024, 10, 8, 10, 30))

    def test_step_change_ends_the_pause(self):
        ticket = self._ticket(date_received=utc(2024, 9, 30, 10))
        with freeze_time(utc(2024, 9, 30, 10)):
            ticket.sla_pause("Waiting for documents.")
        with freeze_time(utc(2024, 9, 30, 15)):
            ticket._move_to_step("dispatched")
        line = ticket.sla_deadline_ids
        self.assertEqual(line.state, "open")
        self.assertEqual(line.deadline, utc(2024, 10, 8, 15, 30))
        self.assertTrue(ticket.sla_pause_ids.date_end)

    def test_extension_needs_a_manager_and_moves_by_working_days(self):
        """1 working day from Sun 2024-09-29 (调休) ends on 09-30; an approved
        extension of 2 working days skips the National Day week: 10-09."""
        ticket = self._ticket(
            complaint_kind="report", date_received=utc(2024, 9, 29, 10)
        )
        line = ticket.sla_deadline_ids
        self.assertEqual(line.deadline, eod(2024, 9, 30))
        self.assertEqual(line.warning_at, utc(2024, 9, 30, 16, 9))
        # The warning fired before the extension ...
        self.assertEqual(self.Deadline._cron_warn(now=utc(2024, 9, 30, 16, 30)), 1)
        staff_ticket = self._as(ticket, self.staff_a)
        extension = staff_ticket.sla_request_extension(
            line, 2, "working_days", "Site visit only possible after the holiday."
        )
        self.assertEqual(extension.state, "requested")
        todo = ticket.activity_ids.filtered(
            lambda a: a.summary == "Approve or refuse a deadline extension"
        )
        self.assertEqual(todo.user_id, self.manager_p)
        with self.assertRaises(AccessError):
            extension.with_user(self.staff_a).action_approve()
        self._as(extension, self.manager_p).action_approve()
        self.assertEqual(extension.state, "approved")
        self.assertEqual(extension.approver_id, self.manager_p)
        self.assertEqual(line.deadline, eod(2024, 10, 9))
        self.assertEqual(line.original_deadline, eod(2024, 9, 30))
        self.assertEqual(extension.old_deadline, eod(2024, 9, 30))
        # ... and is re-armed with the same lead before the new deadline.
        self.assertFalse(line.warned_at)
        self.assertEqual(line.warning_at, utc(2024, 10, 9, 16, 9))
        self.assertEqual(self.Deadline._cron_warn(now=utc(2024, 10, 9, 16, 30)), 1)
        # The limit allows one extension only.
        with self.assertRaisesRegex(UserError, "allows 1 extension"):
            staff_ticket.sla_request_extension(line, 1, "working_days", "More time")

    def test_requester_cannot_approve_their_own_extension(self):
        """Issue 9 item 7: a manager who asked for an extension cannot approve
        or refuse it; another manager can (S003-R031/R032: overruns are
        approved by someone above the handler)."""
        ticket = self._ticket(
            complaint_kind="report", date_received=utc(2024, 9, 29, 10)
        )
        line = ticket.sla_deadline_ids
        extension = self._as(ticket, self.manager_p).sla_request_extension(
            line, 2, "working_days", "Site visit only possible after the holiday."
        )
        self.assertEqual(extension.requested_by_id, self.manager_p)
        with self.assertRaisesRegex(AccessError, "another manager"):
            self._as(extension, self.manager_p).action_approve()
        with self.assertRaisesRegex(AccessError, "another manager"):
            self._as(extension, self.manager_p).action_refuse()
        self.assertEqual(extension.state, "requested")
        self.assertEqual(line.deadline, eod(2024, 9, 30))
        self._as(extension, self.head_admin).action_approve()
        self.assertEqual(extension.approver_id, self.head_admin)
        self.assertEqual(line.deadline, eod(2024, 10, 9))

    def test_overdue_deadline_cannot_be_extended(self):
        ticket = self._ticket(
            complaint_kind="report", date_received=utc(2024, 9, 29, 10)
        )
        self.Deadline._cron_breach(now=utc(2024, 10, 1))
        with self.assertRaises(UserError):
            ticket.sla_request_extension(
                ticket.sla_deadline_ids, 1, "working_days", "Too late"
            )

    def test_s002_r023_hospital_extension_not_beyond_5_days(self):
        (self.hours_policy | self.days_policy).active = False
        self.env.ref(
            "complaint_sla.complaint_sla_policy_hospital_service_attitude"
        ).active = True
        self.city_a.complaint_grade_scheme = "hospital_service_attitude"
        ticket = self._ticket(date_received=utc(2024, 3, 4, 10))
        line = ticket.sla_deadline_ids
        self.assertEqual(line.deadline, eod(2024, 3, 6))
        with self.assertRaisesRegex(UserError, "more than 5"):
            ticket.sla_request_extension(line, 3, "calendar_days", "Complex case")
        extension = ticket.sla_request_extension(line, 2, "calendar_days", "Complex")
        self._as(extension, self.manager_p).action_approve()
        self.assertEqual(line.deadline, eod(2024, 3, 8))

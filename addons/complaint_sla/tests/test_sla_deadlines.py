# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SlaCommon, eod, utc


@tagged("post_install", "-at_install")
class TestSlaDeadlines(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls._policy(
            "Escalated complaints (S000-R140)",
            [
                cls._line(amount=7, unit="working_days", end_step="replied"),
                cls._line(amount=4, unit="hours"),
                cls._line("dispatched", amount=1, unit="working_days"),
            ],
            complaint_kind="complaint",
        )

    def test_s000_r140_holiday_week_and_makeup_saturday(self):
        """HQ dispatch received Fri 2024-09-27 16:00: 7 working days are
        09-29 (Sun, 调休), 09-30, 10-08..10-11 and Sat 10-12 (调休), after the
        National Day week 10-01..10-07; the deadline is the end of 10-12."""
        ticket = self._ticket(date_received=utc(2024, 9, 27, 16))
        line = self._lines(ticket, end_step="replied")
        self.assertEqual(line.deadline, eod(2024, 10, 12))
        # 90 % of 1.5 h + 7 × 7.5 h = 54 working hours: 5 h 24 min before the
        # end of Saturday's work (17:30), i.e. Sat 10:36.
        self.assertEqual(line.warning_at, utc(2024, 10, 12, 10, 36))
        self.assertEqual(line.calendar_id, self.calendar)

    def test_s000_r122_warning_at_90_percent_of_4_hours(self):
        """TC-23: review and dispatch ≤ 4 h from 10:40: due 14:40, warning
        14:16."""
        ticket = self._ticket(date_received=utc(2024, 5, 10, 10, 40))
        line = self._lines(ticket, end_step=False)
        self.assertEqual(line.deadline, utc(2024, 5, 10, 14, 40))
        self.assertEqual(line.warning_at, utc(2024, 5, 10, 14, 16))

    def test_holiday_year_adjusted_in_the_ui_moves_deadlines(self):
        """Head office adds a day off (Fri 10-11) and removes the make-up
        Saturday 10-12: the same 7 working days now end on Tue 10-15."""
        year = self.env["complaint.sla.holiday.year"].search(
            [("calendar_id", "=", self.calendar.id), ("year", "=", 2024)]
        )
        year.workday_ids.filtered(lambda d: d.date == date(2024, 10, 12)).unlink()
        year.write(
            {
                "leave_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Company day off",
                            "calendar_id": self.calendar.id,
                            "date_from": utc(2024, 10, 11, 0, 0),
                            "date_to": utc(2024, 10, 11, 23, 59, 59),
                        },
                    )
                ]
            }
        )
        ticket = self._ticket(date_received=utc(2024, 9, 27, 16))
        self.assertEqual(
            self._lines(ticket, end_step="replied").deadline, eod(2024, 10, 15)
        )

    def test_step_change_closes_and_opens_clocks(self):
        ticket = self._ticket(date_received=utc(2024, 9, 27, 16))
        with freeze_time(utc(2024, 9, 27, 17)):
            ticket._move_to_step("dispatched")
        received = self._lines(ticket, step="received", end_step=False)
        self.assertEqual(
            (received.state, received.done_at, received.status),
            ("done", utc(2024, 9, 27, 17), "met"),
        )
        # The clock until the reply keeps running across the dispatch.
        self.assertEqual(self._lines(ticket, end_step="replied").state, "open")
        dispatched = self._lines(ticket, step="dispatched")
        self.assertEqual(dispatched.start, utc(2024, 9, 27, 17))
        # 1 working day after Fri 09-27 is Sun 09-29 (调休).
        self.assertEqual(dispatched.deadline, eod(2024, 9, 29))
        with freeze_time(utc(2024, 9, 30, 9)):
            ticket._move_to_step("handling")
            ticket.complaint_reply("Answered.", "phone")
        self.assertEqual(self._lines(ticket, end_step="replied").state, "done")
        self.assertFalse(
            ticket.sla_deadline_ids.filtered(lambda line: line.state == "open")
        )
        self.assertEqual(ticket.sla_status, "none")

    def test_status_filters(self):
        """Filters 'warning', 'overdue' and 'due today' of the ticket list."""
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time(utc(2024, 5, 10, 14, 20)):
            warned = self._ticket(date_received=utc(2024, 5, 10, 10, 40))
            late = self._ticket(date_received=utc(2024, 5, 10, 8, 0))
            fresh = self._ticket(date_received=utc(2024, 5, 10, 14, 0))
            tickets = warned | late | fresh
            self.assertEqual(warned.sla_status, "warning")
            self.assertEqual(late.sla_status, "overdue")
            self.assertEqual(fresh.sla_status, "on_time")
            domain = [("id", "in", tickets.ids)]
            self.assertEqual(
                Ticket.search([*domain, ("sla_status", "=", "warning")]), warned
            )
            self.assertEqual(
                Ticket.search([*domain, ("sla_status", "=", "overdue")]), late
            )
            self.assertEqual(
                Ticket.search([*domain, ("sla_status", "=", "on_time")]), fresh
            )
            self.assertEqual(
                Ticket.search([*domain, ("sla_due_today", "=", True)]), tickets
            )
            self.assertEqual(
                Ticket.search([*domain, ("sla_status", "in", ["warning", "overdue"])]),
                warned | late,
            )
            self.assertEqual(
                Ticket.search([*domain, ("sla_status", "!=", "on_time")]),
                warned | late,
            )
            fresh.sla_pause("Waiting for the contract.")
            self.assertEqual(
                Ticket.search([*domain, ("sla_status", "=", "paused")]), fresh
            )
            self.assertFalse(Ticket.search([*domain, ("sla_status", "=", "on_time")]))
            self.assertTrue(fresh.sla_remaining)
            self.assertIn("late", late.sla_remaining)

    def test_archived_ticket_cancels_its_clocks(self):
        ticket = self._ticket(date_received=utc(2024, 5, 10, 10, 40))
        ticket.active = False
        self.assertEqual(set(ticket.sla_deadline_ids.mapped("state")), {"cancelled"})

    def test_year_unknown_to_chinese_calendar_is_computed_and_adjustable(self):
        """chinese-calendar 1.11 stops at 2026: 2027 counts weekends only
        until head office enters its holidays and marks the year loaded, and
        never blocks a ticket; the provisional deadline is flagged and
        recomputed when the year is loaded."""
        self.policy.line_ids.filtered(
            lambda line: line.end_step == "replied"
        ).amount = 3
        Year = self.env["complaint.sla.holiday.year"]
        year = Year.search(
            [("calendar_id", "=", self.calendar.id), ("year", "=", 2027)]
        ) or Year.create({"year": 2027, "calendar_id": self.calendar.id})
        year.leave_ids.unlink()
        year.workday_ids.unlink()
        ticket = self._ticket(date_received=utc(2026, 12, 30, 10))
        # 12-31 (Thu), then 01-01 (Fri) and 01-04 (Mon): no holiday in 2027 yet.
        line = self._lines(ticket, end_step="replied")
        self.assertEqual(line.deadline, eod(2027, 1, 4))
        self.assertEqual(line.provisional_year, 2027)
        self.env["resource.calendar.leaves"].create(
            {
                "name": "New Year's Day",
                "calendar_id": self.calendar.id,
                "date_from": utc(2027, 1, 1, 0, 0),
                "date_to": utc(2027, 1, 1, 23, 59, 59),
                "complaint_holiday_year_id": year.id,
            }
        )
        # Typed in, not loaded yet: still weekends only.
        self.assertEqual(line.deadline, eod(2027, 1, 4))
        year.loaded = True
        self.assertEqual(line.deadline, eod(2027, 1, 5))
        self.assertFalse(line.provisional_year)
        later = self._ticket(date_received=utc(2026, 12, 30, 10))
        self.assertEqual(
            self._lines(later, end_step="replied").deadline, eod(2027, 1, 5)
        )

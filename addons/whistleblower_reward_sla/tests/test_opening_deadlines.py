# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Opening deadlines of reports on China working days (S000-R014, S000-R015,
S000-R071), through complaint_sla policies per opening route."""

from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.whistleblower_reward.tests.common import WhistleblowerCommon


@tagged("post_install", "-at_install")
class TestOpeningDeadlines(WhistleblowerCommon):
    def _received(self, local, **vals):
        """A report received at ``local`` (Asia/Shanghai wall time)."""
        utc = fields.Datetime.to_datetime(local) - timedelta(hours=8)
        return self._report(user=self.investigator, date_received=utc, **vals)

    def _opening_line(self, ticket):
        lines = ticket._sla_open_lines().filtered(
            lambda line: (line.step, line.end_step) == ("received", "dispatched")
        )
        self.assertEqual(len(lines), 1, "one opening clock")
        return lines

    @staticmethod
    def _local(value):
        """UTC as stored -> Asia/Shanghai wall time (no DST)."""
        return value + timedelta(hours=8)

    def test_real_name_report_three_working_days_across_national_day(self):
        """S000-R014: received Wed 2026-09-30 10:00, the eve of National Day
        (10-01..10-07 off); the receipt day is not counted: Thu 10-08 (1),
        Fri 10-09 (2), Sat 10-10, a make-up working day (调休, 3)."""
        report = self._received("2026-09-30 10:00:00")
        self.assertEqual(report.wb_route, "approval")
        line = self._opening_line(report)
        self.assertEqual(line.policy_id.code, "whistleblower_report_approval")
        self.assertEqual(self._local(line.deadline).date().isoformat(), "2026-10-10")

    def test_senior_report_two_working_days(self):
        """S000-R015: an anonymous report on senior management received Thu
        2026-09-24 20:00; Fri 09-25 is the Mid-Autumn Festival and the
        weekend follows: Mon 09-28 (1), Tue 09-29 (2)."""
        report = self._received(
            "2026-09-24 20:00:00", anonymous=True, wb_subject_rank="senior"
        )
        line = self._opening_line(report)
        self.assertEqual(line.policy_id.code, "whistleblower_report_senior")
        self.assertEqual(self._local(line.deadline).date().isoformat(), "2026-09-29")

    def test_deadlines_of_a_sealed_report_stay_sealed(self):
        """The management a report names does not see its deadlines either
        (S000-R015, S000-R071)."""
        report = self._received(
            "2026-09-24 20:00:00",
            anonymous=True,
            wb_subject_rank="senior",
        )
        line = self._opening_line(report)
        Deadline = self.env["complaint.ticket.deadline"]
        for user in (self.staff_a, self.manager_a, self.head_admin):
            with self.subTest(user=user.login):
                self.assertFalse(
                    self._as(Deadline, user).search([("id", "=", line.id)])
                )
        self.assertTrue(
            self._as(Deadline, self.investigator).search([("id", "=", line.id)])
        )

    def test_anonymous_report_on_staff_has_no_opening_limit(self):
        """S000-R013: the preliminary evaluation has no time limit."""
        report = self._received("2026-09-30 10:00:00", anonymous=True)
        self.assertEqual(report.wb_route, "evaluation")
        self.assertFalse(
            report._sla_open_lines().filtered(
                lambda line: line.end_step == "dispatched"
            )
        )

    def test_rank_change_switches_the_clock(self):
        report = self._received("2026-09-30 10:00:00")
        self._as(report, self.investigator).write({"wb_subject_rank": "senior"})
        line = self._opening_line(report)
        self.assertEqual(line.policy_id.code, "whistleblower_report_senior")
        # Two working days from Wed 09-30: Thu 10-08, Fri 10-09.
        self.assertEqual(self._local(line.deadline).date().isoformat(), "2026-10-09")

    def test_acknowledgement_names_the_deadline(self):
        report = self._received("2026-09-30 10:00:00")
        notes = report.message_ids.mapped("body")
        self.assertTrue(
            any(
                "2026-10-10" in (body or "") and report.wb_pseudonym in body
                for body in notes
            ),
            notes,
        )
        status = report._wb_public_status()
        self.assertEqual(
            [
                self._local(due).date().isoformat()
                for _label, due in status["deadlines"]
                if _label.startswith("Received → Dispatched")
            ],
            ["2026-10-10"],
        )

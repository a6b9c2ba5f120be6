# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

import chinese_calendar

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AppealCommon, local, utc


def nth_china_workday_after(day, count):
    """The ``count``-th China working day after ``day`` (chinese_calendar,
    调休 included), independently of the rules package."""
    found = 0
    while found < count:
        day += timedelta(days=1)
        if chinese_calendar.is_workday(day):
            found += 1
    return day


@tagged("post_install", "-at_install")
class TestAppealPlan(AppealCommon):
    def test_staged_deadlines_friday_evening_before_national_day(self):
        """S000-R156 (reading A, windows) and S000-R087 on real China working
        days: an appeal received Friday 2024-09-27 19:00, before the National
        Day holiday (10-01..10-07 off, Sun 09-29 and Sat 10-12 make-up
        working days, Sat 09-28 off)."""
        received = utc(2024, 9, 27, 19, 0)
        # The calendar facts the expectations rest on.
        self.assertFalse(chinese_calendar.is_workday(date(2024, 9, 28)))
        self.assertTrue(chinese_calendar.is_workday(date(2024, 9, 29)))
        self.assertTrue(chinese_calendar.is_holiday(date(2024, 10, 1)))
        self.assertTrue(chinese_calendar.is_holiday(date(2024, 10, 7)))
        self.assertTrue(chinese_calendar.is_workday(date(2024, 10, 12)))
        cap_day = nth_china_workday_after(date(2024, 9, 27), 7)
        self.assertEqual(cap_day, date(2024, 10, 12))

        ticket = self._appeal("GXB-2024-0927-01", received)
        lines = self._plan_lines(ticket)
        self.assertEqual(set(lines), {"dispatch", "cap"})
        # 受理派发 0-24小时: elapsed hours, Saturday 19:00.
        self.assertEqual(lines["dispatch"].deadline, utc(2024, 9, 28, 19, 0))
        self.assertEqual(lines["dispatch"].step, "received")
        self.assertEqual(lines["dispatch"].end_step, "dispatched")
        # 7个工作日: the end of the 7th working day, the make-up Saturday.
        cap = local(lines["cap"].deadline)
        self.assertEqual(cap.date(), cap_day)
        self.assertGreaterEqual(cap.time(), datetime(2024, 1, 1, 17, 0).time())
        # The regulator's clock (S000-R156 company_reply) gives the same.
        self.assertEqual(ticket.regulator_due_at, lines["cap"].deadline)
        self.assertEqual(ticket.appeal_class, "filed")
        self.assertEqual(ticket.appeal_count, 1)

        # Dispatch: the branch window opens, due receipt + 96 h (a holiday:
        # elapsed hours do not stop).
        ticket.complaint_dispatch(self.city_a, "核实漫游话单", self._deadline())
        lines = self._plan_lines(ticket)
        self.assertEqual(lines["dispatch"].state, "done")
        self.assertEqual(lines["branch"].deadline, utc(2024, 10, 1, 19, 0))
        # Handling: head office 24-48 h after the branch (anchor: the
        # branch deadline while it has not fed back).
        ticket.complaint_start()
        lines = self._plan_lines(ticket)
        self.assertEqual(lines["head_office"].deadline, utc(2024, 10, 3, 19, 0))
        # The branch feeds back now, long after: head office is counted from
        # the actual feedback and cut by the overall cap.
        ticket.action_appeal_branch_feedback()
        lines = self._plan_lines(ticket)
        self.assertEqual(lines["branch"].state, "done")
        self.assertEqual(lines["branch"].outcome, "missed")
        self.assertEqual(lines["head_office"].deadline, lines["cap"].deadline)
        self.assertTrue(ticket.appeal_branch_feedback_at)
        self.assertTrue(self._tracked_values(ticket, "appeal_branch_feedback_at"))

    def test_holiday_year_recompute_keeps_the_plan(self):
        """Loading a holiday year re-plans running clocks from their start
        and limit (complaint_sla); an appeal's plan lines keep the plan's
        deadlines, the overall 7-working-day cap included (S000-R156)."""
        ticket = self._appeal("GXB-2024-0927-02", utc(2024, 9, 27, 11, 0))
        ticket.complaint_dispatch(self.city_a, "核实漫游话单", self._deadline())
        ticket.complaint_start()
        ticket.action_appeal_branch_feedback()
        before = {
            stage: line.deadline for stage, line in self._plan_lines(ticket).items()
        }
        ticket.sudo().sla_deadline_ids.filtered(
            lambda line: line.state == "open"
        )._sla_recompute()
        after = {
            stage: line.deadline for stage, line in self._plan_lines(ticket).items()
        }
        self.assertEqual(after, before)
        self.assertLessEqual(after["head_office"], after["cap"])

    def test_durations_reading(self):
        """S000-R156 reading B: stages one after another; received Monday
        2024-07-01 09:00 (TC-27), dispatched at once: the branch is due
        96 h after the dispatch."""
        self.plan.reading = "durations"
        ticket = self._appeal("GXB-TC27", utc(2024, 7, 1, 9, 0))
        ticket.complaint_dispatch(self.city_a, "核实", self._deadline())
        lines = self._plan_lines(ticket)
        dispatched = ticket.sudo().date_dispatched
        self.assertEqual(
            lines["branch"].deadline,
            min(dispatched + timedelta(hours=96), lines["cap"].deadline),
        )
        self.assertEqual(local(lines["cap"].deadline).date(), date(2024, 7, 10))

    def test_duplicate_reference_refused(self):
        """A regulator's reference is recorded once per regulator; the
        refusal names the existing ticket (S000-R152 申诉受理)."""
        first = self._appeal("GXB-DUP-1", utc(2024, 9, 2, 10))
        with self.assertRaises(ValidationError) as caught:
            self._appeal("GXB-DUP-1", utc(2024, 9, 3, 10), user=self.staff_b)
        self.assertIn(first.number, str(caught.exception))
        self.assertIn("GXB-DUP-1", str(caught.exception))
        # Spaces do not make another reference.
        with self.assertRaises(ValidationError):
            self._appeal(" GXB-DUP-1 ", utc(2024, 9, 3, 10))
        # Same reference at another regulator: another appeal.
        other = self._appeal(
            "GXB-DUP-1",
            utc(2024, 9, 3, 10),
            regulator_body_id=self.association.id,
            appeal_source="other_authority",
            appeal_filed=False,
        )
        self.assertEqual(other.appeal_class, "other_authority")
        # A write to a taken reference is refused too.
        second = self._appeal("GXB-DUP-2", utc(2024, 9, 3, 10))
        with self.assertRaises(ValidationError):
            second.write({"regulator_ref": "GXB-DUP-1"})

    def test_filed_only_for_ministry(self):
        """S000-R155: only the ministry's forwards are filed or non-filed."""
        with self.assertRaises(ValidationError):
            self._appeal("GXB-F-1", utc(2024, 9, 2, 10), appeal_filed=False)
        with self.assertRaises(ValidationError):
            self._appeal(
                "GXB-F-2",
                utc(2024, 9, 2, 10),
                appeal_source="direct",
                appeal_filed="filed",
            )
        ticket = self._appeal("GXB-F-3", utc(2024, 9, 2, 10), appeal_filed="non_filed")
        self.assertEqual(ticket.appeal_class, "non_filed")

    def test_reappeal_counted_not_escalations(self):
        """S000-R155: a re-appeal linked to the original counts as the
        customer's second appeal; internal escalations never count."""
        first = self._appeal(
            "GXB-RE-1", utc(2024, 9, 2, 10), partner_id=self.partner_li.id
        )
        self.assertEqual(first.appeal_count, 1)
        first.with_user(self.manager_p).complaint_escalate("升级处理")
        self.assertEqual(first.appeal_count, 1)
        second = self._appeal(
            "GXB-RE-2",
            utc(2024, 9, 20, 10),
            partner_id=self.partner_li.id,
            original_appeal_id=first.id,
        )
        self.assertEqual(second.appeal_count, 2)
        self.assertEqual(second.reappeal_count, 1)
        self.assertEqual(first.sudo().reappeal_ids, second)
        # Another customer's appeal linked by mistake is not their re-appeal.
        stranger = self._appeal(
            "GXB-RE-3", utc(2024, 9, 21, 10), original_appeal_id=first.id
        )
        self.assertEqual(stranger.appeal_count, 1)
        with self.assertRaises(ValidationError):
            first.sudo().write({"original_appeal_id": second.id})

    def test_new_body_as_data(self):
        """A body the seeds do not cover (12315) is data: its clocks chain
        (acceptance, then mediation) through body_deadlines."""
        body = self.env.ref("regulator_appeal.regulator_body_market_12315")
        ticket = self._appeal(
            "12315-1",
            utc(2024, 9, 27, 19),
            regulator_body_id=body.id,
            appeal_source="other_authority",
            appeal_filed=False,
        )
        acceptance = nth_china_workday_after(date(2024, 9, 27), 7)
        mediation = nth_china_workday_after(acceptance, 45)
        self.assertEqual(local(ticket.regulator_due_at).date(), mediation)

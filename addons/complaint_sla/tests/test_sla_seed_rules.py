# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 10 item 5, the SLA rules measured against the seeds' own text."""

from odoo.tests import tagged

from .common import SlaCommon, eod, utc


@tagged("post_install", "-at_install")
class TestSlaSeedRules(SlaCommon):
    def _preset(self, *codes):
        policies = self.env["complaint.sla.policy"].with_context(active_test=False)
        policies = policies.search([("code", "in", codes)])
        self.assertEqual(len(policies), len(codes))
        policies.active = True
        return policies

    def test_s000_r174_feedback_owed_to_real_name_reporters_only(self):
        """A report accepted Mon 2024-09-23 10:00 (seed-000 TC-40): on-site
        verification due end of Thu 10-17 (15 working days, S000-R172) for
        every report; feedback due end of Thu 12-19 (60 working days,
        S000-R174) for a real-name report only."""
        self._preset("cultural_relics_reports", "cultural_relics_feedback")
        feedback = self.env.ref(
            "complaint_sla.complaint_sla_policy_cultural_relics_feedback"
        )
        self.assertEqual(feedback.anonymity, "real_name")
        self.assertEqual(feedback.specificity, 2)
        start = utc(2024, 9, 23, 10)
        named = self._ticket(complaint_kind="report", date_received=start)
        anonymous = self._ticket(
            complaint_kind="report", complainant_anonymous=True, date_received=start
        )
        self.assertEqual(
            [(line.end_step, line.deadline) for line in self._lines(named)],
            [("replied", eod(2024, 10, 17)), ("closed", eod(2024, 12, 19))],
        )
        self.assertEqual(self._lines(named, end_step="closed").policy_id, feedback)
        self.assertEqual(
            [(line.end_step, line.deadline) for line in self._lines(anonymous)],
            [("replied", eod(2024, 10, 17))],
        )
        # The reporter turns out anonymous: the feedback clock is cancelled;
        # giving the name later starts it from the receipt.
        named.complainant_anonymous = True
        self.assertEqual(self._lines(named, end_step="closed").state, "cancelled")
        anonymous.complainant_anonymous = False
        line = self._lines(anonymous, end_step="closed", state="open")
        self.assertEqual(line.deadline, eod(2024, 12, 19))

    def test_anonymous_only_policy(self):
        policy = self._policy(
            "Anonymous reports",
            [self._line(amount=5, unit="working_days", end_step="replied")],
            complaint_kind="report",
            anonymity="anonymous",
        )
        start = utc(2024, 9, 23, 10)
        anonymous = self._ticket(
            complaint_kind="report", complainant_anonymous=True, date_received=start
        )
        named = self._ticket(complaint_kind="report", date_received=start)
        self.assertEqual(anonymous.sla_deadline_ids.policy_id, policy)
        # 5 working days from Mon 2024-09-23: Sun 09-29 is a 调休 working day.
        self.assertEqual(anonymous.sla_deadline_ids.deadline, eod(2024, 9, 29))
        self.assertFalse(named.sla_deadline_ids)

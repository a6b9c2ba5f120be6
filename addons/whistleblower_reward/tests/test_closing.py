# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Closing a report: feedback owed to real-name reporters (S000-R017,
S000-R072), the remediation report of a substantiated case (S000-R021),
then the identity's retention clock and the receipt codes' expiry."""

from dateutil.relativedelta import relativedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import WhistleblowerCommon


@tagged("post_install", "-at_install")
class TestClosingReports(WhistleblowerCommon):
    def _replied(self, report):
        walker = self._as(report, self.head_admin)
        walker._move_to_step("dispatched")
        walker._move_to_step("handling")
        walker.complaint_reply("The buyer was suspended; losses recovered.", "phone")
        return walker

    def test_real_name_report_needs_feedback_and_remediation(self):
        report = self._report()
        self.env["whistleblower.receipt"]._issue(report)
        walker = self._replied(report)
        with self.assertRaisesRegex(UserError, "S000-R017"):
            walker.complaint_close(self.conclusion, "substantiated")
        with self.assertRaises(UserError):
            self._as(report, self.staff_a).wb_record_feedback("Told by phone.")
        with self.assertRaises(UserError):
            self._as(report, self.staff_a).write({"wb_feedback_at": "2026-01-01"})
        self._as(report, self.investigator).wb_record_feedback(
            "Told by phone that the case was opened and the buyer suspended."
        )
        self.assertTrue(report.wb_feedback_at)
        with self.assertRaisesRegex(UserError, "S000-R021"):
            walker.complaint_close(self.conclusion, "substantiated")
        self._as(report, self.investigator).write(
            {"wb_remediation_report": "<p>Two-person rule on supplier payments.</p>"}
        )
        walker.complaint_close(self.conclusion, "substantiated")
        self.assertEqual(report.complaint_step, "closed")
        self.assertEqual(
            report.wb_retention_date, report.closed_date + relativedelta(months=60)
        )
        receipt = self.env["whistleblower.receipt"].search(
            [("ticket_id", "=", report.id)]
        )
        self.assertEqual(
            receipt.expires_at.date(),
            (report.closed_date + relativedelta(days=365)).date(),
        )

    def test_anonymous_unsubstantiated_report_closes_without_either(self):
        report = self._report(anonymous=True)
        walker = self._replied(report)
        walker.complaint_close(self.conclusion, "unsubstantiated")
        self.assertEqual(report.complaint_step, "closed")
        self.assertFalse(report.wb_feedback_at)

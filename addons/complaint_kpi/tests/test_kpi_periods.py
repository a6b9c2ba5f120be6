# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import KpiCommon

MARCH_10 = date(2025, 3, 10)


@tagged("post_install", "-at_install")
class TestKpiPeriods(KpiCommon):
    """S000-R133 / S000-R141 / S001-R139: daily snapshots, periods summed
    from them, closed periods frozen, regeneration explicit and logged."""

    def _lines(self, period):
        return {
            line.indicator: (line.numerator, line.denominator, line.value)
            for line in period.line_ids
        }

    def _month(self):
        self.env["complaint.kpi.snapshot"]._cron_snapshot(today=date(2025, 3, 11))
        return self.env["complaint.kpi.period"].search(
            [
                ("company_id", "=", self.city_a.id),
                ("kind", "=", "month"),
                ("first", "=", date(2025, 3, 1)),
            ]
        )

    def test_cron_freezes_yesterday_set_based(self):
        """One snapshot per company and indicator for the day; running the
        cron again changes nothing (ON CONFLICT DO NOTHING)."""
        Snapshot = self.env["complaint.kpi.snapshot"]
        Snapshot._cron_snapshot(today=date(2025, 3, 11))
        snaps = Snapshot.search(
            [("day", "=", MARCH_10), ("company_id", "=", self.city_a.id)]
        )
        by_code = {s.indicator: (s.numerator, s.denominator) for s in snaps}
        self.assertEqual(by_code["on_time_closure"], (3, 6))
        self.assertEqual(by_code["average_delay"], (12, 3))
        self.assertEqual(Snapshot._snapshot_days([MARCH_10]), 0)

    def test_s000_r133_periods_sum_counts(self):
        """Week, month, quarter and year of a company hold the summed counts
        of its days and sub-branches; the province's month is 4 of 7."""
        month = self._month()
        self.assertEqual(month.label, "2025-03")
        self.assertEqual(self._lines(month)["on_time_closure"], (3, 6, 50.0))
        province = self.env["complaint.kpi.period"].search(
            [("company_id", "=", self.province.id), ("kind", "=", "quarter")]
        )
        self.assertEqual(province.label, "2025-Q1")
        self.assertEqual(self._lines(province)["on_time_closure"][:2], (4, 7))
        week = self.env["complaint.kpi.period"].search(
            [("company_id", "=", self.city_a.id), ("kind", "=", "week")]
        )
        self.assertEqual(week.label, "2025-W11")
        verdicts = {line.indicator: line.verdict for line in month.line_ids}
        self.assertEqual(verdicts["service_complaints"], "missed")  # 3 > 1 a month

    def test_closed_period_unchanged_after_ticket_edit(self):
        """A closed month does not move when a ticket is edited later; the
        explicit regenerate action (manager, with a reason) rebuilds it and
        logs the counts before and after."""
        month = self._month()
        month.action_close()
        before = self._lines(month)
        # T4's running deadline is met later and the ticket closes.
        t4 = self.tickets["T4"]
        self.env.cr.execute(
            "UPDATE complaint_ticket_deadline SET outcome = 'met', state = 'done'"
            " WHERE ticket_id = %s",
            [t4.id],
        )
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET complaint_step = 'closed' WHERE id = %s",
            [t4.id],
        )
        self.env.invalidate_all()
        self._month()  # the cron runs again
        self.env["complaint.kpi.snapshot"]._cron_snapshot(today=date(2025, 4, 1))
        month.invalidate_recordset()
        self.assertEqual(self._lines(month), before)
        self.assertEqual(month.state, "closed")
        with self.assertRaises(UserError):
            self._as(month, self.manager_a).action_regenerate("  ")
        with self.assertRaises(AccessError):
            self._as(month, self.staff_a).action_regenerate("audit")
        self._as(month, self.manager_a).action_regenerate("Deadline outcome corrected")
        month.invalidate_recordset()
        self.assertEqual(self._lines(month)["on_time_closure"], (4, 7, 57.14))
        message = month.message_ids[0]
        self.assertIn("Deadline outcome corrected", message.body)
        self.assertEqual(message.author_id, self.manager_a.partner_id)

    def test_xlsx_matches_the_pivot(self):
        """The XLSX export, re-read with openpyxl, holds the pivot's groups
        and values."""
        Report = self.env["complaint.kpi.report"]
        domain = [("company_id", "in", (self.city_a | self.city_b).ids)]
        action = Report.export_xlsx(domain, ["company_id"])
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw), read_only=True)
        rows = list(book.active.iter_rows(values_only=True))
        headers = rows[0]
        groups = Report.read_group(
            domain,
            ["ticket_count", "on_time_closure_value", "average_delay_value"],
            ["company_id"],
        )
        self.assertEqual(len(rows) - 1, len(groups))
        col_value = headers.index(Report._fields["on_time_closure_value"].string)
        col_delay = headers.index(Report._fields["average_delay_value"].string)
        for row, group in zip(rows[1:], groups, strict=True):
            self.assertEqual(row[0], group["company_id"][1])
            self.assertEqual(row[1], group["ticket_count"])
            self.assertEqual(row[col_value], group["on_time_closure_value"])
            self.assertEqual(row[col_delay], group["average_delay_value"] or None)
        month = self._month()
        action = month.action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        sheet = openpyxl.load_workbook(io.BytesIO(attachment.raw)).active
        values = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(
            values,
            [line.value if line.value_defined else None for line in month.line_ids],
        )

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import shutil
import subprocess
import unicodedata

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.complaint_core.integrity import lifecycle

from ..models.regulator_return_export import CASE_COLUMNS, SUMMARY
from .common import AppealCommon, utc


@tagged("post_install", "-at_install")
class TestAppealReturn(AppealCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.conclusion_early = cls.env.ref(
            "complaint_core.closing_conclusion_handled_properly_early"
        )
        # September 2024: three appeals in city A, two in city B; one in
        # October and one of another regulator, outside the return.
        cls.september = [
            cls._appeal("RET-A1", utc(2024, 9, 2, 10)),
            cls._appeal("RET-A2", utc(2024, 9, 10, 10), appeal_filed="non_filed"),
            cls._appeal("RET-A3", utc(2024, 9, 30, 23, 30)),
            cls._appeal("RET-B1", utc(2024, 9, 5, 10), user=cls.staff_b),
            cls._appeal("RET-B2", utc(2024, 9, 1, 0, 10), user=cls.staff_b),
        ]
        cls._appeal("RET-A4", utc(2024, 10, 1, 0, 30))
        cls._appeal(
            "RET-X1",
            utc(2024, 9, 12, 10),
            regulator_body_id=cls.association.id,
            appeal_source="other_authority",
            appeal_filed=False,
        )
        lifecycle(cls.september[0].sudo()).write(
            {"closing_conclusion_id": cls.conclusion_early.id}
        )

    def _export(self, user, **vals):
        values = {
            "body_id": self.ministry.id,
            "period": "month",
            "year": 2024,
            "month": "9",
        }
        values.update(vals)
        wizard = self._as(self.env["regulator.return.wizard"], user).create(values)
        wizard.action_export()
        export = self._as(self.env["regulator.return.export"], user).search(
            [], order="id desc", limit=1
        )
        self.assertEqual(export.state, "done")
        return export

    def _workbook(self, export):
        raw = base64.b64decode(export.attachment_id.sudo().datas)
        return openpyxl.load_workbook(io.BytesIO(raw), read_only=True)

    def _db_count(self, user):
        Ticket = self._as(self.env["helpdesk.ticket"], user)
        return Ticket.search_count(
            [
                ("regulator_body_id", "=", self.ministry.id),
                ("appeal_received_at", ">=", utc(2024, 9, 1)),
                ("appeal_received_at", "<", utc(2024, 10, 1)),
            ]
        )

    def _check_workbook(self, export, user, expected):
        """Sheets, headers and totals equal to the database (S000-R157)."""
        book = self._workbook(export)
        self.assertEqual(book.sheetnames, ["Summary", "Cases"])
        cases = list(book["Cases"].iter_rows(values_only=True))
        self.assertEqual(
            list(cases[0]), [header for _c, header, _f, _k in CASE_COLUMNS]
        )
        self.assertEqual(len(cases) - 1, expected)
        self.assertEqual(self._db_count(user), expected)
        self.assertEqual(export.row_count, expected)
        refs = {row[1] for row in cases[1:]}
        summary = list(book["Summary"].iter_rows(values_only=True))
        self.assertEqual(summary[2][:2], ("Total cases", expected))
        # Every section: its title, its lines and a total equal to the rows.
        titles = [title for title, _key in SUMMARY]
        for title in titles:
            start = next(i for i, row in enumerate(summary) if row[0] == title)
            end = next(
                i for i in range(start, len(summary)) if summary[i][0] == "Total"
            )
            self.assertEqual(summary[end][1], expected, title)
            self.assertEqual(
                sum(row[1] for row in summary[start + 1 : end]), expected, title
            )
        return refs, summary

    def test_return_month_province(self):
        """A provincial compliance user's September return: both cities'
        ministry appeals, the boundaries in Beijing time (09-01 08:10 and
        09-30 23:30 in, 10-01 00:30 out)."""
        export = self._export(self.compliance_p)
        refs, summary = self._check_workbook(export, self.compliance_p, 5)
        self.assertEqual(refs, {"RET-A1", "RET-A2", "RET-A3", "RET-B1", "RET-B2"})
        by_class = {
            row[0]: row[1]
            for row in summary
            if row[0] in ("Filed appeal", "Non-filed appeal")
        }
        self.assertEqual(by_class, {"Filed appeal": 4, "Non-filed appeal": 1})
        conclusions = {row[0]: row[1] for row in summary}
        self.assertEqual(conclusions.get("Properly handled earlier"), 1)
        self.assertEqual(export.user_id, self.compliance_p)
        self.assertTrue(export.date_done)

    def test_return_branch_sees_own(self):
        """A city's compliance user exports its own appeals only."""
        export = self._export(self.compliance_a)
        refs, _summary = self._check_workbook(export, self.compliance_a, 3)
        self.assertEqual(refs, {"RET-A1", "RET-A2", "RET-A3"})

    def test_return_in_background(self):
        """Above the threshold the return is queued, written by the job with
        progress, attached, and the exporter notified."""
        self.env["ir.config_parameter"].sudo().set_param(
            "regulator_appeal.background_rows", "2"
        )
        wizard = self._as(
            self.env["regulator.return.wizard"], self.compliance_p
        ).create(
            {
                "body_id": self.ministry.id,
                "period": "quarter",
                "year": 2024,
                "quarter": "3",
            }
        )
        action = wizard.action_export()
        self.assertEqual(action["tag"], "display_notification")
        export = self.env["regulator.return.export"].search(
            [("user_id", "=", self.compliance_p.id)]
        )
        self.assertEqual(export.state, "queued")
        self.env["regulator.return.export"]._cron_run_queued()
        self.assertEqual(export.state, "done")
        self.assertEqual(export.progress, 100)
        self.assertEqual(export.row_count, 5)
        message = export.message_ids.filtered(
            lambda m: self.compliance_p.partner_id in m.partner_ids
        )
        self.assertTrue(message)
        self.assertIn(export.attachment_id, message.attachment_ids)


@tagged("post_install", "-at_install")
class TestAppealReply(AppealCommon, HttpCase):
    """An HttpCase: wkhtmltopdf fetches the report's assets over HTTP."""

    def test_reply_pdf_sent_and_recorded(self):
        """申诉反馈 (S000-R152): the written reply as a QWeb PDF
        (wkhtmltopdf), attached and recorded; the plan's clocks stop; the
        conclusion is S000-R159's."""
        if not shutil.which("wkhtmltopdf"):
            self.skipTest("wkhtmltopdf is not installed: no PDF to check")
        ticket = self._appeal("GXB-REPLY-1", utc(2024, 9, 2, 10))
        ticket = self._as(ticket, self.manager_p)
        ticket.write({"appeal_finding": "经核查，漫游费按资费标准收取，已向用户解释。"})
        with self.assertRaises(UserError):
            ticket.action_appeal_send_reply()
        lifecycle(ticket.sudo()).write({"closing_conclusion_id": self.conclusion.id})
        ticket.with_context(force_report_rendering=True).action_appeal_send_reply()
        self.assertTrue(ticket.appeal_reply_sent_at)
        attachment = ticket.sudo().appeal_reply_attachment_id
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.raw.startswith(b"%PDF"))
        if shutil.which("pdftotext"):
            text = subprocess.run(
                ["pdftotext", "-layout", "-", "-"],
                input=attachment.raw,
                capture_output=True,
                check=True,
            ).stdout.decode()
            text = unicodedata.normalize("NFKC", text)
            self.assertIn("GXB-REPLY-1", text)
            self.assertIn("漫游费按资费标准收取", text)
        self.assertIn(attachment, ticket.sudo().message_ids.attachment_ids)
        self.assertFalse(
            ticket.sudo().sla_deadline_ids.filtered(
                lambda line: line.appeal_stage and line.state == "open"
            )
        )
        self.assertEqual(ticket.appeal_timeliness, "late")

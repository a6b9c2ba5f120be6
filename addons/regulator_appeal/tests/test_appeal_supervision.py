# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .common import AppealCommon, local, utc


@tagged("post_install", "-at_install")
class TestAppealSupervision(AppealCommon):
    def _supervise(self, now):
        Ticket = self.env["helpdesk.ticket"]
        return Ticket._cron_appeal_supervision(now=now)

    def test_supervision_ladder_escalates_once_per_rung(self):
        """S000-R098 催办, S000-R085 督办, S000-R158 通报批评: an appeal
        overdue since its dispatch deadline (Sat 2024-09-28 19:00) gets the
        urging notice at once and 督办 one working day later (end of Sun
        09-29, a make-up working day); each rung is recorded once, escalates
        one company level and counts for the branch's assessment."""
        ticket = self._appeal("GXB-SUP-1", utc(2024, 9, 27, 19, 0))
        Supervision = self.env["regulator.appeal.supervision"]
        self.assertEqual(self._supervise(utc(2024, 9, 28, 18, 0)), 0)
        self.assertEqual(self._supervise(utc(2024, 9, 28, 20, 0)), 1)
        rows = Supervision.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(rows.mapped("rung_code"), ["urging"])
        self.assertEqual(rows.branch_company_id, self.city_a)
        self.assertEqual(rows.escalated_to_company_id, self.province)
        self.assertEqual(ticket.company_id, self.province)
        # 督办: due at the end of the next working day, the make-up Sunday
        # 09-29 (chinese_calendar), not Monday.
        self.assertEqual(self._supervise(utc(2024, 9, 29, 12, 0)), 0)
        self.assertEqual(self._supervise(utc(2024, 9, 30, 9, 0)), 1)
        rows = Supervision.search([("ticket_id", "=", ticket.id)], order="id")
        self.assertEqual(rows.mapped("rung_code"), ["urging", "supervision"])
        supervision = rows[1]
        self.assertEqual(local(supervision.due_at).date(), date(2024, 9, 29))
        self.assertEqual(supervision.branch_company_id, self.province)
        self.assertEqual(supervision.escalated_to_company_id, self.head_office)
        self.assertEqual(ticket.company_id, self.head_office)
        self.assertEqual(ticket.appeal_rung_id.code, "supervision")
        escalations = ticket.sudo().escalation_ids
        self.assertEqual(len(escalations), 2)
        self.assertEqual(set(escalations.mapped("trigger")), {"supervision"})
        # Idempotent: the same instant records nothing again.
        self.assertEqual(self._supervise(utc(2024, 9, 30, 9, 0)), 0)
        # 通报批评 two working days later (09-30, then after the holiday:
        # end of 10-08);
        # head office has no level above: recorded, escalation refused and
        # noted, never a traceback.
        self.assertEqual(self._supervise(utc(2024, 10, 10, 9, 0)), 1)
        top = Supervision.search(
            [("ticket_id", "=", ticket.id), ("rung_code", "=", "circulated")]
        )
        self.assertEqual(local(top.due_at).date(), date(2024, 10, 8))
        self.assertFalse(top.escalated_to_company_id)
        self.assertEqual(len(ticket.sudo().escalation_ids), 2)
        # S000-R158: the branch has not fed back, but the regulator's
        # deadline (end of 10-12) has not passed on 10-10: not assessable.
        self.assertFalse(top.assessable)
        self.assertEqual(self.city_a.appeal_supervision_count, 1)
        self.assertEqual(self.province.appeal_supervision_count, 1)

    def test_supervision_tightens_deadline(self):
        """A rung configured to tighten cuts the running plan deadlines to
        that many working days after it (no telecom seed number: the default
        is 0, configuration)."""
        rung = self.plan.rung_ids.filtered(lambda r: r.code == "supervision")
        rung.tighten_working_days = 1
        ticket = self._appeal("GXB-SUP-2", utc(2024, 9, 27, 19, 0))
        cap = self._plan_lines(ticket)["cap"]
        self.assertEqual(local(cap.deadline).date(), date(2024, 10, 12))
        self._supervise(utc(2024, 10, 1, 9, 0))
        # 督办 due end of Sun 09-29, + 1 working day = end of 09-30.
        self.assertEqual(local(cap.deadline).date(), date(2024, 9, 30))
        row = ticket.sudo().appeal_supervision_ids.filtered(
            lambda r: r.rung_code == "supervision"
        )
        self.assertEqual(row.deadline_tightened_to, cap.deadline)

    def test_assessable_after_regulator_deadline(self):
        """S000-R158 (TC-29): the branch never fed back and the regulator's
        deadline passed: the rung recorded then marks the branch
        assessable."""
        ticket = self._appeal("GXB-SUP-3", utc(2024, 9, 27, 19, 0))
        self._supervise(utc(2024, 10, 14, 9, 0))
        rows = ticket.sudo().appeal_supervision_ids
        self.assertEqual(len(rows), 3)
        self.assertTrue(all(rows.mapped("assessable")))
        self.assertEqual(self.city_a.appeal_assessable_count, 1)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestKpiStaff(KpiCommon):
    """Seed 002 staff accountability (S002-R038..R048) through the addon:
    proposals on the person's record and activities for the manager,
    decided by the manager only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grade = {
            n: cls.env.ref(f"complaint_core.grade_hospital_service_attitude_grade_{n}")
            for n in (1, 2, 3)
        }
        cls.doctor = cls._user("kpi_doctor", "staff", cls.city_a)

    def _confirm(self, ticket, grade, day):
        ticket = self._as(ticket, self.manager_a)
        ticket.write({"grade_id": self.grade[grade].id, "grade_manual": True})
        ticket.write(
            {"kpi_staff_user_id": self.doctor.id, "kpi_grade_confirmed_on": day}
        )

    def _record(self):
        return self.env["complaint.staff.record"].search(
            [("user_id", "=", self.doctor.id)]
        )

    def test_s002_r040_grade_1_proposed_not_applied(self):
        """S002-R040/R043/R045/R046/R048: a confirmed grade-1 complaint
        proposes 待岗 3 months, the head's 10 % share, the ethics file and a
        one-year title deferral; each is an activity for the manager."""
        self._confirm(self.tickets["T1"], 1, date(2025, 4, 30))
        record = self._record()
        kinds = record.consequence_ids.mapped("kind")
        self.assertIn("suspension", kinds)
        self.assertIn("head_bonus_deduction", kinds)
        self.assertIn("ethics_file", kinds)
        self.assertIn("title_deferral", kinds)
        self.assertEqual(set(record.consequence_ids.mapped("state")), {"proposed"})
        suspension = record.consequence_ids.filtered(lambda c: c.kind == "suspension")
        self.assertEqual(
            (suspension.months, suspension.date_end), (3, date(2025, 7, 30))
        )
        self.assertEqual(suspension.rule_ref, "S002-R040")
        self.assertEqual(len(record.activity_ids), len(record.consequence_ids))
        self.assertEqual(record.activity_ids.user_id, self.manager_a)
        # Re-confirming does not duplicate the proposals.
        count = len(record.consequence_ids)
        self._confirm(self.tickets["T1"], 1, date(2025, 4, 30))
        self.assertEqual(len(record.consequence_ids), count)

    def test_s002_r044_two_suspensions_in_a_year(self):
        """S002-R044: a second 待岗 in the calendar year proposes the
        year-end assessment as unqualified and a transfer review."""
        self._confirm(self.tickets["T1"], 2, date(2025, 2, 28))
        self._confirm(self.tickets["T2"], 2, date(2025, 9, 30))
        kinds = self._record().consequence_ids.mapped("kind")
        self.assertIn("year_end_unqualified", kinds)
        self.assertIn("transfer_review", kinds)

    def test_only_a_manager_decides(self):
        self._confirm(self.tickets["T3"], 3, date(2025, 3, 31))
        line = self._record().consequence_ids.filtered(
            lambda c: c.kind == "bonus_withheld"
        )
        self.assertEqual(line.rule_ref, "S002-R042")
        with self.assertRaises(AccessError):
            self._as(line, self.staff_a).action_apply()
        self._as(line, self.manager_a).action_apply()
        self.assertEqual(line.state, "applied")
        self.assertEqual(line.decided_by, self.manager_a)
        self.assertFalse(line.activity_id.exists())

    def test_confirmed_complaints_by_staff_and_grade(self):
        """The report counts confirmed complaints per person and grade."""
        self._confirm(self.tickets["T1"], 3, date(2025, 3, 31))
        self._confirm(self.tickets["T2"], 3, date(2025, 10, 31))
        self.env.flush_all()
        groups = self.env["complaint.kpi.report"].read_group(
            [("staff_user_id", "=", self.doctor.id)],
            ["confirmed_count"],
            ["grade_id"],
        )
        self.assertEqual(
            [(g["grade_id"][0], g["confirmed_count"]) for g in groups],
            [(self.grade[3].id, 2)],
        )
        title = self._record().consequence_ids.filtered(
            lambda c: c.kind == "title_deferral"
        )
        # S002-R047 first (6 months), then S002-R046 at the second (12).
        self.assertEqual(sorted(title.mapped("months")), [6, 12])

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix of the addon's models, from the restricted user's side:
R read (search finds the record), W write, C create, U unlink."""

from odoo.tests import tagged

from odoo.addons.complaint_core.tests.access_matrix import AccessMatrixMixin

from .common import AppealCommon, utc

ROLES = ("staff_a", "staff_b", "manager_p", "head_admin", "compliance_a")
# model key -> allowed operations per role (ROLES order).
EXPECTED = {
    # Master data: every internal user reads, head office maintains.
    "body": ("R", "R", "R", "RWCU", "R"),
    "clock": ("R", "R", "R", "RWCU", "R"),
    "plan": ("R", "R", "R", "RWCU", "R"),
    "stage": ("R", "R", "R", "RWCU", "R"),
    "rung": ("R", "R", "R", "RWCU", "R"),
    # A rung recorded against city A: the job writes it, nobody else.
    "supervision": ("R", "", "R", "R", "R"),
    # city A's compliance export: compliance staff only (S000-R157).
    "export": ("", "", "", "", "RC"),
}


@tagged("post_install", "-at_install")
class TestAppealAccessMatrix(AccessMatrixMixin, AppealCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appeal_a = cls._appeal("GXB-MX-A", utc(2024, 9, 2, 10))
        Ticket = cls.env["helpdesk.ticket"]
        Ticket._cron_appeal_supervision(now=utc(2024, 9, 3, 12))
        cls.export = (
            cls.env["regulator.return.export"]
            .with_user(cls.compliance_a)
            .create(
                {
                    "name": "Matrix",
                    "date_from": "2024-09-01",
                    "date_to": "2024-09-30",
                }
            )
        )
        cls.records = {
            "body": (cls.ministry, {"hotline": "12300"}),
            "clock": (cls.ministry.clock_ids[:1], {"note": "x"}),
            "plan": (cls.plan, {"note": "x"}),
            "stage": (cls.plan.stage_ids[:1], {"rule_ref": "S000-R156"}),
            "rung": (cls.plan.rung_ids[:1], {"rule_ref": "S000-R098"}),
            "supervision": (
                cls.appeal_a.sudo().appeal_supervision_ids[:1],
                {"assessable": True},
            ),
            "export": (cls.export, {"row_count": 3}),
        }

    def _create_vals(self, key):
        return {
            "body": {"code": "matrix_body", "name": "测试机构", "level": "any"},
            "clock": {
                "body_id": self.ministry.id,
                "code": "matrix_clock",
                "name": "测试时钟",
                "amount": 3,
                "unit": "working_days",
                "starts": "matrix_event",
            },
            "plan": {"code": "matrix_plan", "name": "测试方案", "cap": 5},
            "stage": {
                "plan_id": self.plan.id,
                "code": "matrix_stage",
                "name": "测试环节",
                "closes": 24,
            },
            "rung": {
                "plan_id": self.plan.id,
                "code": "matrix_rung",
                "name": "测试级别",
                "after_working_days": 3,
            },
            "supervision": {"ticket_id": self.appeal_a.id, "rung_code": "matrix"},
            "export": {
                "name": "Matrix 2",
                "date_from": "2024-10-01",
                "date_to": "2024-10-31",
            },
        }[key]

    def test_matrix(self):
        """Every model × role × operation as EXPECTED."""
        self._assert_matrix(ROLES, EXPECTED)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AppealCommon, utc


@tagged("post_install", "-at_install")
class TestAppealAccess(AppealCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.appeal_a = cls._appeal("GXB-ACC-A", utc(2024, 9, 2, 10))
        cls.appeal_b = cls._appeal("GXB-ACC-B", utc(2024, 9, 3, 10), user=cls.staff_b)

    def _supervise(self):
        """The urging rung (S000-R098): recorded against each branch, the
        appeals escalated to the province."""
        self.env["helpdesk.ticket"]._cron_appeal_supervision(now=utc(2024, 9, 4, 12))

    def test_branch_walls(self):
        """A branch sees its own appeals and their supervision rows only
        (complaint_core's branch rules, S000-R158 rows follow the ticket)."""
        Ticket = self._as(self.env["helpdesk.ticket"], self.staff_b)
        visible = Ticket.search([("is_regulator_appeal", "=", True)])
        self.assertIn(self.appeal_b, visible)
        self.assertNotIn(self.appeal_a, visible)
        with self.assertRaises(AccessError):
            self._as(self.appeal_a, self.staff_b).read(["regulator_ref"])
        # After the urging rung both appeals are at the province; city B
        # still sees the rung recorded against it (its assessment), not A's.
        self._supervise()
        self.assertFalse(Ticket.search([("is_regulator_appeal", "=", True)]))
        Supervision = self._as(self.env["regulator.appeal.supervision"], self.staff_b)
        rows = Supervision.search([])
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows.sudo().ticket_id, self.appeal_b)
        self.assertEqual(rows.branch_company_id, self.city_b)
        # The province's manager sees both appeals and both rows.
        rows = self._as(self.env["regulator.appeal.supervision"], self.manager_p)
        self.assertEqual(len(rows.search([])), 2)

    def test_protected_fields_refused_over_rpc(self):
        """Regulator deadline, reply, branch feedback and supervision are
        written by the addon's own code only: an RPC-style write of the
        branch's own staff is refused with a translated message."""
        ticket = self._as(self.appeal_b, self.staff_b)
        for vals in (
            {"regulator_due_at": "2030-01-01 00:00:00"},
            {"appeal_reply_sent_at": "2024-09-04 00:00:00"},
            {"appeal_branch_feedback_at": "2024-09-04 00:00:00"},
            {"appeal_rung_id": False},
            {"appeal_class": "direct"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                ticket.write(vals)
        # On creation too: a value is refused, an empty one sets nothing.
        with self.assertRaises(UserError):
            self._appeal(
                "GXB-ACC-C",
                utc(2024, 9, 3, 10),
                user=self.staff_b,
                appeal_reply_sent_at="2024-09-04 00:00:00",
            )
        blank = self._appeal(
            "GXB-ACC-D", utc(2024, 9, 3, 10), user=self.staff_b, regulator_due_at=False
        )
        self.assertTrue(blank.regulator_due_at)
        # A context sent by a client cannot forge the lifecycle token.
        with self.assertRaises(UserError):
            ticket.with_context(complaint_lifecycle=True).write(
                {"regulator_due_at": "2030-01-01 00:00:00"}
            )
        # Supervision rows: read only.
        self._supervise()
        row = self._as(self.appeal_b.sudo().appeal_supervision_ids[:1], self.staff_b)
        with self.assertRaises(AccessError):
            row.write({"assessable": True})
        with self.assertRaises(AccessError):
            self._as(self.env["regulator.appeal.supervision"], self.staff_b).create(
                {"ticket_id": self.appeal_b.id, "rung_code": "circulated"}
            )

    def test_only_compliance_exports(self):
        """Returns and their log are the compliance group's (S000-R157)."""
        for user in (self.staff_a, self.manager_p):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self._as(self.env["regulator.return.wizard"], user).create(
                        {"period": "year", "year": 2024}
                    )
                with self.assertRaises(AccessError):
                    self._as(self.env["regulator.return.export"], user).create(
                        {
                            "name": "x",
                            "date_from": "2024-01-01",
                            "date_to": "2024-12-31",
                        }
                    )
                with self.assertRaises(AccessError):
                    self._as(self.env["regulator.return.export"], user).search([])
        wizard = self._as(
            self.env["regulator.return.wizard"], self.compliance_a
        ).create({"period": "year", "year": 2024})
        self.assertTrue(wizard.action_export())
        exports = self._as(self.env["regulator.return.export"], self.compliance_a)
        export = exports.search([])
        self.assertEqual(len(export), 1)
        self.assertEqual(export.user_id, self.compliance_a)
        with self.assertRaises(AccessError):
            export.write({"row_count": 99})
        # Another branch's compliance user does not see the log entry.
        other = self._compliance("ra_compliance_b", self.city_b)
        self.assertFalse(
            self._as(self.env["regulator.return.export"], other).search([])
        )

    def test_branch_feedback_and_reply_rights(self):
        """The branch reports back; only a manager sends the reply to the
        regulator (S000-R087, S000-R152)."""
        ticket = self._as(self.appeal_a, self.staff_a)
        ticket.action_appeal_branch_feedback()
        with self.assertRaises(UserError):
            ticket.action_appeal_branch_feedback()
        with self.assertRaises(UserError):
            ticket.action_appeal_send_reply()

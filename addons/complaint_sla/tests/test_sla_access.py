# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SlaCommon, utc


@tagged("post_install", "-at_install")
class TestSlaAccess(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls._policy(
            "Reply within 24 h",
            [cls._line(amount=24, end_step="replied")],
            complaint_kind="complaint",
        )

    def test_only_head_office_manages_policies(self):
        Policy = self.env["complaint.sla.policy"]
        self.assertTrue(Policy.with_user(self.staff_a).search([]))
        with self.assertRaises(AccessError):
            Policy.with_user(self.staff_a).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.policy.with_user(self.manager_p).write({"name": "Shorter"})
        self.policy.with_user(self.head_admin).write({"name": "Reply in a day"})
        Year = self.env["complaint.sla.holiday.year"]
        with self.assertRaises(AccessError):
            Year.with_user(self.staff_a).create({"year": 2030})

    def test_branch_sees_only_its_deadlines(self):
        mine = self._ticket(date_received=utc(2024, 5, 10, 9))
        other = self._ticket(user=self.staff_b, date_received=utc(2024, 5, 10, 9))
        Deadline = self.Deadline.with_user(self.staff_a)
        self.assertEqual(
            Deadline.search([("ticket_id", "in", (mine | other).ids)]),
            mine.sla_deadline_ids,
        )
        with self.assertRaises(AccessError):
            other.sla_deadline_ids.with_user(self.staff_a).read(["deadline"])
        with self.assertRaises(AccessError):
            mine.sla_deadline_ids.with_user(self.staff_a).write({"amount": 99})

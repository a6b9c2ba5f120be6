# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestAccess(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(user=cls.staff_a, name="City A ticket")
        cls.ticket_b = cls._ticket(user=cls.staff_b, name="City B ticket")
        cls.ticket_p = cls._ticket(user=cls.manager_p, name="Province ticket")
        cls.ticket_h = cls._ticket(user=cls.head_admin, name="Head office ticket")
        cls.all_tickets = cls.ticket_a | cls.ticket_b | cls.ticket_p | cls.ticket_h

    def _visible(self, user):
        Ticket = (
            self.env["helpdesk.ticket"]
            .with_user(user)
            .with_context(allowed_company_ids=user.company_ids.ids)
        )
        return Ticket.search([("id", "in", self.all_tickets.ids)])

    def test_branch_sees_own_branch_only(self):
        self.assertEqual(self._visible(self.staff_a), self.ticket_a)
        self.assertEqual(self._visible(self.staff_b), self.ticket_b)
        with self.assertRaises(AccessError):
            self.ticket_b.with_user(self.staff_a).read(["name"])

    def test_province_sees_its_cities(self):
        self.assertEqual(
            self._visible(self.manager_p), self.ticket_a | self.ticket_b | self.ticket_p
        )

    def test_head_office_sees_all(self):
        self.assertEqual(self._visible(self.head_admin), self.all_tickets)

    def test_branch_rule_holds_even_with_extra_company(self):
        """A city user given access to a sibling company still sees only
        tickets of their own branch subtree (or where they are first contact)."""
        self.staff_a.company_ids = [(4, self.city_b.id)]
        self.assertEqual(self._visible(self.staff_a), self.ticket_a)

    def test_only_head_office_edits_configuration(self):
        grade = self.env.ref("complaint_core.grade_property_management_major")
        for user in (self.staff_a, self.manager_p):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                grade.with_user(user).name = "Changed"
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["complaint.closing.conclusion"].with_user(user).create(
                    {"name": "Mine", "code": "mine"}
                )
        grade.with_user(self.head_admin).name = "Major (edited)"
        self.assertEqual(grade.name, "Major (edited)")
        # branch users read the configuration
        self.assertTrue(grade.with_user(self.staff_a).read(["name"]))

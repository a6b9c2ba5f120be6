# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.complaint_core.integrity import lifecycle

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestEscalationMerge(ComplaintCommon):
    def test_escalation_chain_city_province_head_office(self):
        """City -> province -> head office, with a reason each time; head
        office cannot go further (S000-R112/R113)."""
        ticket = self._ticket()
        self.assertEqual(ticket.org_level, "city")
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.action_complaint_start()
        with self.assertRaisesRegex(UserError, "needs a reason"):
            ticket.complaint_escalate("  ")
        ticket.with_user(self.staff_a).complaint_escalate(
            "Customer asks for the province."
        )
        self.assertEqual(ticket.company_id, self.province)
        self.assertEqual(ticket.org_level, "province")
        # the higher level takes it as a fresh dispatch
        self.assertEqual(ticket.complaint_step, "dispatched")
        self._as(ticket, self.manager_p).complaint_escalate("Media involved.")
        self.assertEqual(ticket.company_id, self.head_office)
        self.assertEqual(ticket.org_level, "head_office")
        self.assertEqual(ticket.escalation_count, 2)
        self.assertEqual(
            ticket.escalation_ids.sorted("id").mapped("to_company_id"),
            self.province | self.head_office,
        )
        with self.assertRaisesRegex(UserError, "already at head office"):
            self._as(ticket, self.head_admin).complaint_escalate("Again.")
        self.assertTrue(
            ticket.sudo().message_ids.filtered(
                lambda m: "Escalated from" in (m.body or "")
            )
        )

    def test_escalation_refused_after_reply(self):
        ticket = self._ticket(complaint_kind="consultation")
        ticket.complaint_reply("Explained.", "phone")
        with self.assertRaisesRegex(UserError, "cannot be escalated"):
            ticket.complaint_escalate("Too late.")

    def test_duplicate_flagged_and_merged(self):
        """多口归一: same complainant and classification within the window is
        flagged, counted as a repeat and merged into its master."""
        master = self._ticket(complainant_phone="13912340001", partner_id=False)
        duplicate = self._ticket(
            complainant_phone="139 1234 0001", partner_id=False, name="Again"
        )
        self.assertEqual(duplicate.possible_duplicate_id, master)
        self.assertEqual(duplicate.repeat_count, 1)
        other_matter = self._ticket(
            complainant_phone="13912340001",
            partner_id=False,
            classification_id=self.env.ref(
                "complaint_core.classification_service_attitude"
            ).id,
        )
        self.assertFalse(other_matter.possible_duplicate_id)
        duplicate.with_user(self.staff_a).complaint_merge_into(master)
        self.assertEqual(duplicate.complaint_step, "merged")
        self.assertEqual(duplicate.duplicate_id, master)
        self.assertEqual(master.repeat_count, 1)
        self.assertIn(duplicate, master.duplicate_ids)
        with self.assertRaisesRegex(UserError, "itself"):
            master.complaint_merge_into(master)
        with self.assertRaisesRegex(UserError, "merged or rejected"):
            other_matter.complaint_merge_into(duplicate)

    def test_duplicate_window(self):
        """Outside the company's window (30 days by default) no flag."""
        old = self._ticket(complainant_phone="13800000001", partner_id=False)
        lifecycle(old).write({"date_received": "2026-01-01 08:00:00"})
        self.city_a.complaint_duplicate_window_days = 30
        new = self._ticket(complainant_phone="13800000001", partner_id=False)
        self.assertFalse(new.possible_duplicate_id)
        self.assertEqual(new.repeat_count, 0)

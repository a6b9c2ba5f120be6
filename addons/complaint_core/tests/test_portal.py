# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalClose(HttpCase):
    """helpdesk_mgmt's /ticket/close looks the posted id up with sudo(); the
    suite checks the caller's access first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env, login="cc_portal_a", groups="base.group_portal"
        )
        cls.portal_b = new_test_user(
            cls.env, login="cc_portal_b", groups="base.group_portal"
        )
        cls.stage_closed = cls.env.ref("complaint_core.stage_closed")
        Ticket = cls.env["helpdesk.ticket"]
        cls.ticket = Ticket.create(
            {
                "name": "Portal complaint",
                "description": "<p>Complaint of portal user A</p>",
                "partner_id": cls.portal_a.partner_id.id,
                "stage_id": cls.env.ref("complaint_core.stage_received").id,
            }
        )
        admin = cls.env.ref("base.user_admin")
        cls.ticket.with_user(admin).complaint_reply("We refunded you.", "portal")

    def _post_close(self, ticket):
        return self.url_open(
            f"/ticket/close?ticket_id={ticket.id}&stage_id={self.stage_closed.id}"
        )

    def test_other_portal_user_cannot_close(self):
        self.authenticate("cc_portal_b", "cc_portal_b")
        self._post_close(self.ticket)
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.complaint_step, "replied")

    def test_other_portal_user_cannot_see_the_ticket(self):
        """The complainant sees only their own tickets."""
        self.authenticate("cc_portal_b", "cc_portal_b")
        response = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertNotIn("Portal complaint", response.text)
        self.authenticate("cc_portal_a", "cc_portal_a")
        response = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Portal complaint", response.text)

    def test_owner_closes_own_replied_ticket(self):
        self.authenticate("cc_portal_a", "cc_portal_a")
        self._post_close(self.ticket)
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.complaint_step, "closed")
        self.assertEqual(self.ticket.closing_conclusion_id.code, "withdrawn")

    def test_owner_cannot_close_before_reply(self):
        """Transitions still hold: a received ticket is not closed from the
        portal."""
        ticket = self.ticket.copy(
            {"stage_id": self.env.ref("complaint_core.stage_received").id}
        )
        self.authenticate("cc_portal_a", "cc_portal_a")
        self._post_close(ticket)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_step, "received")

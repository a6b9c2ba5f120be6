# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalAccept(HttpCase):
    """The complainant accepts the answer in the portal (S004-R126): POST
    with a CSRF token only, on their own ticket, recorded as acceptance and
    not as a withdrawal (issue 9, item 6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = new_test_user(
            cls.env, login="cc_portal_a", groups="base.group_portal"
        )
        cls.portal_b = new_test_user(
            cls.env, login="cc_portal_b", groups="base.group_portal"
        )
        cls.head_office = cls.env.ref("base.main_company")
        cls.branch = cls.env["res.company"].create(
            {"name": "Portal Test Branch", "parent_id": cls.head_office.id}
        )
        cls.conclusion = cls.env.ref(
            "complaint_core.closing_conclusion_enterprise_fault"
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.admin.company_ids |= cls.branch
        cls.ticket = cls._replied_ticket("Portal complaint", cls.head_office)

    @classmethod
    def _replied_ticket(cls, name, company, conclusion=True):
        ticket = (
            cls.env["helpdesk.ticket"]
            .with_user(cls.admin)
            .with_company(company)
            .create(
                {
                    "name": name,
                    "description": "<p>Complaint of portal user A</p>",
                    "partner_id": cls.portal_a.partner_id.id,
                    "company_id": company.id,
                    "complaint_kind": "consultation",
                }
            )
        )
        ticket.complaint_reply(
            "We refunded you.",
            "portal",
            conclusion=cls.conclusion.id if conclusion else False,
            substantiation="substantiated" if conclusion else False,
        )
        return ticket

    def _csrf(self):
        # A token of the logged-in session, as the ticket page renders it.
        response = self.url_open(f"/my/ticket/{self.ticket.id}")
        marker = 'name="csrf_token" value="'
        start = response.text.index(marker) + len(marker)
        return response.text[start : response.text.index('"', start)]

    def test_get_never_changes_a_ticket(self):
        """A link in any page (GET) closes nothing."""
        self.authenticate("cc_portal_a", "cc_portal_a")
        response = self.url_open(f"/ticket/close?ticket_id={self.ticket.id}")
        self.assertEqual(response.status_code, 405)
        response = self.url_open(f"/my/ticket/{self.ticket.id}/accept")
        self.assertEqual(response.status_code, 405)
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.complaint_step, "replied")
        self.assertFalse(self.ticket.complainant_accepted)

    def test_post_without_token_is_refused(self):
        self.authenticate("cc_portal_a", "cc_portal_a")
        for url in ("/ticket/close", f"/my/ticket/{self.ticket.id}/accept"):
            response = self.url_open(url, data={"ticket_id": self.ticket.id})
            self.assertEqual(response.status_code, 400, url)
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.complaint_step, "replied")

    def test_owner_accepts_with_token(self):
        """Acceptance closes with the handling's conclusion, recorded as the
        complainant's acceptance; it is not 立案撤消 / unsubstantiated."""
        self.authenticate("cc_portal_a", "cc_portal_a")
        page = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertIn("Accept the answer", page.text)
        response = self.url_open(
            f"/my/ticket/{self.ticket.id}/accept", data={"csrf_token": self._csrf()}
        )
        self.assertEqual(response.status_code, 200)
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.complaint_step, "closed")
        self.assertTrue(self.ticket.complainant_accepted)
        self.assertEqual(self.ticket.satisfaction, "satisfied")
        self.assertEqual(self.ticket.closing_conclusion_id, self.conclusion)
        self.assertEqual(self.ticket.substantiation, "substantiated")
        self.assertIn("acceptance of the answer has been recorded", response.text)

    def test_acceptance_without_conclusion_waits_for_handler(self):
        ticket = self._replied_ticket("No finding yet", self.head_office, False)
        self.authenticate("cc_portal_a", "cc_portal_a")
        self.url_open(
            f"/my/ticket/{ticket.id}/accept", data={"csrf_token": self._csrf()}
        )
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_step, "replied")
        self.assertTrue(ticket.complainant_accepted)
        self.assertFalse(ticket.closing_conclusion_id)
        self.assertTrue(ticket.activity_ids)

    def test_other_portal_user_cannot_accept_or_see(self):
        self.authenticate("cc_portal_b", "cc_portal_b")
        response = self.url_open(f"/my/ticket/{self.ticket.id}")
        self.assertNotIn("Portal complaint", response.text)
        token = self.url_open("/my").text
        marker = 'csrf_token: "'
        csrf = ""
        if marker in token:
            start = token.index(marker) + len(marker)
            csrf = token[start : token.index('"', start)]
        self.url_open(f"/my/ticket/{self.ticket.id}/accept", data={"csrf_token": csrf})
        self.ticket.invalidate_recordset()
        self.assertEqual(self.ticket.complaint_step, "replied")
        self.assertFalse(self.ticket.complainant_accepted)

    def test_refused_accept_is_shown(self):
        """A received ticket offers no accept button; a forged POST is refused
        with the reason on the page."""
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.admin)
            .create(
                {
                    "name": "Not answered yet",
                    "description": "<p>x</p>",
                    "partner_id": self.portal_a.partner_id.id,
                }
            )
        )
        self.authenticate("cc_portal_a", "cc_portal_a")
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertNotIn("Accept the answer", page.text)
        response = self.url_open(
            f"/my/ticket/{ticket.id}/accept", data={"csrf_token": self._csrf()}
        )
        self.assertIn("has not been answered yet", response.text)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_step, "received")

    def test_branch_ticket_visible_to_its_complainant(self):
        """A ticket handled by a branch company is in /my/tickets of its
        own complainant."""
        ticket = self._replied_ticket("Handled by the branch", self.branch)
        self.assertEqual(ticket.company_id, self.branch)
        self.authenticate("cc_portal_a", "cc_portal_a")
        listing = self.url_open("/my/tickets")
        self.assertIn("Handled by the branch", listing.text)
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn("Handled by the branch", page.text)
        self.authenticate("cc_portal_b", "cc_portal_b")
        self.assertNotIn("Handled by the branch", self.url_open("/my/tickets").text)

    def test_portal_ticket_gets_internal_first_contact(self):
        """A ticket filed by the complainant gets the company's intake user as
        first-contact owner, never the portal user."""
        intake = new_test_user(
            self.env,
            login="cc_intake",
            groups="complaint_core.group_complaint_staff",
        )
        self.head_office.complaint_intake_user_id = intake
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.portal_a)
            .sudo()
            .create({"name": "Filed in the portal", "description": "<p>x</p>"})
        )
        self.assertEqual(ticket.first_contact_user_id, intake)

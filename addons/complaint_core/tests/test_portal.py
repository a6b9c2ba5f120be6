# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from .test_i18n import load_zh_cn


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


@tagged("post_install", "-at_install")
class TestPortalTicketPage(HttpCase):
    """What the complainant sees of the ticket (issue 11, item 5): the step,
    the reply, the conclusion, the deadline, the step history, and every
    time in the company's timezone with its zone (item 2)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # No timezone on the portal user: the company's applies.
        cls.portal = new_test_user(
            cls.env,
            login="cc_portal_page",
            groups="base.group_portal",
            tz=False,
            lang="en_US",
        )
        cls.admin = cls.env.ref("base.user_admin")
        cls.conclusion = cls.env.ref(
            "complaint_core.closing_conclusion_enterprise_fault"
        )
        cls.ticket = (
            cls.env["helpdesk.ticket"]
            .with_user(cls.admin)
            .create(
                {
                    "name": "Page of the complainant",
                    "description": "<p>x</p>",
                    "partner_id": cls.portal.partner_id.id,
                    "complaint_kind": "consultation",
                    "complainant_phone": "13800138000",
                }
            )
        )
        # 2026-12-02 09:00 UTC = 17:00 in Asia/Shanghai.
        cls.ticket.complaint_reply(
            "We refunded the 50 yuan.",
            "portal",
            reply_date="2026-12-02 09:00:00",
            conclusion=cls.conclusion.id,
            substantiation="substantiated",
        )

    def _page(self, ticket=None):
        self.authenticate("cc_portal_page", "cc_portal_page")
        response = self.url_open(f"/my/ticket/{(ticket or self.ticket).id}")
        self.assertEqual(response.status_code, 200)
        return response.text

    def test_reply_and_conclusion_shown(self):
        page = self._page()
        self.assertIn("o_complaint_reply", page)
        self.assertIn("We refunded the 50 yuan.", page)
        self.assertIn(self.conclusion.name, page)
        self.assertIn("Substantiated", page)
        self.assertIn('data-step="replied"', page)

    def test_times_in_company_timezone_with_zone(self):
        """The reply given at 09:00 UTC reads 17:00 China Standard Time for a
        portal user without a timezone; a company timezone wins over Asia/
        Shanghai."""
        self.assertFalse(self.portal.tz)
        page = self._page()
        self.assertIn("2026-12-02 17:00 China Standard Time", page)
        self.ticket.company_id.partner_id.tz = "Europe/Paris"
        page = self._page()
        self.assertIn("2026-12-02 10:00 Central European Standard Time", page)
        # The portal user's own timezone does not change it.
        self.portal.tz = "America/New_York"
        self.assertIn("2026-12-02 10:00 Central European Standard Time", self._page())

    def test_step_history(self):
        """Each step reached, oldest first, at its local time."""
        page = self._page()
        history = page[page.index("o_complaint_history") :]
        self.assertLess(history.index("Received"), history.index("Replied"))
        replied = self.env["ir.qweb.field.datetime"].value_to_html(
            self.ticket.date_replied,
            {"tz_name": "Asia/Shanghai", "format": "yyyy-MM-dd HH:mm"},
        )
        self.assertIn(f"{replied} China Standard Time", history)

    def test_received_ticket_shows_no_reply_nor_conclusion(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.admin)
            .create(
                {
                    "name": "Just received",
                    "description": "<p>x</p>",
                    "partner_id": self.portal.partner_id.id,
                }
            )
        )
        page = self._page(ticket)
        self.assertIn('data-step="received"', page)
        self.assertNotIn("o_complaint_reply", page)
        self.assertNotIn("o_complaint_conclusion", page)
        self.assertNotIn("o_complaint_accept_form", page)

    def test_deadline_shown_when_sla_installed(self):
        if "sla_next_deadline" not in self.env["helpdesk.ticket"]._fields:
            self.skipTest("complaint_sla is not installed")
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.admin)
            .create(
                {
                    "name": "Waiting for its deadline",
                    "description": "<p>x</p>",
                    "partner_id": self.portal.partner_id.id,
                }
            )
        )
        if not ticket.sla_next_deadline:
            self.skipTest("no SLA policy applies to the ticket")
        page = self._page(ticket)
        self.assertIn("o_complaint_deadline", page)
        deadline = self.env["ir.qweb.field.datetime"].value_to_html(
            ticket.sla_next_deadline,
            {"tz_name": "Asia/Shanghai", "format": "yyyy-MM-dd HH:mm"},
        )
        self.assertIn(f"{deadline} China Standard Time", page)

    def test_listing_shows_steps_not_stages(self):
        """A ticket still in one of helpdesk_mgmt's old stages is listed with
        its lifecycle step; filters are by step."""
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.admin)
            .create(
                {
                    "name": "In an old stage",
                    "description": "<p>x</p>",
                    "partner_id": self.portal.partner_id.id,
                }
            )
        )
        old_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        # As a ticket of the live helpdesk kept its stage (install mapping).
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET stage_id = %s, complaint_step = %s "
            "WHERE id = %s",
            (old_stage.id, old_stage.complaint_step, ticket.id),
        )
        ticket.invalidate_recordset()
        self.authenticate("cc_portal_page", "cc_portal_page")
        listing = self.url_open("/my/tickets").text
        self.assertIn(f'data-step="{old_stage.complaint_step}"', listing)
        self.assertNotIn(f">{old_stage.name}<", listing.replace("\n", ""))
        self.assertNotIn("In Progress", listing)
        self.assertIn("filterby=replied", listing)
        filtered = self.url_open("/my/tickets?filterby=replied").text
        self.assertIn("Page of the complainant", filtered)
        self.assertNotIn("In an old stage", filtered)
        grouped = self.url_open("/my/tickets?groupby=stage").text
        self.assertIn("Tickets in step:", grouped)


@tagged("post_install", "-at_install")
class TestPortalNewTicket(HttpCase):
    """/new/ticket asks what intake needs (issue 11, item 5): kind, phone
    validated as the backend does, anonymity; the channel is the web
    channel whatever is posted."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(
            cls.env, login="cc_portal_new", groups="base.group_portal", lang="en_US"
        )
        cls.web = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")

    def _csrf(self, page):
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def _submit(self, **data):
        self.authenticate("cc_portal_new", "cc_portal_new")
        form = self.url_open("/new/ticket").text
        data = {
            "csrf_token": self._csrf(form),
            "subject": "Overcharged at the counter",
            "description": "Fifty yuan too much",
            **data,
        }
        return self.url_open("/submitted/ticket", data=data)

    def _new_tickets(self, before):
        return self.env["helpdesk.ticket"].sudo().search([]) - before

    def test_form_asks_for_intake_fields(self):
        self.authenticate("cc_portal_new", "cc_portal_new")
        form = self.url_open("/new/ticket").text
        for name in ("complaint_kind", "complainant_phone", "complainant_anonymous"):
            self.assertIn(f'name="{name}"', form)
        # Reports (举报) may be taken over by a confidential channel
        # (whistleblower_reward): the complaint kinds are always offered.
        for kind in ("complaint", "consultation", "suggestion", "praise"):
            self.assertIn(f'value="{kind}"', form)
        self.assertIn(self.web.name, form)

    def test_submit_with_kind_phone_anonymity(self):
        before = self.env["helpdesk.ticket"].sudo().search([])
        other = self.env["helpdesk.ticket.channel"].search(
            [("id", "!=", self.web.id)], limit=1
        )
        response = self._submit(
            complaint_kind="consultation",
            complainant_phone="138 0013 8000",
            complainant_anonymous="1",
            channel_id=str(other.id),
            channel=str(other.id),
        )
        self.assertEqual(response.status_code, 200)
        ticket = self._new_tickets(before)
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.complaint_kind, "consultation")
        self.assertEqual(ticket.complainant_phone, "13800138000")
        self.assertTrue(ticket.complainant_anonymous)
        self.assertEqual(ticket.channel_id, self.web)
        self.assertEqual(ticket.partner_id, self.portal.partner_id)
        self.assertIn(f"/my/ticket/{ticket.id}", response.url)

    def test_bad_phone_shows_form_again(self):
        """A bad phone: no ticket, no traceback; the form again with the
        backend's message and the values entered."""
        before = self.env["helpdesk.ticket"].sudo().search([])
        response = self._submit(
            complaint_kind="suggestion",
            complainant_phone="1380013",
            complainant_anonymous="1",
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._new_tickets(before))
        page = response.text
        self.assertIn("o_complaint_form_error", page)
        self.assertIn("The phone number 1380013 is not a valid Chinese mobile", page)
        self.assertIn('value="Overcharged at the counter"', page)
        self.assertIn("Fifty yuan too much</textarea>", page)
        self.assertIn('value="1380013"', page)
        self.assertRegex(page, r'value="suggestion"\s+selected')
        self.assertRegex(page, r'name="complainant_anonymous"[^>]*checked')

    def test_bad_phone_message_translated(self):
        load_zh_cn(self.env)
        self.portal.lang = "zh_CN"
        before = self.env["helpdesk.ticket"].sudo().search([])
        page = self._submit(complainant_phone="1380013").text
        self.assertFalse(self._new_tickets(before))
        self.assertIn("1380013", page)
        self.assertNotIn("is not a valid Chinese mobile", page)
        self.assertIn("o_complaint_form_error", page)

    def test_forged_kind_is_refused_on_the_form(self):
        before = self.env["helpdesk.ticket"].sudo().search([])
        response = self._submit(complaint_kind="lottery")
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self._new_tickets(before))
        self.assertIn("o_complaint_form_error", response.text)


@tagged("post_install", "-at_install")
class TestPortalTranslations(HttpCase):
    def test_portal_loads_mail_translations(self):
        """The portal chatter is mail's: its terms are served to frontend
        pages (no website module), so a zh_CN complainant reads them."""
        modules = self.env["ir.http"]._get_translation_frontend_modules_name()
        self.assertIn("mail", modules)
        self.assertIn("complaint_core", modules)

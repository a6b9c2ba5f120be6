# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The complainant's walk in Chromium (issue 11, "Done when" (b)): file a
ticket with kind and phone (a bad phone first), see the reply and the
conclusion given by staff, accept with a confirmation; in English and in
zh_CN, where the pages must show none of the tour's list of English labels.

The tours (static/tests/tours/portal_complaint_tour.js) ask for screenshots
of the key screens by a console line; they are saved as
``$COMPLAINT_TOUR_SCREENS/portal_*.png`` (default ``/tmp/tour_screens``).
"""

import os
from pathlib import Path

from odoo.tests import new_test_user, tagged

from .test_i18n import load_zh_cn
from .test_tours import ComplaintTourCase

REPLY = "您好，经核实，营业厅确有多收，已退还多收的50元至您的话费账户。"


@tagged("post_install", "-at_install", "is_tour")
class TestPortalTour(ComplaintTourCase):
    # Tall enough for the whole ticket page in one screenshot.
    browser_size = "1280x2000"

    def _screens_dir(self, tour):
        """portal_*.png directly in the screenshots folder."""
        folder = Path(os.environ.get("COMPLAINT_TOUR_SCREENS", "/tmp/tour_screens"))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.conclusion = cls.env.ref(
            "complaint_core.closing_conclusion_enterprise_fault"
        )
        cls.admin = cls.env.ref("base.user_admin")

    def _walk(self, login, lang):
        # No timezone of their own: the company's applies.
        new_test_user(
            self.env, login=login, groups="base.group_portal", lang=lang, tz=False
        )
        tickets = self.env["helpdesk.ticket"].sudo()
        before = tickets.search([])
        self._start_tour_local("/my/tickets", "complaint_portal_file_ticket", login)
        ticket = tickets.search([]) - before
        self.assertEqual(len(ticket), 1, "one ticket filed, none by the refusal")
        self.assertEqual(ticket.complaint_kind, "consultation")
        self.assertEqual(ticket.complainant_phone, "13800138000")
        self.assertTrue(ticket.complainant_anonymous)
        self.assertEqual(
            ticket.channel_id,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web"),
        )
        self.assertEqual(ticket.complaint_step, "received")
        # Staff answer it, with the handling's finding.
        ticket.with_user(self.admin).complaint_reply(
            REPLY,
            "portal",
            conclusion=self.conclusion.id,
            substantiation="substantiated",
        )
        self._start_tour_local("/my/tickets", "complaint_portal_accept_answer", login)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_step, "closed")
        self.assertTrue(ticket.complainant_accepted)
        self.assertEqual(ticket.closing_conclusion_id, self.conclusion)
        self.assertEqual(ticket.substantiation, "substantiated")

    def test_complainant_walk_en(self):
        self._walk("cc_tour_portal", "en_US")

    def test_complainant_walk_zh_cn(self):
        """The same walk in zh_CN: each page of the walk is checked by the
        tour for the English labels of its maintained list."""
        load_zh_cn(self.env)
        self._walk("cc_tour_portal_zh", "zh_CN")

    def test_chatter_times_in_company_timezone(self):
        """The chatter's dates, rendered by the browser (here in Asia/
        Shanghai), follow the company's timezone (Asia/Urumqi, UTC+6)."""
        portal = new_test_user(
            self.env, login="cc_tour_chat", groups="base.group_portal", lang="en_US"
        )
        company = self.env.ref("base.main_company")
        company.partner_id.tz = "Asia/Urumqi"
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.admin)
            .create(
                {
                    "name": "聊天时间",
                    "description": "<p>x</p>",
                    "partner_id": portal.partner_id.id,
                    "company_id": company.id,
                }
            )
        )
        message = ticket.with_user(self.admin).message_post(
            body="请补充账单截图。",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        message.sudo().date = "2026-11-30 01:02:00"
        self._start_tour_local(
            "/my/tickets", "complaint_portal_chatter_time", "cc_tour_chat"
        )

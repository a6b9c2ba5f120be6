# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Browser tours in Chromium (issue 11, "Done when" (a) and (c)).

(a) A zh_CN branch clerk without e-mail address walks a ticket from
receipt to closing by clicking; the tour fails on any English label of its
maintained list (static/tests/tours/complaint_tour_utils.js) and checks
the dispatch note's deadline in local time.
(c) Head office edits a grade, an SLA policy and a holiday year (with
complaint_sla installed).

The browser runs in Asia/Shanghai (as the clerk does), and the tours ask
for screenshots of their key screens, saved under ``$COMPLAINT_TOUR_SCREENS``
(default /tmp/tour_screens/<tour>/<name>.png).
"""

import base64
import logging
import os
import shutil
import unittest
from pathlib import Path
from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from .test_i18n import LANG, load_zh_cn

_logger = logging.getLogger(__name__)

TZ = "Asia/Shanghai"
SCREEN_PREFIX = "complaint-tour-screenshot:"


def chromium_available():
    return any(
        shutil.which(name)
        for name in ("chromium", "chromium-browser", "google-chrome", "chrome")
    )


class ComplaintTourCase(HttpCase):
    """Runs a tour in a browser set to Asia/Shanghai and saves the
    screenshots the tour asks for (``complaint-tour-screenshot:<name>`` on
    the console)."""

    browser_size = "1400x1000"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not chromium_available():
            raise unittest.SkipTest("Chromium is not installed: tours need it")

    def _screens_dir(self, tour):
        base = Path(os.environ.get("COMPLAINT_TOUR_SCREENS", "/tmp/tour_screens"))
        folder = base / tour
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return folder

    def _start_tour_local(self, url, tour, login):
        folder = self._screens_dir(tour)
        original_init = ChromeBrowser.__init__
        original_console = ChromeBrowser._handle_console

        def init(browser, *args, **kwargs):
            original_init(browser, *args, **kwargs)
            # Dates and times in the web client follow the browser's zone.
            browser._websocket_request(
                "Emulation.setTimezoneOverride", params={"timezoneId": TZ}
            )

        def console(browser, type, args=None, **kwargs):
            value = ((args or [{}])[0] or {}).get("value")
            if (
                type == "log"
                and folder
                and isinstance(value, str)
                and value.startswith(SCREEN_PREFIX)
            ):
                name = value[len(SCREEN_PREFIX) :].strip() or "screen"
                future = browser._websocket_send(
                    "Page.captureScreenshot", with_future=True
                )

                def save(done, name=name):
                    try:
                        data = done.result(timeout=0)["data"]
                        (folder / f"{name}.png").write_bytes(base64.b64decode(data))
                    except Exception as exc:
                        _logger.warning("screenshot %s not saved: %s", name, exc)

                future.add_done_callback(save)
            return original_console(browser, type, args, **kwargs)

        with (
            patch.object(ChromeBrowser, "__init__", init),
            patch.object(ChromeBrowser, "_handle_console", console),
        ):
            self.start_tour(url, tour, login=login, timeout=240)


@tagged("post_install", "-at_install")
class TestTours(ComplaintTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)
        Company = cls.env["res.company"]
        cls.head_office = cls.env.ref("base.main_company")
        cls.province = Company.create(
            {"name": "导览省分公司", "parent_id": cls.head_office.id}
        )
        cls.city = Company.create(
            {"name": "导览苏州分公司", "parent_id": cls.province.id}
        )
        (cls.head_office | cls.province | cls.city).partner_id.tz = TZ
        # The clerk has no e-mail address: the branch's address sends.
        cls.city.email = "tour.suzhou@example.com"
        cls.clerk = new_test_user(
            cls.env,
            login="cc_tour_clerk",
            name="导览受理员",
            email=False,
            lang=LANG,
            tz=TZ,
            groups="complaint_core.group_complaint_staff",
            company_id=cls.city.id,
            company_ids=[Command.set(cls.city.ids)],
        )

    def test_clerk_walk_zh_cn(self):
        """(a) receive → dispatch → handle → reply → revisit → close in
        zh_CN by a clerk without e-mail address."""
        self.assertFalse(self.clerk.email)
        self._start_tour_local(
            "/odoo/action-complaint_core.helpdesk_ticket_complaint_action",
            "complaint_clerk_walk_tour",
            login="cc_tour_clerk",
        )
        ticket = self.env["helpdesk.ticket"].search(
            [("name", "=", "漫游费争议（导览）")]
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.complaint_step, "closed")
        self.assertEqual(ticket.company_id, self.city)
        order = ticket.dispatch_order_ids
        self.assertEqual(len(order), 1)
        self.assertTrue(order._local_deadline().endswith("17:00 CST"))


@tagged("post_install", "-at_install")
class TestHeadOfficeTour(ComplaintTourCase):
    """(c) Head office edits a grade, an SLA policy and a holiday year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if "complaint.sla.policy" not in cls.env:
            raise unittest.SkipTest("complaint_sla is not installed")
        load_zh_cn(cls.env)
        cls.head_office = cls.env.ref("base.main_company")
        cls.head_office.partner_id.tz = TZ
        cls.env["complaint.sla.policy"].search([("active", "=", True)], limit=1)
        calendar = cls.env.ref("complaint_sla.resource_calendar_china")
        Year = cls.env["complaint.sla.holiday.year"]
        if not Year.search([("calendar_id", "=", calendar.id), ("year", "=", 2027)]):
            Year.create({"year": 2027, "calendar_id": calendar.id})
        cls.admin = new_test_user(
            cls.env,
            login="cc_tour_head_office",
            name="导览总公司管理员",
            lang=LANG,
            tz=TZ,
            groups="complaint_core.group_complaint_head_office",
            company_id=cls.head_office.id,
            company_ids=[Command.set(cls.env["res.company"].search([]).ids)],
        )

    def test_head_office_edits_configuration(self):
        self._start_tour_local(
            "/odoo/action-complaint_core.complaint_grade_action",
            "complaint_head_office_config_tour",
            login="cc_tour_head_office",
        )
        Grade = self.env["complaint.grade"]
        self.assertTrue(
            Grade.search([("description", "=", "导览：总公司修改的等级说明")])
        )
        self.assertTrue(
            self.env["complaint.sla.policy"]
            .with_context(lang=LANG)
            .search([("name", "=", "电信投诉（一般，导览修改）")])
        )
        self.assertTrue(
            self.env["complaint.sla.holiday.year"].search(
                [("year", "=", 2027), ("note", "=", "导览：总公司核对 2027 年放假安排")]
            )
        )

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustomerPortalSendsReportsAway(HttpCase):
    """The customer portal's form offers no 'report' kind and points to the
    confidential page: a portal account names its holder (S000-R018)."""

    def test_new_ticket_form(self):
        new_test_user(self.env, login="wb_portal_form", groups="base.group_portal")
        self.authenticate("wb_portal_form", "wb_portal_form")
        form = self.url_open("/new/ticket").text
        self.assertIn('value="complaint"', form)
        self.assertNotIn('value="report"', form)
        self.assertIn('href="/whistleblow"', form)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The deadline in sight (issue 11, item 3) and readable years (item 6)."""

from datetime import timedelta

from lxml import etree

from odoo.tests import Form, TransactionCase, tagged

from .common import SlaCommon, utc


@tagged("post_install", "-at_install")
class TestSlaInSight(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls._policy(
            "UI test policy",
            [cls._line("received", 5, "working_days", end_step="replied")],
        )

    def _dispatch_wizard(self, ticket):
        """The wizard as the clerk's browser fills it (onchange)."""
        return Form(
            self.env["complaint.action.wizard"]
            .with_user(self.staff_a)
            .with_context(default_ticket_id=ticket.id, default_action="dispatch")
        )

    def test_kanban_card_shows_sla_status(self):
        """complaint_sla's badge sits in the card template, after the
        number, not in the field list before the templates."""
        arch = self.env["helpdesk.ticket"].get_views([(False, "kanban")])["views"][
            "kanban"
        ]["arch"]
        card = etree.fromstring(arch).xpath("//t[@t-name='card']")[0]
        self.assertTrue(card.xpath(".//field[@name='sla_status']"))
        self.assertTrue(card.xpath(".//field[@name='sla_remaining']"))

    def test_dispatch_wizard_prefills_the_step_deadline(self):
        ticket = self._ticket(date_received=utc(2024, 5, 10, 10, 40))
        line = self._lines(ticket, end_step="replied")
        self.assertTrue(line)
        wizard = self._dispatch_wizard(ticket)
        self.assertEqual(wizard.sla_deadline, line.deadline)
        self.assertEqual(wizard.deadline, line.deadline)
        self.assertFalse(wizard.sla_deadline_warning)
        # Earlier is fine; later warns (without blocking).
        wizard.deadline = line.deadline - timedelta(days=1)
        self.assertFalse(wizard.sla_deadline_warning)
        wizard.deadline = line.deadline + timedelta(hours=1)
        self.assertIn("SLA", wizard.sla_deadline_warning)
        self.assertIn("CST", wizard.sla_deadline_warning)

    def test_dispatch_wizard_without_sla_line(self):
        self.policy.active = False
        ticket = self._ticket()
        wizard = self._dispatch_wizard(ticket)
        self.assertFalse(wizard.sla_deadline)
        self.assertFalse(wizard.deadline)
        self.assertFalse(wizard.sla_deadline_warning)

    def test_wizard_view_shows_the_warning(self):
        arch = self.env["complaint.action.wizard"].get_views([(False, "form")])[
            "views"
        ]["form"]["arch"]
        tree = etree.fromstring(arch)
        self.assertTrue(tree.xpath("//div[@name='sla_deadline_warning']"))
        self.assertTrue(tree.xpath("//field[@name='sla_deadline']"))

    def test_holiday_years_read_without_thousands_separator(self):
        arch = self.env["complaint.sla.holiday.year"].get_views([(False, "list")])[
            "views"
        ]["list"]["arch"]
        year = etree.fromstring(arch).xpath("//field[@name='year']")[0]
        self.assertEqual(year.get("options"), "{'enable_formatting': false}")


@tagged("post_install", "-at_install")
class TestSlaPolicyGrouping(TransactionCase):
    def test_policies_grouped_by_scheme_names(self):
        """SLA policies group by the grading scheme head office picks, shown
        by its name (not raw codes like telecom_upgrade); a policy for every
        scheme reads as such."""
        Policy = self.env["complaint.sla.policy"]
        telecom = Policy.search([("scheme", "=", "telecom_upgrade")], limit=1)
        self.assertEqual(
            telecom.scheme_id,
            self.env.ref("complaint_core.grading_scheme_telecom_upgrade"),
        )
        groups = Policy.read_group([], ["scheme_id"], ["scheme_id"])
        labels = [g["scheme_id"][1] for g in groups if g["scheme_id"]]
        self.assertIn(telecom.scheme_id.name, labels)
        self.assertNotIn("telecom_upgrade", labels)
        # Picking a scheme sets the code the rules match on.
        property_scheme = self.env.ref(
            "complaint_core.grading_scheme_property_management"
        )
        telecom.scheme_id = property_scheme
        self.assertEqual(telecom.scheme, "property_management")

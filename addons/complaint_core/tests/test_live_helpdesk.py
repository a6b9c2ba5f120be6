# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLiveHelpdesk(TransactionCase):
    """Installing on a helpdesk already in use (tests/odoo/seed_live_helpdesk.py
    seeds it before the install; scripts/suite test runs both)."""

    def setUp(self):
        super().setUp()
        raw = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("complaint_core.test_live_helpdesk")
        )
        if not raw:
            self.skipTest("database was not seeded by tests/odoo/seed_live_helpdesk.py")
        self.seed = json.loads(raw)

    def test_existing_tickets_kept_and_mapped(self):
        Ticket = self.env["helpdesk.ticket"].with_context(active_test=False)
        tickets = Ticket.browse(self.seed["ticket_ids"]).exists()
        self.assertEqual(len(tickets), 210)
        self.assertFalse(tickets.filtered(lambda t: not t.complaint_step))
        self.assertEqual(set(tickets.mapped("complaint_kind")), {"complaint"})
        self.assertEqual(set(tickets.mapped("complainant_count")), {1})
        self.assertFalse(tickets.filtered(lambda t: not t.first_contact_user_id))
        self.assertFalse(tickets.filtered(lambda t: not t.date_received))
        self.assertEqual(set(tickets.mapped("org_level")), {"head_office"})
        stages = {
            k: self.env["helpdesk.ticket.stage"].browse(v)
            for k, v in self.seed["stages"].items()
        }
        expected = {
            "triage": "received",  # unattended
            "vendor": "handling",
            "solved": "closed",
            "refused": "rejected",  # closed, name says "refused"
        }
        # the lifecycle leads: the helpdesk's own stages moved behind it
        self.assertEqual(stages["triage"].sequence, 150)
        received = self.env.ref("complaint_core.stage_received")
        self.assertLess(received.sequence, stages["triage"].sequence)
        for key, step in expected.items():
            with self.subTest(stage=key):
                self.assertEqual(stages[key].complaint_step, step)
                in_stage = tickets.filtered(lambda t, s=stages[key]: t.stage_id == s)
                self.assertEqual(len(in_stage), 30)
                self.assertEqual(set(in_stage.mapped("complaint_step")), {step})
        by_xmlid = {
            "helpdesk_ticket_stage_new": "received",
            "helpdesk_ticket_stage_in_progress": "handling",
            "helpdesk_ticket_stage_done": "closed",
        }
        for xmlid, step in by_xmlid.items():
            stage = self.env.ref(f"helpdesk_mgmt.{xmlid}")
            self.assertEqual(stage.complaint_step, step)
            self.assertEqual(
                set(
                    tickets.filtered(lambda t, s=stage: t.stage_id == s).mapped(
                        "complaint_step"
                    )
                ),
                {step},
            )
        # first-contact owner: the assignee where there was one, else creator
        assigned = tickets.filtered("user_id")
        self.assertEqual(
            assigned.mapped("first_contact_user_id"), assigned.mapped("user_id")
        )
        self.assertEqual(set(tickets.mapped("harm")), {"none"})
        # stored related channel type, filled in SQL by the install hooks
        with_channel = self.env["helpdesk.ticket"].search([("channel_id", "!=", False)])
        for ticket in with_channel:
            self.assertEqual(
                ticket.channel_code, ticket.channel_id.complaint_channel_code
            )
        # no ticket was lost
        self.assertGreaterEqual(Ticket.search_count([]), self.seed["ticket_count"])

    def test_legacy_ticket_follows_lifecycle_from_its_step(self):
        """A legacy ticket in a mapped 'handling' stage can be replied to."""
        stage = self.env["helpdesk.ticket.stage"].browse(self.seed["stages"]["vendor"])
        ticket = self.env["helpdesk.ticket"].search(
            [("stage_id", "=", stage.id)], limit=1
        )
        admin = self.env.ref("base.user_admin")
        ticket.with_user(admin).complaint_reply("Vendor replaced the part.", "phone")
        self.assertEqual(ticket.complaint_step, "replied")

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Nothing a client sends bends the lifecycle, the approvals or the branch
walls (issue 9). Each test is what a client sent over RPC, as the restricted
user, and what it must get."""

import threading
import time
from datetime import timedelta

from odoo import Command, api, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestLifecycleIntegrity(ComplaintCommon):
    def test_item1_no_ticket_born_past_received(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.staff_a)
        for step in ("dispatched", "handling", "replied", "closed", "merged"):
            with (
                self.subTest(step=step),
                self.assertRaisesRegex(UserError, "starts in the step Received"),
            ):
                self._ticket(stage_id=self.stage[step].id)
        # A default_stage_id in the context is no way around it.
        with self.assertRaisesRegex(UserError, "starts in the step Received"):
            Ticket.with_context(default_stage_id=self.stage["closed"].id).create(
                {"name": "Born closed?", "description": "<p>x</p>"}
            )

    def test_item1_step_dates_and_counters_not_writable(self):
        ticket = self._ticket()
        as_staff = ticket.with_user(self.staff_a)
        as_head = ticket.with_user(self.head_admin)
        forged = {
            "complaint_step": "closed",
            "date_received": "2020-01-01 00:00:00",
            "date_dispatched": "2020-01-01 00:00:00",
            "reexamination_count": 5,
            "escalation_count": 3,
            "repeat_count": 9,
            "closing_conclusion_id": self.conclusion.id,
            "satisfaction": "satisfied",
        }
        for field_name, value in forged.items():
            for who in (as_staff, as_head):
                with (
                    self.subTest(field=field_name, user=who.env.user.login),
                    self.assertRaisesRegex(UserError, "only be changed by"),
                ):
                    who.write({field_name: value})
        # Writing step then stage cannot walk received -> closed.
        with self.assertRaises(UserError):
            as_staff.write({"stage_id": self.stage["closed"].id})
        self.assertEqual(ticket.complaint_step, "received")
        self.assertEqual(ticket.stage_id, self.stage["received"])
        self.assertEqual(ticket.reexamination_count, 0)

    def test_item1_context_defaults_do_not_set_counters(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.staff_a)
            .with_context(
                default_reexamination_count=1,
                default_escalation_count=2,
                default_date_received="2020-01-01 00:00:00",
            )
            .create({"name": "Defaults", "description": "<p>x</p>"})
        )
        self.assertEqual(ticket.reexamination_count, 0)
        self.assertEqual(ticket.escalation_count, 0)
        # Nor do defaults of decisions: a ticket born accepted, with a
        # conclusion, would skip the revisit.
        born = (
            self.env["helpdesk.ticket"]
            .with_user(self.staff_a)
            .with_context(
                default_complainant_accepted=True,
                default_satisfaction="satisfied",
                default_closing_conclusion_id=self.conclusion.id,
                default_repeat_count=7,
            )
            .create({"name": "Decided defaults", "description": "<p>x</p>"})
        )
        self.assertFalse(born.complainant_accepted)
        self.assertFalse(born.satisfaction)
        self.assertFalse(born.closing_conclusion_id)
        self.assertEqual(born.repeat_count, 0)
        self.assertGreater(
            ticket.date_received, fields.Datetime.to_datetime("2025-01-01")
        )

    def test_item2_role_comes_from_the_user_not_the_context(self):
        """A staff member claiming to be the complainant does not skip the
        mandatory revisit (S000-R120)."""
        ticket = self._ticket()
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.complaint_start()
        ticket.complaint_reply(
            "Answered.",
            "phone",
            conclusion=self.conclusion.id,
            substantiation="substantiated",
        )
        spoofed = ticket.with_user(self.staff_a).with_context(
            complaint_role="complainant", complaint_new_evidence=True
        )
        with self.assertRaisesRegex(UserError, "must be revisited"):
            spoofed.write({"stage_id": self.stage["closed"].id})
        with self.assertRaisesRegex(UserError, "must be revisited"):
            spoofed.complaint_close()
        self.assertEqual(ticket.complaint_step, "replied")

    def test_state_changes_are_tracked_whatever_the_context(self):
        """A client cannot keep a step change out of the chatter."""
        ticket = self._ticket()
        quiet = ticket.with_user(self.staff_a).with_context(
            tracking_disable=True, mail_notrack=True
        )
        quiet.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        self.assertIn(
            (self.stage["received"].name, self.stage["dispatched"].name),
            self._tracked_values(ticket, "stage_id"),
        )

    def test_item6_portal_user_is_the_complainant(self):
        """The complainant role is the share user's, whoever calls."""
        from odoo.addons.complaint_core.integrity import complaint_role

        portal = self.env["res.users"].create(
            {
                "name": "Portal Li",
                "login": "cc_int_portal",
                "groups_id": [Command.set(self.env.ref("base.group_portal").ids)],
            }
        )
        self.assertEqual(complaint_role(self.env(user=portal)), "complainant")
        self.assertEqual(complaint_role(self.env(user=self.staff_a)), "staff")
        self.assertEqual(complaint_role(self.env(user=self.manager_p)), "manager")
        self.assertEqual(complaint_role(self.env(user=self.head_admin)), "head_office")
        self.assertEqual(
            complaint_role(
                self.env(user=self.staff_a, context={"complaint_role": "system"})
            ),
            "staff",
        )

    def test_item8_bad_input_is_a_clear_error_and_saves_nothing(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.staff_a)
        count = Ticket.sudo().search_count([])
        cases = [
            ({"name": "   "}, "needs a subject"),
            ({"name": "x" * 10000}, "at most 200"),
            ({"name": "ok", "complaint_kind": "nonsense"}, "not valid for the field"),
            ({"name": "ok", "complainant_count": "three"}, "not valid for the field"),
            ({"name": "ok", "complaint_amount": "a lot"}, "not valid for the field"),
            ({"name": "ok", "classification_id": "billing"}, "not valid for the field"),
        ]
        for vals, message in cases:
            with (
                self.subTest(vals=str(vals)[:40]),
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                Ticket.create({"description": "<p>x</p>", **vals})
        self.assertEqual(Ticket.sudo().search_count([]), count)
        ticket = self._ticket()
        with self.assertRaisesRegex(ValidationError, "not valid for the field"):
            ticket.with_user(self.staff_a).write({"harm": 42})
        # A dispatch deadline in 2001 is refused and nothing is dispatched.
        with (
            self.assertRaisesRegex(ValidationError, "must lie after the dispatch"),
            self.env.cr.savepoint(),  # the request's rollback
        ):
            ticket.with_user(self.staff_a).complaint_dispatch(
                self.city_a.id, "Handle it.", "2001-01-01 09:00:00"
            )
        self.assertEqual(ticket.complaint_step, "received")
        self.assertFalse(ticket.dispatch_order_ids)

    def test_item9_rpc_forms_take_ids_and_return_values(self):
        """Each lifecycle action takes ids and plain values and returns a
        value an XML-RPC client can marshal (no None)."""
        ticket = self._ticket().with_user(self.staff_a)
        result = ticket.complaint_dispatch(
            self.city_a.id, "Handle it.", fields.Datetime.to_string(self._deadline())
        )
        self.assertEqual(result["step"], "dispatched")
        self.assertEqual(result["dispatch_order_id"], ticket.dispatch_order_ids.id)
        self.assertEqual(
            result["dispatch_order_number"], ticket.dispatch_order_ids.number
        )
        for result in (
            ticket.complaint_start(),
            ticket.complaint_reply(
                "Answered.", "phone", False, self.conclusion.id, "substantiated"
            ),
            ticket.complaint_revisit("satisfied", "Fine."),
            ticket.complaint_close(),
        ):
            self.assertIs(result, True)
        state = ticket.complaint_state()[0]
        self.assertEqual(state["step"], "closed")
        self.assertEqual(state["closing_conclusion_id"], self.conclusion.id)

    def test_item10_dispatch_twice_is_refused(self):
        ticket = self._ticket().with_user(self.staff_a)
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        with self.assertRaisesRegex(UserError, "does not start from there"):
            ticket.complaint_dispatch(self.city_a, "Again.", self._deadline())
        # A stage write from 派单 to 派单 issues no second order either.
        ticket.write({"stage_id": self.stage["dispatched"].id})
        self.assertEqual(len(ticket.dispatch_order_ids), 1)
        # And dispatch orders are not created outside the lifecycle.
        with self.assertRaisesRegex(UserError, "only be changed by"):
            self.env["complaint.dispatch.order"].with_user(self.staff_a).create(
                {
                    "ticket_id": ticket.id,
                    "unit_company_id": self.city_a.id,
                    "instructions": "Forged",
                    "deadline": self._deadline(),
                }
            )

    def test_item11_other_channel_takes_tickets(self):
        """helpdesk_mgmt's own "Other" channel and a new channel (type Other
        by default) take tickets, graded on the other facts."""
        other = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_other")
        new_channel = self.env["helpdesk.ticket.channel"].create({"name": "WeChat"})
        self.assertEqual(new_channel.complaint_channel_code, "other")
        for channel in (other, new_channel):
            with self.subTest(channel=channel.name):
                ticket = self._ticket(channel_id=channel.id)
                self.assertEqual(ticket.channel_code, "other")

    def test_dissatisfied_revisit_goes_to_the_nearest_manager(self):
        """S000-R121: the screening of a dissatisfied revisit falls to the
        branch manager nearest to the ticket's company (here the province
        manager for a city-A ticket), found by the suite's one lookup."""
        ticket = self._ticket()
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.complaint_start()
        ticket.complaint_reply("Answered.", "phone")
        ticket.complaint_revisit("dissatisfied", "Still charged.")
        activity = ticket.activity_ids.filtered(
            lambda a: "Dissatisfied revisit" in (a.summary or "")
        )
        self.assertEqual(activity.user_id, self.manager_p)
        nearest = self.city_a._complaint_nearest_managers()
        self.assertEqual(nearest[self.city_a.id], self.manager_p)

    def test_form_defaults_of_lifecycle_fields_are_ignored_on_create(self):
        """A form or client that sends empty values of lifecycle fields (as
        Odoo's form does for fields it shows) creates the ticket; the
        lifecycle's own values apply."""
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.staff_a)
            .create(
                {
                    "name": "From the form",
                    "description": "<p>x</p>",
                    "duplicate_id": False,
                    "satisfaction": False,
                    "repeat_count": 0,
                    "date_received": False,
                }
            )
        )
        self.assertTrue(ticket.date_received)
        self.assertEqual(ticket.complaint_step, "received")

    def test_kanban_shows_the_lifecycle_stages(self):
        """Complaint tickets show only the lifecycle's stages; an old helpdesk
        stage appears only while it holds tickets."""
        old = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        Ticket = self.env["helpdesk.ticket"].with_user(self.manager_p)
        shown = Ticket._read_group_stage_ids(old.browse(), [])
        self.assertEqual(
            set(shown.mapped("complaint_step")),
            {
                "received",
                "dispatched",
                "handling",
                "replied",
                "revisit",
                "closed",
                "rejected",
                "merged",
            },
        )
        self.assertNotIn(old, shown)
        self.assertIn(old, Ticket._read_group_stage_ids(old, []))

    def test_wizards_are_titled_by_their_action(self):
        ticket = self._ticket()
        titles = {
            action: ticket._open_action_wizard(action)["name"]
            for action in ("dispatch", "reply", "close", "reject")
        }
        labels = dict(
            self.env["complaint.action.wizard"]
            ._fields["action"]
            ._description_selection(self.env)
        )
        self.assertEqual(titles, {a: labels[a] for a in titles})
        self.assertEqual(len(set(titles.values())), 4)

    def test_item5_sender_from_the_nearest_company_with_an_address(self):
        """A clerk of a branch without an address writes with head office's;
        with no address anywhere the note is saved all the same."""
        clerk = self._user("cc_int_nomail_b", "staff", self.city_b)
        clerk.partner_id.email = False
        (self.city_b | self.province).email = False
        self.head_office.email = "hq@example.com"
        ticket = self._ticket(user=clerk).with_user(clerk)
        message = ticket.message_post(body="Noted.", subtype_xmlid="mail.mt_note")
        self.assertIn("hq@example.com", message.email_from)
        self.head_office.email = False
        self.env["ir.config_parameter"].sudo().set_param("mail.catchall.domain", "")
        self.env["ir.config_parameter"].sudo().set_param("mail.default.from", "")
        message = ticket.message_post(body="Noted again.", subtype_xmlid="mail.mt_note")
        self.assertTrue(message.exists())
        ticket.complaint_dispatch(self.city_b, "Handle it.", self._deadline())
        self.assertEqual(ticket.complaint_step, "dispatched")

    def test_item5_user_without_email_walks_a_ticket(self):
        """Dispatch, notes, reply, revisit, close and a settlement proposal by
        a clerk without an e-mail address: the sender is the company's."""
        self.city_a.email = "complaints@city-a.example.com"
        clerk = self._user("cc_int_nomail", "staff", self.city_a)
        clerk.partner_id.email = False
        ticket = self._ticket(user=clerk).with_user(clerk)
        ticket.message_post(body="Called the customer.", subtype_xmlid="mail.mt_note")
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.complaint_start()
        settlement = (
            self.env["complaint.settlement"]
            .with_user(clerk)
            .create(
                {
                    "ticket_id": ticket.id,
                    "line_ids": [
                        Command.create(
                            {
                                "item_id": self.env.ref(
                                    "complaint_core.settlement_item_agent_change"
                                ).id
                            }
                        )
                    ],
                }
            )
        )
        settlement.action_submit()
        self.assertEqual(settlement.state, "pending")
        settlement.action_cancel()
        ticket.complaint_reply("Answered.", "phone")
        ticket.complaint_revisit("satisfied")
        ticket.complaint_close(self.conclusion, "substantiated")
        self.assertEqual(ticket.complaint_step, "closed")
        notes = ticket.sudo().message_ids.filtered(
            lambda m: m.author_id == clerk.partner_id and m.body
        )
        self.assertTrue(notes)
        self.assertIn("complaints@city-a.example.com", notes[0].email_from)


@tagged("post_install", "-at_install")
class TestSettlementIntegrity(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = cls._user("cc_int_supervisor", "staff", cls.city_a)
        cls._assign_role("supervisor", cls.city_a, cls.supervisor)
        cls.item = cls.env.ref("complaint_core.settlement_item_agent_change")
        cls.ticket = cls._ticket()

    def _proposal(self, user=None):
        return (
            self.env["complaint.settlement"]
            .with_user(user or self.staff_a)
            .create(
                {
                    "ticket_id": self.ticket.id,
                    "line_ids": [Command.create({"item_id": self.item.id})],
                }
            )
        )

    def test_item3_decisions_not_writable(self):
        settlement = self._proposal()
        settlement.action_submit()
        as_staff = settlement.with_user(self.staff_a)
        forged = {
            "state": "approved",
            "decided_by_id": self.staff_a.id,
            "proposed_by_id": self.supervisor.id,
            "approver_user_ids": [Command.set(self.staff_a.ids)],
            "approver_role_id": False,
        }
        for field_name, value in forged.items():
            with (
                self.subTest(field=field_name),
                self.assertRaisesRegex(UserError, "only be changed by"),
            ):
                as_staff.write({field_name: value})
        # Cannot approve their own proposal, whatever they tried to write.
        with self.assertRaisesRegex(UserError, "own proposal|Only a holder"):
            as_staff.action_approve("self-approved")
        self.assertEqual(settlement.state, "pending")
        self.assertEqual(settlement.proposed_by_id, self.staff_a)

    def test_item3_created_as_draft_by_the_caller(self):
        settlement = (
            self.env["complaint.settlement"]
            .with_user(self.staff_a)
            .with_context(default_state="approved")
            .create({"ticket_id": self.ticket.id})
        )
        self.assertEqual(settlement.state, "draft")
        self.assertEqual(settlement.proposed_by_id, self.staff_a)
        forged = (
            self.env["complaint.settlement"]
            .with_user(self.staff_a)
            .with_context(
                default_reviewed_by_id=self.supervisor.id,
                default_decided_by_id=self.supervisor.id,
            )
            .create({"ticket_id": self.ticket.id})
        )
        self.assertFalse(forged.reviewed_by_id)
        self.assertFalse(forged.decided_by_id)
        with self.assertRaisesRegex(UserError, "only be changed by"):
            self.env["complaint.settlement"].with_user(self.staff_a).create(
                {"ticket_id": self.ticket.id, "state": "approved"}
            )

    def test_item3_lines_freeze_on_submission(self):
        settlement = self._proposal()
        line = settlement.line_ids.with_user(self.staff_a)
        line.note = "still a draft"
        settlement.action_submit()
        other_item = self.env.ref("complaint_core.settlement_item_late_fee_waiver")
        for action in (
            lambda: line.write({"item_id": other_item.id}),
            lambda: line.unlink(),
            lambda: line.create(
                {"settlement_id": settlement.id, "item_id": other_item.id}
            ),
            lambda: settlement.with_user(self.staff_a).write(
                {"line_ids": [Command.create({"item_id": other_item.id})]}
            ),
        ):
            with (
                self.assertRaisesRegex(UserError, "has been submitted"),
                self.env.cr.savepoint(),  # the request's rollback
            ):
                action()
        settlement.with_user(self.supervisor).action_approve("ok")
        with (
            self.assertRaisesRegex(UserError, "has been submitted"),
            self.env.cr.savepoint(),
        ):
            line.unlink()
        settlement.invalidate_recordset()
        self.assertEqual(len(settlement.line_ids), 1)
        self.assertEqual(settlement.line_ids.item_id, self.item)

    def test_item4_lines_follow_the_ticket_branch(self):
        settlement = self._proposal()
        settlement.action_submit()
        as_b = self.env["complaint.settlement.line"].with_user(self.staff_b)
        self.assertFalse(as_b.search([("settlement_id", "=", settlement.id)]))
        with self.assertRaises(AccessError):
            settlement.line_ids.with_user(self.staff_b).read(["note"])
        draft = self._proposal()
        with self.assertRaises(AccessError):
            as_b.create({"settlement_id": draft.id, "item_id": self.item.id})
        self.assertEqual(len(draft.line_ids), 1)


@tagged("post_install", "-at_install")
class TestConcurrentDispatch(BaseCase):
    """Two clerks dispatch the same ticket at the same moment, each in their
    own transaction: exactly one dispatch order, and the other gets a clear
    error after the request layer's retry (issue 9, item 10)."""

    def test_two_cursors_one_dispatch_order(self):
        # Real transactions: each clerk's request commits, as a request does,
        # and the test removes what it made at the end.
        from odoo.modules.registry import Registry
        from odoo.tests.common import get_db_name

        registry = Registry(get_db_name())
        admin_id = 2
        with registry.cursor() as cr:
            env = api.Environment(cr, admin_id, {})
            ticket = env["helpdesk.ticket"].create(
                {"name": "Concurrent dispatch", "description": "<p>x</p>"}
            )
            ticket_id = ticket.id
            company_id = ticket.company_id.id
            cr.commit()  # pylint: disable=invalid-commit
        deadline = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        barrier = threading.Barrier(2)
        outcome = {}

        def clerk(name):
            try:
                with registry.cursor() as cr:
                    # The test runner holds the registry lock: give the
                    # cursor its transaction instead of looking it up.
                    cr.transaction = api.Transaction(registry)
                    env = api.Environment(cr, admin_id, {})
                    record = env["helpdesk.ticket"].browse(ticket_id)
                    # Both read the ticket before either acts.
                    self.assertEqual(record.complaint_step, "received")
                    barrier.wait(timeout=30)
                    # What the request layer (odoo.service.model.retrying)
                    # does on a concurrency error: roll back, wait, retry.
                    for _attempt in range(5):
                        try:
                            record.complaint_dispatch(
                                company_id, f"Dispatched by {name}", deadline
                            )
                            env.flush_all()
                            break
                        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                            cr.rollback()
                            env.invalidate_all()
                            time.sleep(0.5)
                    cr.commit()  # pylint: disable=invalid-commit
                    outcome[name] = "dispatched"
            except UserError as exc:
                outcome[name] = f"refused: {exc}"
            except Exception as exc:
                outcome[name] = f"failed: {exc!r}"

        threads = [threading.Thread(target=clerk, args=(n,)) for n in ("A", "B")]
        try:
            # The refused lock is logged by the cursor as a bad query.
            with mute_logger("odoo.sql_db"):
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(timeout=120)
            with registry.cursor() as cr:
                env = api.Environment(cr, admin_id, {})
                orders = env["complaint.dispatch.order"].search(
                    [("ticket_id", "=", ticket_id)]
                )
                self.assertEqual(len(orders), 1, outcome)
                self.assertEqual(
                    sorted(v.split(":")[0] for v in outcome.values()),
                    ["dispatched", "refused"],
                    outcome,
                )
                refused = next(v for v in outcome.values() if v.startswith("refused"))
                self.assertIn("does not start from there", refused)
        finally:
            with registry.cursor() as cr:
                env = api.Environment(cr, admin_id, {})
                env["helpdesk.ticket"].browse(ticket_id).sudo().unlink()
                cr.commit()  # pylint: disable=invalid-commit


@tagged("post_install", "-at_install")
class TestClassificationInTheReadersLanguage(ComplaintCommon):
    def test_path_follows_the_language(self):
        """The classification's full path is built in the reader's language
        (a stored path kept the English of its creation for zh_CN users)."""
        from .test_i18n import load_zh_cn

        load_zh_cn(self.env)
        leaf = self.classification  # billing / disputed charges
        english = leaf.with_context(lang="en_US").display_name
        chinese = leaf.with_context(lang="zh_CN").display_name
        self.assertNotEqual(english, chinese)
        self.assertIn(leaf.parent_id.with_context(lang="zh_CN").name, chinese)
        self.assertFalse(any("a" <= c.lower() <= "z" for c in chinese.split("]")[1]))

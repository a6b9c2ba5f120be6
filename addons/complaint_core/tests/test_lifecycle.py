# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestLifecycle(ComplaintCommon):
    def test_full_lifecycle_as_branch_staff(self):
        """receive -> dispatch -> handle -> reply -> revisit -> close, each step
        stamped and tracked (S000-R110, R111, R118, R120, R091)."""
        ticket = self._ticket()
        self.assertEqual(ticket.complaint_step, "received")
        self.assertEqual(ticket.first_contact_user_id, self.staff_a)
        self.assertTrue(ticket.date_received)
        ticket.complaint_dispatch(
            self.city_a,
            "Check the roaming records.",
            self._deadline(),
            user=self.staff_a,
        )
        order = ticket.dispatch_order_ids
        self.assertEqual(ticket.complaint_step, "dispatched")
        self.assertTrue(order.number.startswith("JB"))
        self.assertEqual(order.unit_company_id, self.city_a)
        self.assertTrue(ticket.date_dispatched)
        self._end_request()
        ticket.action_complaint_start()
        self.assertEqual(ticket.complaint_step, "handling")
        self._end_request()
        ticket.complaint_reply("Refund of 380 yuan approved.", "phone")
        self._end_request()
        self.assertEqual(ticket.complaint_step, "replied")
        self.assertTrue(ticket.revisit_deadline)
        # S000-R105: revisit within 7 days of the reply
        self.assertEqual((ticket.revisit_deadline - ticket.date_replied).days, 7)
        ticket.complaint_revisit("satisfied", "Customer confirms the refund.")
        self._end_request()
        self.assertEqual(ticket.complaint_step, "revisit")
        ticket.complaint_close(self.conclusion, "substantiated", "Refunded.")
        self._end_request()
        self.assertEqual(ticket.complaint_step, "closed")
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.closed_date)
        stages = [new for _old, new in self._tracked_values(ticket, "stage_id")]
        self.assertEqual(
            stages, ["Dispatched", "Handling", "Replied", "Revisit", "Closed"]
        )
        self.assertIn(
            "Enterprise responsibility",
            [
                new
                for _old, new in self._tracked_values(ticket, "closing_conclusion_id")
            ],
        )

    def test_forbidden_transitions_kanban_drag(self):
        """Moves outside the transition table are refused, also by writing the
        stage directly as the kanban does; nothing is saved."""
        ticket = self._ticket()
        ticket_as_staff = ticket.with_user(self.staff_a)
        for step in ("handling", "revisit", "closed", "merged"):
            with self.subTest(step=step), self.assertRaises(UserError):
                ticket_as_staff.write({"stage_id": self.stage[step].id})
        self.assertEqual(ticket.complaint_step, "received")
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        for step in ("replied", "revisit", "closed", "rejected"):
            with self.subTest(step=step), self.assertRaises(UserError):
                ticket_as_staff.write({"stage_id": self.stage[step].id})
        self.assertEqual(ticket.complaint_step, "dispatched")

    def test_close_requires_conclusion_and_finding(self):
        ticket = self._ticket()
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.action_complaint_start()
        ticket.complaint_reply("Answered.", "phone")
        ticket.complaint_revisit("satisfied")
        with self.assertRaisesRegex(UserError, "closing conclusion"):
            ticket.with_user(self.staff_a).write({"stage_id": self.stage["closed"].id})
        # The conclusion is recorded by the close action, not written with
        # the stage by a client.
        with self.assertRaisesRegex(UserError, "only be changed by the complaint"):
            ticket.with_user(self.staff_a).write(
                {
                    "stage_id": self.stage["closed"].id,
                    "closing_conclusion_id": self.conclusion.id,
                }
            )
        self.assertEqual(ticket.complaint_step, "revisit")
        self.assertFalse(ticket.closing_conclusion_id)

    def test_complaint_must_be_revisited_before_closing(self):
        """S000-R120: a complaint closes after its revisit, unless the
        complainant declined it; a consultation may close after the reply."""
        ticket = self._ticket()
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.action_complaint_start()
        ticket.complaint_reply("Answered.", "phone")
        with self.assertRaisesRegex(UserError, "revisited"):
            ticket.complaint_close(self.conclusion, "substantiated")
        ticket.revisit_declined = True
        ticket.complaint_close(self.conclusion, "substantiated")
        self.assertEqual(ticket.complaint_step, "closed")
        consultation = self._ticket(complaint_kind="consultation")
        consultation.complaint_reply("Explained the tariff.", "phone")
        consultation.complaint_close(self.conclusion, "unsubstantiated")
        self.assertEqual(consultation.complaint_step, "closed")

    def test_reject_needs_reason_and_notifies_once(self):
        """S000-R170: not accepted with a reason; the proper channel is told
        to the complainant once."""
        ticket = self._ticket()
        with self.assertRaisesRegex(UserError, "non-acceptance reason"):
            ticket.with_user(self.staff_a).write(
                {"stage_id": self.stage["rejected"].id}
            )
        ticket.with_user(self.staff_a).complaint_reject(self.reason_remit)
        self.assertEqual(ticket.complaint_step, "rejected")
        self.assertTrue(ticket.rejection_notice_sent)
        notices = ticket.message_ids.filtered(lambda m: "12315" in (m.body or ""))
        self.assertEqual(len(notices), 1)
        self.assertIn(self.partner, notices.partner_ids)

    def test_reexamination_once_on_new_evidence(self):
        """S000-R175: 复查 once, on new evidence; a second request is refused."""
        ticket = self._ticket()
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.action_complaint_start()
        ticket.complaint_reply("Answered.", "phone")
        ticket.complaint_revisit("satisfied")
        ticket.complaint_close(self.conclusion, "unsubstantiated")
        as_manager = ticket.with_user(self.manager_p)
        with self.assertRaisesRegex(UserError, "new evidence"):
            as_manager.complaint_reexamine("   ")
        with self.assertRaises(UserError):
            # branch staff may not reopen a closed case
            ticket.with_user(self.staff_a).complaint_reexamine("New bill copy.")
        as_manager.complaint_reexamine("Copy of the itemised bill for May.")
        self.assertEqual(ticket.complaint_step, "handling")
        self.assertEqual(ticket.reexamination_count, 1)
        ticket.complaint_reply("Re-examined: refund confirmed.", "phone")
        ticket.complaint_revisit("satisfied")
        ticket.complaint_close(self.conclusion, "substantiated")
        with self.assertRaisesRegex(UserError, "already been re-examined once"):
            as_manager.complaint_reexamine("Yet another document.")
        self.assertEqual(ticket.complaint_step, "closed")
        self.assertEqual(ticket.reexamination_count, 1)

    def test_dissatisfied_revisit_waits_for_manager(self):
        """S000-R121: a dissatisfied revisit is screened by a manager, who
        reopens handling; branch staff cannot reopen."""
        ticket = self._ticket()
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.action_complaint_start()
        ticket.complaint_reply("Answered.", "phone")
        ticket.with_user(self.staff_a).complaint_revisit("dissatisfied", "Too slow.")
        self.assertEqual(ticket.complaint_step, "revisit")
        self.assertTrue(ticket.activity_ids)
        self.assertEqual(ticket.activity_ids.user_id, self.manager_p)
        with self.assertRaises(UserError):
            ticket.with_user(self.staff_a).complaint_reopen()
        ticket.with_user(self.manager_p).complaint_reopen()
        self.assertEqual(ticket.complaint_step, "handling")

    def test_first_contact_owner_changed_only_by_manager(self):
        ticket = self._ticket()
        with self.assertRaisesRegex(UserError, "first-contact owner"):
            ticket.with_user(self.staff_a).first_contact_user_id = self.staff_b
        ticket.with_user(self.manager_p).first_contact_user_id = self.staff_b
        self.assertEqual(ticket.first_contact_user_id, self.staff_b)
        self.assertEqual(
            self._tracked_values(ticket, "first_contact_user_id")[-1][1],
            self.staff_b.name,
        )

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "not a valid Chinese"):
            self._ticket(complainant_phone="12-34")
        with self.assertRaisesRegex(ValidationError, "at least one complainant"):
            self._ticket(complainant_count=0)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._ticket(complaint_amount=-5)
        ticket = self._ticket(complainant_phone="+86 139-1234-5678")
        self.assertEqual(ticket.complainant_phone, "13912345678")

    def test_wizard_requires_input(self):
        ticket = self._ticket()
        wizard = (
            self.env["complaint.action.wizard"]
            .with_user(self.staff_a)
            .create({"ticket_id": ticket.id, "action": "dispatch"})
        )
        self.assertEqual(wizard.unit_company_id, self.city_a)
        with self.assertRaisesRegex(UserError, "Please fill in"):
            wizard.action_confirm()
        wizard.write({"instructions": "Call back today.", "deadline": self._deadline()})
        wizard.action_confirm()
        self.assertEqual(ticket.complaint_step, "dispatched")

    def test_dispatch_order_report(self):
        ticket = self._ticket()
        ticket.complaint_dispatch(
            self.city_b, "Check the counter staff roster.", self._deadline()
        )
        order = ticket.dispatch_order_ids
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "complaint_core.report_dispatch_order", order.ids
        )
        html = html.decode()
        self.assertIn(order.number, html)
        self.assertIn("Check the counter staff roster.", html)
        self.assertIn("Test City B", html)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestDelegation(ComplaintCommon):
    """Seed-001 delegation matrix (第四条 投诉案件处理审批权限) routed to the
    holders of each role at the right org level."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.role = {
            code: ref(f"complaint_core.approval_role_{code}")
            for code in ("supervisor", "department_manager", "general_manager")
        }
        cls.item = {
            code: ref(f"complaint_core.settlement_item_{code}")
            for code in (
                "surrender_by_agreement",
                "agent_change",
                "late_fee_waiver",
                "premium_callback",
                "advance_payment",
                "commission_freeze",
                "co_handling",
            )
        }
        cls.supervisor = cls._user("cc_supervisor_a", "staff", cls.city_a)
        cls.general_manager = cls._user(
            "cc_gm",
            "manager",
            cls.head_office,
            cls.province | cls.city_a | cls.city_b,
        )
        # supervisor in the city branch, department manager in the province,
        # general manager at head office (demo data may hold roles already)
        cls._assign("supervisor", cls.city_a, cls.supervisor)
        cls._assign("department_manager", cls.province, cls.manager_p)
        cls._assign("general_manager", cls.head_office, cls.general_manager)
        cls.ticket = cls._ticket()

    @classmethod
    def _assign(cls, role, company, users):
        cls._assign_role(role, company, users)

    def _propose(self, item, user=None, **amounts):
        user = user or self.staff_a
        settlement = (
            self.env["complaint.settlement"]
            .with_user(user)
            .create(
                {
                    "ticket_id": self.ticket.id,
                    "line_ids": [
                        Command.create({"item_id": self.item[item].id, **amounts})
                    ],
                }
            )
        )
        settlement.action_submit()
        return settlement

    def _check(self, item, role, holder, rule, **amounts):
        settlement = self._propose(item, **amounts)
        # S001-R020: the supervisor reviews first unless they are the approver.
        self.assertEqual(
            settlement.state, "pending" if role == "supervisor" else "review"
        )
        self.assertEqual(settlement.approver_role_id, self.role[role])
        self.assertEqual(settlement.approver_user_ids, holder)
        self.assertEqual(settlement.deciding_rule_ref, rule)
        return settlement

    def test_s001_r011_r012_r013_surrender_boundaries(self):
        """≤ 2,000 over cash value and ≤ 70 % of premium: supervisor;
        2,000-10,000 or > 70 %: department manager; > 10,000: general
        manager. Each boundary exactly, just above and just below."""
        sup, dep, gm = self.supervisor, self.manager_p, self.general_manager
        # (cash value, total refund, total premium): the seed's own inputs;
        # over cash value X = refund - cash value, share = refund / premium.
        cases = [
            # X = 2,000.00 and exactly 70 % of the premium: supervisor.
            ("12000.00", "14000.00", "20000.00", "supervisor", sup, "S001-R011"),
            # X = 1,500.01 and 1 fen over 70 % (70.00005 %): department manager.
            (
                "12500.00",
                "14000.01",
                "20000.00",
                "department_manager",
                dep,
                "S001-R012",
            ),
            # X = 1,999.99 at 59.99995 %: supervisor.
            ("10000.00", "11999.99", "20000.00", "supervisor", sup, "S001-R011"),
            # X = 2,000.01 at 10.00001 %: department manager.
            (
                "8000.00",
                "10000.01",
                "100000.00",
                "department_manager",
                dep,
                "S001-R012",
            ),
            # X = 10,000.00 at 50 %: department manager.
            (
                "15000.00",
                "25000.00",
                "50000.00",
                "department_manager",
                dep,
                "S001-R012",
            ),
            # X = 9,999.99 at 80 %: department manager.
            (
                "30000.01",
                "40000.00",
                "50000.00",
                "department_manager",
                dep,
                "S001-R012",
            ),
            # X = 10,000.01 at 50.00002 %: general manager.
            ("15000.00", "25000.01", "50000.00", "general_manager", gm, "S001-R013"),
            # X = 10,000.01 at 90.00002 %: general manager.
            ("35000.00", "45000.01", "50000.00", "general_manager", gm, "S001-R013"),
        ]
        for cash, refund, premium, role, holder, rule in cases:
            with self.subTest(cash=cash, refund=refund, premium=premium):
                settlement = self._check(
                    "surrender_by_agreement",
                    role,
                    holder,
                    rule,
                    **_surrender(cash, refund, premium),
                )
                line = settlement.line_ids
                self.assertEqual(
                    f"{line.refund_over_cash_value:.2f}",
                    str(Decimal(refund) - Decimal(cash)),
                )

    def test_share_is_computed_exactly_and_shown_read_only(self):
        """1 fen over 70 %: the share is 70.00005 %, not a rounded 70.00."""
        settlement = self._propose(
            "surrender_by_agreement", **_surrender("12500.00", "14000.01", "20000.00")
        )
        self.assertAlmostEqual(settlement.line_ids.premium_share_pct, 70.00005, 6)
        with self.assertRaisesRegex(UserError, "Share of premium"):
            settlement.line_ids.with_user(self.staff_a).premium_share_pct = 70.0

    def test_s001_r014_to_r019_other_items(self):
        sup, dep = self.supervisor, self.manager_p
        expected = [
            ("agent_change", "supervisor", sup, "S001-R014"),
            ("late_fee_waiver", "supervisor", sup, "S001-R015"),
            ("premium_callback", "department_manager", dep, "S001-R016"),
            ("advance_payment", "department_manager", dep, "S001-R017"),
            ("commission_freeze", "department_manager", dep, "S001-R018"),
            ("co_handling", "supervisor", sup, "S001-R019"),
        ]
        for item, role, holder, rule in expected:
            with self.subTest(item=item):
                self._check(item, role, holder, rule)

    def test_proposal_takes_highest_role_of_its_items(self):
        settlement = (
            self.env["complaint.settlement"]
            .with_user(self.staff_a)
            .create(
                {
                    "ticket_id": self.ticket.id,
                    "line_ids": [
                        Command.create({"item_id": self.item["agent_change"].id}),
                        Command.create({"item_id": self.item["premium_callback"].id}),
                    ],
                }
            )
        )
        settlement.action_submit()
        self.assertEqual(settlement.approver_role_id, self.role["department_manager"])
        self.assertEqual(
            settlement.line_ids.mapped("role_id.code"),
            ["supervisor", "department_manager"],
        )

    def test_s001_r020_supervisor_reviews_every_plan_first(self):
        """A plan for the general manager goes to the 咨诉主管 first, then up;
        a plan without matrix items is approved by that review."""
        settlement = self._propose(
            "surrender_by_agreement", **_surrender("15000.00", "25000.01", "50000.00")
        )
        self.assertEqual(settlement.state, "review")
        self.assertEqual(settlement.reviewer_user_ids, self.supervisor)
        self.assertEqual(settlement.approver_user_ids, self.general_manager)
        with self.assertRaisesRegex(UserError, "may decide on this proposal now"):
            settlement.with_user(self.general_manager).action_approve("too early")
        self.assertTrue(settlement.with_user(self.supervisor).can_decide)
        settlement.with_user(self.supervisor).action_approve("Plan reviewed.")
        self.assertEqual(settlement.state, "pending")
        self.assertEqual(settlement.reviewed_by_id, self.supervisor)
        self.assertFalse(settlement.with_user(self.supervisor).can_decide)
        with self.assertRaisesRegex(UserError, "may decide on this proposal now"):
            settlement.with_user(self.supervisor).action_approve("again")
        settlement.with_user(self.general_manager).action_approve("Approved.")
        self.assertEqual(settlement.state, "approved")
        self.assertEqual(settlement.decided_by_id, self.general_manager)
        # A plan without items of the matrix: reviewed (= approved) by the
        # supervisor, S001-R020.
        plain = (
            self.env["complaint.settlement"]
            .with_user(self.staff_a)
            .create({"ticket_id": self.ticket.id})
        )
        plain.action_submit()
        self.assertEqual(plain.state, "pending")
        self.assertEqual(plain.approver_role_id, self.role["supervisor"])
        self.assertEqual(plain.deciding_rule_ref, "S001-R020")
        plain.with_user(self.supervisor).action_approve("Explanation only.")
        self.assertEqual(plain.state, "approved")

    def test_explanation_in_the_readers_language(self):
        """The approval explanation is built from the frozen decisions in the
        reader's language (it was the rules engine's English)."""
        from .test_i18n import load_zh_cn

        settlement = self._propose("premium_callback")
        english = settlement.with_context(lang="en_US").explanation
        self.assertIn("S001-R016", english)
        self.assertIn("reviews it first", english)
        load_zh_cn(self.env)
        settlement.invalidate_recordset(["explanation"])
        chinese = settlement.with_context(lang="zh_CN").explanation
        self.assertIn("S001-R016", chinese)
        self.assertIn("客服部经理", chinese)
        self.assertNotIn("reviews it first", chinese)

    def test_review_rejection_stops_the_plan(self):
        settlement = self._propose("premium_callback")
        self.assertEqual(settlement.state, "review")
        settlement.with_user(self.supervisor).action_reject("Not justified.")
        self.assertEqual(settlement.state, "rejected")
        with self.assertRaisesRegex(UserError, "not waiting for approval"):
            settlement.with_user(self.manager_p).action_approve("late")

    def test_approve_and_reject_by_holder_only(self):
        settlement = self._propose(
            "surrender_by_agreement",
            **_surrender("1500.00", "2000.00", "10000.00"),
        )
        self.assertTrue(
            settlement.activity_ids.filtered(lambda a: a.user_id == self.supervisor)
        )
        for user in (self.staff_a, self.manager_p, self.head_admin):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                settlement.with_user(user).action_approve("ok")
        with self.assertRaisesRegex(UserError, "reason for the rejection"):
            settlement.with_user(self.supervisor).action_reject("  ")
        settlement.with_user(self.supervisor).action_approve("Within my limit.")
        self.assertEqual(settlement.state, "approved")
        self.assertEqual(settlement.decided_by_id, self.supervisor)
        self.assertFalse(settlement.activity_ids)
        self.assertTrue(
            self.ticket.message_ids.filtered(
                lambda m: "Within my limit." in (m.body or "")
            )
        )

    def test_branch_user_cannot_approve_own_request(self):
        """The holder of the role proposes: nobody else holds it, so the
        proposal is refused rather than self-approved."""
        with self.assertRaisesRegex(UserError, "No one other than you"):
            self._propose("agent_change", user=self.supervisor)
        other = self._user("cc_supervisor_a2", "staff", self.city_a)
        assignment = self.env["complaint.approval.assignment"].search(
            [
                ("role_id", "=", self.role["supervisor"].id),
                ("company_id", "=", self.city_a.id),
            ]
        )
        assignment.user_ids = [Command.link(other.id)]
        settlement = self._propose("agent_change", user=self.supervisor)
        self.assertEqual(settlement.approver_user_ids, other)
        with self.assertRaisesRegex(UserError, "own proposal"):
            settlement.with_user(self.supervisor).action_approve("mine")

    def test_ticket_blocked_while_pending_or_rejected(self):
        ticket = self.ticket
        ticket.complaint_dispatch(self.city_a, "Handle it.", self._deadline())
        ticket.action_complaint_start()
        settlement = self._propose("late_fee_waiver")
        with self.assertRaisesRegex(UserError, "pending approval or was rejected"):
            ticket.complaint_reply("We waive the fee.", "phone")
        settlement.with_user(self.supervisor).action_reject("Fee was due.")
        with self.assertRaisesRegex(UserError, "pending approval or was rejected"):
            ticket.complaint_reply("We waive the fee.", "phone")
        self.assertEqual(ticket.complaint_step, "handling")
        settlement.with_user(self.staff_a).action_cancel()
        ticket.complaint_reply("The fee stays; explained the terms.", "phone")
        self.assertEqual(ticket.complaint_step, "replied")

    def test_ticket_cannot_close_with_pending_settlement(self):
        ticket = self._ticket(complaint_kind="consultation")
        ticket.complaint_reply("Explained the surrender terms.", "phone")
        settlement = (
            self.env["complaint.settlement"]
            .with_user(self.staff_a)
            .create(
                {
                    "ticket_id": ticket.id,
                    "line_ids": [
                        Command.create({"item_id": self.item["agent_change"].id})
                    ],
                }
            )
        )
        settlement.action_submit()
        with self.assertRaisesRegex(UserError, "pending approval or was rejected"):
            ticket.complaint_close(self.conclusion, "unsubstantiated")
        self.assertEqual(ticket.complaint_step, "replied")
        settlement.with_user(self.supervisor).action_approve("Agent changed.")
        ticket.complaint_close(self.conclusion, "partly_substantiated")
        self.assertEqual(ticket.complaint_step, "closed")

    def test_matrix_gap_is_a_clear_error(self):
        """S001-R011 starts above 0: a surrender refunding nothing over the
        cash value within 70 % has no approver row (digest M-4)."""
        with self.assertRaisesRegex(UserError, "No row of the delegation matrix"):
            self._propose(
                "surrender_by_agreement",
                **_surrender("3000.00", "3000.00", "10000.00"),
            )

    def test_matrix_change_keeps_approver_of_existing_proposal(self):
        settlement = self._propose(
            "surrender_by_agreement",
            **_surrender("2200.00", "4000.00", "10000.00"),
        )
        self.assertEqual(settlement.approver_role_id, self.role["supervisor"])
        row = self.env.ref("complaint_core.delegation_s001_r011")
        row.with_user(self.head_admin).amount_upper = 1000.0
        # the department-manager row must now start at 1000 to avoid a gap
        self.env.ref("complaint_core.delegation_s001_r012_amount").with_user(
            self.head_admin
        ).amount_lower = 1000.0
        settlement.invalidate_recordset()
        self.assertEqual(settlement.approver_role_id, self.role["supervisor"])
        self.assertEqual(settlement.approver_user_ids, self.supervisor)
        settlement.with_user(self.supervisor).action_approve("As proposed.")
        self.assertEqual(settlement.state, "approved")
        # a new proposal uses the new matrix
        new = self._propose(
            "surrender_by_agreement",
            **_surrender("2200.00", "4000.00", "10000.00"),
        )
        self.assertEqual(new.approver_role_id, self.role["department_manager"])

    def test_matrix_edited_by_head_office_only(self):
        row = self.env.ref("complaint_core.delegation_s001_r014")
        for user in (self.staff_a, self.manager_p, self.supervisor):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                row.with_user(user).role_id = self.role["general_manager"]
            self.assertTrue(row.with_user(user).read(["band_text"]))
        row.with_user(self.head_admin).role_id = self.role["department_manager"]
        self.assertEqual(row.role_id, self.role["department_manager"])

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._propose(
                "surrender_by_agreement",
                **_surrender("-1.00", "10.00", "1000.00"),
            )
        with self.assertRaisesRegex(ValidationError, "exceeds the total premium"):
            self._propose(
                "surrender_by_agreement", **_surrender("10.00", "1005.00", "1000.00")
            )
        row = self.env.ref("complaint_core.delegation_s001_r012_amount")
        # the savepoint plays the request's rollback: nothing saved half-way
        with (
            self.assertRaisesRegex(ValidationError, "delegation matrix is not valid"),
            self.env.cr.savepoint(),
        ):
            # overlaps the general-manager row (> 10,000)
            row.with_user(self.head_admin).amount_upper = 20000.0
        self.env.invalidate_all()
        self.assertEqual(row.amount_upper, 10000.0)


def _surrender(cash_value, refund_total, total_premium):
    return {
        "cash_value": float(cash_value),
        "refund_total": float(refund_total),
        "total_premium": float(total_premium),
    }

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Rewards of reports through the Odoo models, with the seeds' numbers.

Seed 000 附件二 (the mine S000-R023..R034, the listed company
S000-R077..R083) and seed 002 D2 (the utility S002-R066..R068). The amounts
come from ``complaint_rules.reward.compute_reward``; these tests prove the
models feed it the facts exactly and keep its result, readings, deadlines
and the approval flow around it.
"""

from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from complaint_rules import presets
from complaint_rules.reward import READINGS

from ..models.res_company_reward import READING_FIELDS
from .common import WhistleblowerCommon

# 2026-09-30 10:00 in Shanghai (UTC+8), as Odoo stores it: naive UTC.
CLOSED_BEFORE_NATIONAL_DAY = datetime(2026, 9, 30, 2, 0)


def utc(year, month, day, hour=0, minute=0, second=0):
    return datetime(year, month, day, hour, minute, second)


@tagged("post_install", "-at_install")
class TestReward(WhistleblowerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approver = new_test_user(
            cls.env,
            login="wb_reward_approver",
            groups="base.group_user",
            company_id=cls.city_a.id,
            company_ids=[Command.set(cls.city_a.ids)],
        )
        cls.approver_2 = new_test_user(
            cls.env,
            login="wb_reward_approver_2",
            groups="base.group_user",
            company_id=cls.city_a.id,
            company_ids=[Command.set(cls.city_a.ids)],
        )
        for code in ("office", "audit_department", "discipline_inspection"):
            cls._assign_reward_role(code, cls.city_a, cls.investigator)
        for code in ("mine_leadership", "board_leadership", "company"):
            cls._assign_reward_role(code, cls.city_a, cls.approver)
        cls.city_a.whistleblower_reward_policy = "mine"
        cls.report = cls._report()

    @classmethod
    def _assign_reward_role(cls, code, company, users):
        role = cls.env.ref(f"whistleblower_reward.approval_role_{code}")
        Assignment = cls.env["complaint.approval.assignment"]
        existing = Assignment.search(
            [("role_id", "=", role.id), ("company_id", "=", company.id)]
        )
        values = {"user_ids": [Command.set(users.ids)]}
        if existing:
            existing.write(values)
        else:
            Assignment.create({"role_id": role.id, "company_id": company.id, **values})

    def _reward(self, policy="mine", ticket=None, **facts):
        """A reward as the investigator enters it (a new report each time,
        one reward per case)."""
        ticket = ticket or self._report()
        values = {
            "ticket_id": ticket.id,
            "policy_code": policy,
            "case_closed_at": CLOSED_BEFORE_NATIONAL_DAY,
        }
        values.update(facts)
        Reward = self.env["whistleblower.reward"]
        return self._as(Reward, self.investigator).create(values)

    def _approved(self, policy="mine", **facts):
        reward = self._reward(policy, **facts)
        reward.action_propose(now=utc(2026, 10, 8, 2))
        self._as(reward, self.approver).action_approve()
        return reward

    def _set_reading(self, name, value):
        self.city_a.write({READING_FIELDS[name]: value})

    def _messages(self, reward):
        self.env.flush_all()
        self.env.cr.precommit.run()
        return " ".join(reward.sudo().message_ids.mapped("body"))

    # ------------------------------------------------------------------
    # Tiers, caps, floor (S000-R027..R030, S000-R079)
    # ------------------------------------------------------------------
    def test_s000_r027_r030_r079_worked_examples_tc06_tc14(self):
        """TC-06..TC-14 of seed-000 §11.B under both percentage presets."""
        cases = [
            ("TC-06", {"evidence": "cooperation", "recovered_loss": 50000},
             5000, "cooperation", "loss", False, False),
            ("TC-07", {"evidence": "cooperation", "recovered_loss": 150000},
             10000, "cooperation", "loss", True, False),
            ("TC-08", {"evidence": "cooperation", "fine": 20000},
             6000, "cooperation", "fine", False, False),
            ("TC-09", {"evidence": "direct", "recovered_loss": 80000},
             16000, "direct", "loss", False, False),
            ("TC-10", {"evidence": "direct", "fine": 50000},
             20000, "direct", "fine", True, False),
            ("TC-11", {"evidence": "direct", "major": True, "recovered_loss": 200000},
             40000, "major", "loss", False, False),
            ("TC-12", {"evidence": "direct", "major": True, "recovered_loss": 750000},
             100000, "major", "loss", True, False),
            ("TC-13", {"evidence": "direct", "major": True,
                       "recovered_loss": 199999.99},
             20000, "direct", "loss", True, False),
            ("TC-14", {"evidence": "cooperation", "recovered_loss": 600},
             100, "cooperation", "loss", False, True),
        ]  # fmt: skip
        for policy in ("mine", "listed_company"):
            for case, facts, amount, tier, basis, capped, floored in cases:
                with self.subTest(policy=policy, case=case):
                    reward = self._reward(policy, **facts)
                    self.assertTrue(reward.eligible)
                    self.assertEqual(reward.amount, amount)
                    self.assertEqual((reward.tier, reward.basis), (tier, basis))
                    self.assertEqual(
                        (reward.cap_applied, reward.floor_applied), (capped, floored)
                    )

    def test_s000_r027_r028_r029_r079_tier_edges_and_caps(self):
        """Each tier's cap at the edge, and the major tier from 200,000
        inclusive (0.01 below it falls back to the tier of its evidence)."""
        cases = [
            ("cooperation", 99999.99, False, "10000.00", "cooperation", False),
            ("cooperation", 100000, False, "10000", "cooperation", False),
            ("cooperation", 100000.01, False, "10000", "cooperation", True),
            ("direct", 99999.95, False, "19999.99", "direct", False),
            ("direct", 100000, False, "20000", "direct", False),
            ("direct", 100000.01, False, "20000", "direct", True),
            ("direct", 199999.99, True, "20000", "direct", True),
            ("direct", 200000, True, "40000", "major", False),
            ("cooperation", 200000, True, "40000", "major", False),
            ("direct", 500000, True, "100000", "major", False),
            ("direct", 500000.01, True, "100000", "major", True),
        ]
        for policy in ("mine", "listed_company"):
            for evidence, loss, major, amount, tier, capped in cases:
                with self.subTest(policy=policy, evidence=evidence, loss=loss):
                    reward = self._reward(
                        policy, evidence=evidence, recovered_loss=loss, major=major
                    )
                    self.assertEqual(reward.amount, float(amount))
                    self.assertEqual(reward.tier, tier)
                    self.assertEqual(reward.cap_applied, capped)

    def test_s000_r029_r079_exact_money_through_the_models(self):
        """Monetary floats reach the rules as exact Decimals: 199,999.99 at
        20 % is 39,999.998 (not 39,999.99799…), capped at 20,000."""
        reward = self._reward(
            "listed_company", evidence="direct", major=True, recovered_loss=199999.99
        )
        self.assertEqual(reward.raw_text, "39999.998")
        self.assertEqual(reward.cap_amount, 20000)
        self.assertIn("major_below_threshold", reward.result_data)

    def test_s000_r030_r079_floor_of_100(self):
        cases = [
            ("cooperation", {"recovered_loss": 999.99}, 100, True),
            ("cooperation", {"recovered_loss": 1000}, 100, False),
            ("cooperation", {"recovered_loss": 1000.05}, 100.01, False),
            ("cooperation", {"fine": 333.33}, 100, True),
            ("cooperation", {"fine": 333.34}, 100, False),
            ("direct", {"recovered_loss": 499.99}, 100, True),
            ("direct", {"fine": 200.01}, 100.01, False),
        ]
        for policy in ("mine", "listed_company"):
            floor_rule = "S000-R030" if policy == "mine" else "S000-R079"
            for evidence, base, amount, floored in cases:
                with self.subTest(policy=policy, base=base):
                    reward = self._reward(policy, evidence=evidence, **base)
                    self.assertEqual(reward.amount, amount)
                    self.assertEqual(reward.floor_applied, floored)
                    if floored:
                        self.assertIn(floor_rule, reward.rule_refs)
                        self.assertIn("raised to", reward.explanation)

    # ------------------------------------------------------------------
    # Exclusions (S000-R024, S000-R031, S000-R078, S000-R080, S002-R068)
    # ------------------------------------------------------------------
    def test_s000_r024_r031_r078_r080_exclusions_of_the_percentage_presets(self):
        flags = {
            "own_duties": "flag_own_duties",
            "commissioned": "flag_commissioned",
            "audit_staff": "flag_audit_staff",
            "already_rewarded": "flag_already_rewarded",
        }
        for policy in ("mine", "listed_company"):
            for flag, field in flags.items():
                with self.subTest(policy=policy, flag=flag):
                    reward = self._reward(
                        policy,
                        evidence="direct",
                        recovered_loss=100000,
                        **{field: True},
                    )
                    self.assertFalse(reward.eligible)
                    self.assertEqual(reward.amount, 0)
                    self.assertFalse(reward.floor_applied)
                    self.assertEqual(reward.excluded_by, flag)
                    with self.assertRaisesRegex(UserError, "not due"):
                        reward.action_propose()
                    self.assertEqual(reward.state, "draft")
            with self.subTest(policy=policy, flag="anonymous"):
                anonymous = self._reward(
                    policy,
                    ticket=self._report(anonymous=True),
                    evidence="direct",
                    recovered_loss=100000,
                )
                self.assertTrue(anonymous.flag_anonymous)
                self.assertEqual(anonymous.excluded_by, "anonymous")
                rule = "S000-R024" if policy == "mine" else "S000-R078"
                self.assertIn(rule, anonymous.rule_refs)
                self.assertIn("Anonymous report", anonymous.explanation)

    def test_s002_r068_utility_exclusions_and_anonymous_reports(self):
        for field in (
            "flag_already_discovered",
            "flag_under_investigation",
            "flag_measures_taken",
        ):
            with self.subTest(field=field):
                reward = self._reward("utility", incident_value=80000, **{field: True})
                self.assertFalse(reward.eligible)
                self.assertIn("S002-R068", reward.rule_refs)
        # The utility does not exclude anonymous reports (S002-R053).
        anonymous = self._reward(
            "utility", ticket=self._report(anonymous=True), incident_value=80000
        )
        self.assertTrue(anonymous.eligible)
        self.assertEqual(anonymous.tier, "from_50000")

    def test_s000_r023_r077_unverified_report_is_not_rewarded(self):
        reward = self._reward(
            "mine", evidence="direct", recovered_loss=50000, verified=False
        )
        self.assertFalse(reward.eligible)
        self.assertEqual(reward.excluded_by, "not_verified")
        self.assertIn("not verified", reward.explanation)

    def test_s000_r031_r080_one_reward_per_case(self):
        ticket = self._report()
        self._reward("mine", ticket=ticket, evidence="direct", recovered_loss=1000)
        with self.assertRaisesRegex(ValidationError, "one reward per case"):
            self._reward("mine", ticket=ticket, evidence="direct", recovered_loss=1000)

    # ------------------------------------------------------------------
    # The utility's bands (S002-R066, S002-R067)
    # ------------------------------------------------------------------
    def test_s002_r067_bands_and_the_edge(self):
        cases = [
            (0, "below_50000", 100, 1000),
            (49999.99, "below_50000", 100, 1000),
            (50000, "from_50000", 500, 5000),  # "达5万元以上": the higher band
            (50000.01, "from_50000", 500, 5000),
        ]
        for value, band, low, high in cases:
            with self.subTest(value=value):
                reward = self._reward("utility", incident_value=value)
                self.assertTrue(reward.eligible)
                self.assertFalse(reward.has_amount)  # the approver fixes it
                self.assertEqual(reward.tier, band)
                self.assertEqual(
                    (reward.amount_minimum, reward.amount_maximum), (low, high)
                )
                self.assertFalse(reward.proposal_deadline)  # none in seed 002

    def test_s002_r066_r067_approver_fixes_the_amount_within_the_band(self):
        reward = self._reward("utility", incident_value=49999.99)
        reward.action_propose()
        approver = self._as(reward, self.approver)
        with self.assertRaisesRegex(UserError, "Fix the amount"):
            approver.action_approve()
        for outside in (99.99, 1000.01, 5000):
            with (
                self.subTest(amount=outside),
                self.assertRaisesRegex(ValidationError, "outside the band"),
            ):
                approver.write({"fixed_amount": outside})
        with self.assertRaisesRegex(UserError, "approver role while it is proposed"):
            reward.write({"fixed_amount": 500})  # not the proposer's to fix
        approver.write({"fixed_amount": 1000})  # the band's edge, inclusive
        self.assertEqual((reward.amount, reward.has_amount), (1000, True))
        approver.action_approve()
        self.assertEqual(reward.state, "approved")
        self.assertIn("fixed by the approver", reward.explanation)
        low = self._reward("utility", incident_value=80000)
        low.action_propose()
        self._as(low, self.approver).write({"fixed_amount": 500})
        self._as(low, self.approver).action_approve()
        self.assertEqual(low.amount, 500)

    def test_s002_r067_one_reward_per_verified_incident(self):
        ticket = self._report()
        first = self._reward("utility", ticket=ticket, incident_value=1000)
        second = self._reward("utility", ticket=ticket, incident_value=90000)
        self.assertEqual((first.incident_number, second.incident_number), (1, 2))
        self.assertEqual(first.name, f"{ticket.wb_pseudonym}/1")
        self.assertEqual(second.tier, "from_50000")
        self.assertIn("per verified incident", first.explanation)
        self.assertEqual(ticket.wb_reward_count, 2)

    # ------------------------------------------------------------------
    # The readings of the ambiguous text, as company settings
    # ------------------------------------------------------------------
    def test_readings_default_to_the_presets(self):
        for code in ("mine", "listed_company", "utility"):
            policy = presets.get("reward_policy", code)
            for name in READINGS:
                self.assertEqual(
                    self.city_a[READING_FIELDS[name]], getattr(policy, name), name
                )
        self.assertTrue(self.env["res.company"]._whistleblower_check_reward_policies())

    def test_s000_r026_r079_basis_when_both_reading(self):
        facts = {"evidence": "direct", "recovered_loss": 10000, "fine": 10000}
        for reading, basis, amount in (
            ("loss", "loss", 2000),
            ("fine", "fine", 5000),
            ("higher", "fine", 5000),
        ):
            with self.subTest(reading=reading):
                self._set_reading("basis_when_both", reading)
                reward = self._reward("mine", **facts)
                self.assertEqual((reward.basis, reward.amount), (basis, amount))
                self.assertEqual(reward.readings_used, f"basis_when_both={reading}")
                self.assertIn("Loss or fine, when both exist", reward.explanation)
        # The approver's explicit choice overrides the reading.
        self._set_reading("basis_when_both", "loss")
        chosen = self._reward("mine", basis_choice="fine", **facts)
        self.assertEqual((chosen.basis, chosen.amount), ("fine", 5000))
        self.assertIn("chosen by the approver", chosen.explanation)

    def test_s000_r029_r079_major_reading(self):
        facts = {"evidence": "cooperation", "recovered_loss": 200000}
        self.assertEqual(self._reward("mine", **facts).tier, "cooperation")
        self._set_reading("major_reading", "threshold")
        reward = self._reward("mine", **facts)
        self.assertEqual((reward.tier, reward.amount), ("major", 40000))
        self.assertEqual(reward.readings_used, "major_reading=threshold")

    def test_s000_r029_r079_major_needs_direct_evidence_reading(self):
        facts = {"evidence": "cooperation", "recovered_loss": 300000, "major": True}
        self.assertEqual(self._reward("listed_company", **facts).tier, "major")
        self._set_reading("major_needs_direct_evidence", True)
        reward = self._reward("listed_company", **facts)
        self.assertEqual((reward.tier, reward.amount), ("cooperation", 10000))
        direct = self._reward("listed_company", **{**facts, "evidence": "direct"})
        self.assertEqual((direct.tier, direct.amount), ("major", 60000))

    def test_s000_r077_fine_only_rewarded_reading(self):
        reward = self._reward("mine", evidence="cooperation", fine=1000)
        self.assertEqual((reward.eligible, reward.amount), (True, 300))
        self._set_reading("fine_only_rewarded", False)
        strict = self._reward("mine", evidence="cooperation", fine=1000)
        self.assertFalse(strict.eligible)
        self.assertEqual(strict.excluded_by, "no_recovered_loss")
        self.assertIn("Reward fine-only cases: no", strict.explanation)

    def test_s000_r030_r077_floor_on_zero_base_reading(self):
        reward = self._reward("mine", evidence="direct")
        self.assertEqual(reward.excluded_by, "zero_base")
        self._set_reading("floor_on_zero_base", True)
        paid = self._reward("mine", evidence="direct")
        self.assertTrue(paid.eligible and paid.floor_applied)
        self.assertEqual(paid.amount, 100)

    def test_s002_r067_edge_reading(self):
        self._set_reading("edge_reading", "lower")
        reward = self._reward("utility", incident_value=50000)
        self.assertEqual(reward.tier, "below_50000")
        self.assertEqual(reward.readings_used, "edge_reading=lower")

    def test_draft_is_recomputed_with_the_company_readings(self):
        reward = self._reward(
            "mine", evidence="direct", recovered_loss=10000, fine=10000
        )
        self.assertEqual(reward.amount, 2000)
        self._set_reading("basis_when_both", "fine")
        reward.action_compute()
        self.assertEqual(reward.amount, 5000)
        # Frozen at the proposal: a later change of the setting is ignored.
        reward.action_propose(now=utc(2026, 10, 8, 2))
        self._set_reading("basis_when_both", "loss")
        self._as(reward, self.approver).action_approve()
        self.assertEqual(reward.amount, 5000)

    # ------------------------------------------------------------------
    # Proposal deadline (S000-R032, S000-R081)
    # ------------------------------------------------------------------
    def test_s000_r032_r081_proposal_deadline_over_national_day(self):
        """Closed Wed 2026-09-30 before National Day: 10-08, 09, 10 (a
        Saturday worked), 12, 13, 14, 15 → end of Thu 2026-10-15 in
        Shanghai."""
        for policy in ("mine", "listed_company"):
            reward = self._reward(policy, evidence="direct", recovered_loss=5000)
            self.assertEqual(reward.proposal_deadline, utc(2026, 10, 15, 15, 59, 59))
        on_time = self._reward("mine", evidence="direct", recovered_loss=5000)
        on_time.action_propose(now=utc(2026, 10, 15, 15, 59, 59))
        self.assertFalse(on_time.proposal_late)
        late = self._reward("mine", evidence="direct", recovered_loss=5000)
        late.action_propose(now=utc(2026, 10, 15, 16, 0, 0))
        self.assertTrue(late.proposal_late)
        self.assertIn("was due by 2026-10-15 23:59", self._messages(late))

    def test_s000_r032_the_proposal_needs_the_closing(self):
        reward = self._reward(
            "mine", evidence="direct", recovered_loss=5000, case_closed_at=False
        )
        self.assertFalse(reward.proposal_deadline)
        with self.assertRaisesRegex(UserError, "when the case was closed"):
            reward.action_propose()

    # ------------------------------------------------------------------
    # Approval (S000-R032, S000-R081, S002-R066)
    # ------------------------------------------------------------------
    def test_s000_r032_approval_by_the_role_holder_only(self):
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        # investigator_2 does not hold the office role, which is assigned.
        with self.assertRaisesRegex(UserError, "Office"):
            self._as(reward, self.investigator_2).action_propose()
        with self.assertRaisesRegex(UserError, "Only a whistleblowing investigator"):
            self._as(reward, self.staff_a).action_propose()
        reward.action_propose()
        self.assertEqual(reward.state, "proposed")
        self.assertEqual(
            reward.proposer_role_id,
            self.env.ref("whistleblower_reward.approval_role_office"),
        )
        self.assertEqual(
            reward.approver_role_id,
            self.env.ref("whistleblower_reward.approval_role_mine_leadership"),
        )
        self.assertEqual(reward.approver_user_ids, self.approver)
        # The approver is frozen at the proposal.
        self._assign_reward_role("mine_leadership", self.city_a, self.approver_2)
        with self.assertRaises(AccessError):  # not even shown to them
            self._as(reward, self.approver_2).action_approve()
        with self.assertRaisesRegex(UserError, "your own proposal"):
            reward.action_approve()
        with self.assertRaisesRegex(UserError, "Only a holder of the role"):
            self._as(reward, self.staff_a).action_approve()
        self.assertFalse(self._as(reward, self.staff_a).can_decide)
        self.assertTrue(self._as(reward, self.approver).can_decide)
        self._as(reward, self.approver).action_approve()
        self.assertEqual(reward.state, "approved")
        self.assertEqual(reward.decided_by_id, self.approver)
        self.assertIn("approved", self._messages(reward).lower())

    def test_s000_r032_the_proposer_never_approves(self):
        """A proposer who also holds the approver role is left out of the
        approvers; alone, the proposal is refused."""
        self._assign_reward_role("mine_leadership", self.city_a, self.investigator)
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        with self.assertRaisesRegex(UserError, "No one other than you"):
            reward.action_propose()

    def test_s000_r081_listed_company_roles(self):
        reward = self._reward("listed_company", evidence="direct", recovered_loss=100)
        reward.action_propose()
        self.assertEqual(reward.approver_role_id.code, "board_leadership")
        self.assertEqual(reward.proposer_role_id.code, "audit_department")

    def test_refusal_needs_a_reason(self):
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        reward.action_propose()
        approver = self._as(reward, self.approver)
        with self.assertRaisesRegex(UserError, "reason"):
            approver.action_refuse()
        approver.action_refuse("The loss was recovered by the auditors.")
        self.assertEqual(reward.state, "refused")
        # A refused reward does not count as the case's reward.
        self._reward(
            "mine", ticket=reward.ticket_id, evidence="direct", recovered_loss=100
        )

    # ------------------------------------------------------------------
    # Claim and lapse (S000-R034, S000-R083)
    # ------------------------------------------------------------------
    def test_s000_r034_r083_claim_deadline_and_the_cron(self):
        """Notified 2026-03-15 10:00 in Shanghai: claimable to the end of
        2026-04-15 (15:59:59 UTC); the scheduled job forfeits after it."""
        notified_at = utc(2026, 3, 15, 2)
        deadline = utc(2026, 4, 15, 15, 59, 59)
        in_time, lapsing = (
            self._approved(evidence="direct", recovered_loss=80000),
            self._approved(evidence="direct", recovered_loss=1000),
        )
        (in_time | lapsing).action_notify(now=notified_at)
        self.assertEqual(in_time.claim_deadline, deadline)
        self.assertEqual(in_time.state, "notified")
        Reward = self.env["whistleblower.reward"]
        # The job at the deadline itself forfeits nothing.
        self.assertFalse(Reward._cron_forfeit_rewards(now=deadline))
        in_time.action_claim(now=deadline)  # the last instant of the last day
        self.assertEqual(in_time.state, "claimed")
        forfeited = Reward._cron_forfeit_rewards(now=deadline + timedelta(seconds=1))
        self.assertEqual(forfeited, lapsing)
        self.assertEqual(lapsing.state, "forfeited")
        self.assertEqual(in_time.state, "claimed")
        self.assertIn("forfeited", self._messages(lapsing))
        self.assertIn("S000-R034", self._messages(lapsing))
        # Exactly once.
        self.assertFalse(Reward._cron_forfeit_rewards(now=utc(2026, 5, 1)))

    def test_s000_r034_a_late_claim_is_refused(self):
        reward = self._approved(evidence="direct", recovered_loss=80000)
        reward.action_notify(now=utc(2026, 3, 15, 2))
        with self.assertRaisesRegex(UserError, "forfeited"):
            reward.action_claim(now=utc(2026, 4, 15, 16, 0, 0))
        self.assertEqual(reward.state, "notified")

    def test_s000_r034_claim_month_end_reading(self):
        """A notice on 2026-01-31: the month ends on 02-28 (clamp, preset)
        or on 03-03 (overflow)."""
        clamp = self._approved(evidence="direct", recovered_loss=80000)
        clamp.action_notify(now=utc(2026, 1, 31, 2))
        self.assertEqual(clamp.claim_deadline, utc(2026, 2, 28, 15, 59, 59))
        self._set_reading("claim_month_end", "overflow")
        overflow = self._approved(evidence="direct", recovered_loss=80000)
        overflow.action_notify(now=utc(2026, 1, 31, 2))
        self.assertEqual(overflow.claim_deadline, utc(2026, 3, 3, 15, 59, 59))

    def test_s002_utility_rewards_have_no_claim_deadline(self):
        reward = self._reward("utility", incident_value=1000, fixed_amount=800)
        reward.action_propose()
        self._as(reward, self.approver).action_approve()
        reward.action_notify(now=utc(2026, 1, 1))
        self.assertFalse(reward.claim_deadline)
        self.env["whistleblower.reward"]._cron_forfeit_rewards(now=utc(2030, 1, 1))
        self.assertEqual(reward.state, "notified")
        reward.action_claim(now=utc(2027, 1, 1))
        self.assertEqual(reward.state, "claimed")

    # ------------------------------------------------------------------
    # Payment and shares (S000-R031, S000-R033, S000-R080, S000-R082)
    # ------------------------------------------------------------------
    def test_s000_r033_r082_payment_recorded(self):
        reward = self._approved(evidence="direct", recovered_loss=80000)
        reward.action_notify(now=utc(2026, 3, 15, 2))
        with self.assertRaisesRegex(UserError, "once the reporter has claimed"):
            reward.write({"payment_method": "transfer"})
        reward.action_claim(now=utc(2026, 3, 20, 2))
        with self.assertRaisesRegex(UserError, "payment method and date"):
            reward.action_pay()
        reward.write({"payment_method": "expense", "payment_date": "2026-03-25"})
        reward.action_pay()
        self.assertEqual(reward.state, "paid")
        self.assertEqual(reward.paid_by_id, self.investigator)
        self.assertIn(
            f"paid to The reporter of {reward.ticket_id.wb_pseudonym}",
            self._messages(reward),
        )

    def test_s000_r031_r080_joint_report_split_by_hand(self):
        """TC-16: three co-signers, 300,000 recovered: 20,000 for the case,
        split by hand within it."""
        reward = self._approved(
            evidence="direct", recovered_loss=300000, reporters=3, joint=True
        )
        self.assertEqual(reward.amount, 20000)
        self.assertIn("Joint report", reward.explanation)
        Share = self._as(self.env["whistleblower.reward.share"], self.investigator)
        for amount, message in ((20000.01, "at most"), (-1, "positive")):
            with (
                self.assertRaisesRegex(ValidationError, message),
                self.env.cr.savepoint(),
            ):
                Share.create({"reward_id": reward.id, "label": "A", "amount": amount})
            self.env.invalidate_all()  # the refused share was rolled back
        Share.create({"reward_id": reward.id, "label": "Signer 1", "amount": 8000})
        Share.create({"reward_id": reward.id, "label": "Signer 2", "amount": 6000})
        reward.action_notify(now=utc(2026, 3, 15, 2))
        reward.action_claim(now=utc(2026, 3, 16, 2))
        reward.write({"payment_method": "transfer", "payment_date": "2026-03-20"})
        with self.assertRaisesRegex(UserError, "not allocated"):
            reward.action_pay()
        Share.create({"reward_id": reward.id, "label": "Signer 3", "amount": 6000})
        reward.action_pay()
        self.assertEqual(reward.state, "paid")
        with self.assertRaisesRegex(UserError, "can no longer change"):
            reward.share_ids[0].with_user(self.investigator).amount = 1

    # ------------------------------------------------------------------
    # Integrity and access
    # ------------------------------------------------------------------
    def test_state_and_result_are_not_written_directly(self):
        """An RPC-style write of the state or the result is refused."""
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        for vals in (
            {"state": "approved"},
            {"amount": 100000},
            {"approver_user_ids": [Command.set(self.investigator.ids)]},
            {"claim_deadline": fields.Datetime.now()},
        ):
            with self.subTest(vals=list(vals)):
                with self.assertRaisesRegex(UserError, "not written directly"):
                    reward.write(vals)
                with self.assertRaisesRegex(UserError, "not written directly"):
                    self._as(reward, self.approver).write(vals)
        with self.assertRaisesRegex(UserError, "not written directly"):
            self._reward("mine", evidence="direct", state="paid")
        self.assertEqual((reward.state, reward.amount), ("draft", 16000))

    def test_facts_are_frozen_after_the_proposal(self):
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        reward.action_propose()
        with self.assertRaisesRegex(UserError, "while the reward is a draft"):
            reward.write({"recovered_loss": 90000})
        with self.assertRaisesRegex(UserError, "while the reward is a draft"):
            self._as(reward, self.approver).write({"recovered_loss": 90000})

    def test_bad_input_is_refused_clearly(self):
        for field in ("recovered_loss", "fine"):
            with (
                self.subTest(field=field),
                self.assertRaisesRegex(ValidationError, "cannot be negative"),
            ):
                self._reward("mine", evidence="direct", **{field: -0.01})
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._reward("utility", incident_value=-5)
        with self.assertRaisesRegex(ValidationError, "at least one reporter"):
            self._reward("mine", evidence="direct", reporters=0)
        with self.assertRaisesRegex(ValidationError, "not a report"):
            self._reward(
                "mine", ticket=self._ticket(), evidence="direct", recovered_loss=1
            )
        missing = self._reward("mine", recovered_loss=1000)
        self.assertFalse(missing.computed)
        with self.assertRaisesRegex(ValidationError, "evidence level"):
            missing.action_propose()
        with self.assertRaisesRegex(ValidationError, "basis chosen has no amount"):
            self._reward(
                "mine", evidence="direct", recovered_loss=1, basis_choice="fine"
            )

    def test_access_branch_staff_read_only_their_branch(self):
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        self.assertEqual(self._as(reward, self.staff_a).amount, 16000)
        self.assertEqual(self._as(reward, self.manager_p).amount, 16000)
        with self.assertRaises(AccessError):
            self._as(reward, self.staff_b).read(["amount"])
        self.assertFalse(
            self._as(self.env["whistleblower.reward"], self.staff_b).search(
                [("id", "=", reward.id)]
            )
        )
        # The approver sees nothing until asked.
        with self.assertRaises(AccessError):
            self._as(reward, self.approver).read(["amount"])
        with self.assertRaises(AccessError):
            self._as(self.env["whistleblower.reward"], self.staff_a).create(
                {"ticket_id": self._report().id, "evidence": "direct"}
            )
        with self.assertRaises(UserError):
            self._as(reward, self.staff_a).write({"recovered_loss": 1})

    def test_nobody_unlinks_a_non_draft_reward(self):
        draft = self._reward("mine", evidence="direct", recovered_loss=80000)
        with self.assertRaises(AccessError):
            self._as(draft, self.staff_a).unlink()
        proposed = self._reward("mine", evidence="direct", recovered_loss=80000)
        proposed.action_propose()
        with self.assertRaisesRegex(UserError, "only a draft reward is deleted"):
            proposed.unlink()
        with self.assertRaisesRegex(UserError, "only a draft reward is deleted"):
            self._as(proposed, self.head_admin).sudo().unlink()
        draft.unlink()

    def test_a_reward_never_names_the_reporter(self):
        reward = self._approved(evidence="direct", recovered_loss=80000)
        reward.action_notify(now=utc(2026, 3, 15, 2))
        self.assertEqual(
            reward.payee, f"The reporter of {reward.ticket_id.wb_pseudonym}"
        )
        data = reward.with_user(self.staff_a).read()[0]
        text = str(data) + self._messages(reward)
        for secret in ("Whistle Wang", "13912345678", "wang.xiaoming"):
            self.assertNotIn(secret, text)
        # No field of its own links a partner or the sealed identity (the
        # chatter's followers are the staff working on it).
        own = {
            f.comodel_name
            for name, f in reward._fields.items()
            if f.type in ("many2one", "many2many", "one2many")
            and not name.startswith(("message_", "activity_", "website_message"))
        }
        self.assertNotIn("res.partner", own)
        self.assertNotIn("whistleblower.identity", own)

    def test_every_state_change_is_in_the_chatter(self):
        """Each action is its own request: its state change is tracked."""
        reward = self._reward("mine", evidence="direct", recovered_loss=80000)
        self._end_request()
        reward.action_propose(now=utc(2026, 10, 8, 2))
        self._end_request()
        self._as(reward, self.approver).action_approve()
        self._end_request()
        reward.action_notify(now=utc(2026, 3, 15, 2))
        self._end_request()
        reward.action_claim(now=utc(2026, 3, 16, 2))
        self._end_request()
        tracked = reward.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")),
            sorted(["Proposed", "Approved", "Reporter notified", "Claimed"]),
        )

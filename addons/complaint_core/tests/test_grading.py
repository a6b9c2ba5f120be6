# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from complaint_rules import grading as rules_grading

from .common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestGrading(ComplaintCommon):
    def _flags(self, *codes):
        return [
            Command.set(
                [self.env.ref(f"complaint_core.fact_flag_{code}").id for code in codes]
            )
        ]

    def _grade(self, scheme, code):
        return self.env.ref(f"complaint_core.grade_{scheme}_{code}")

    def test_s003_r018_r019_r020_property_management(self):
        """Property management grades (seed 003 D2): company fault with a
        major economic loss is 重大; an unkept promise 重要; else 轻微."""
        self.city_a.complaint_grade_scheme = "property_management"
        major = self._ticket(
            fact_flag_ids=self._flags("company_fault"), harm="major_economic_loss"
        )
        self.assertEqual(major.grade_id, self._grade("property_management", "major"))
        self.assertEqual(major.grade_rule_ref, "S003-R018")
        important = self._ticket(fact_flag_ids=self._flags("commitment_breached"))
        self.assertEqual(
            important.grade_id, self._grade("property_management", "important")
        )
        self.assertEqual(important.grade_rule_ref, "S003-R019")
        minor = self._ticket(harm="inconvenience")
        self.assertEqual(minor.grade_id, self._grade("property_management", "minor"))
        self.assertEqual(minor.grade_rule_ref, "S003-R020")
        # harm one level below the threshold is not major
        below = self._ticket(
            fact_flag_ids=self._flags("company_fault"), harm="economic_loss"
        )
        self.assertNotEqual(below.grade_id, self._grade("property_management", "major"))

    def test_s003_r018_repeat_complaints_upgrade_to_major(self):
        """An unkept promise raised 多次 (the third time) becomes 重大."""
        self.city_a.complaint_grade_scheme = "property_management"
        flags = self._flags("commitment_breached")
        first = self._ticket(
            complainant_phone="13700000000", partner_id=False, fact_flag_ids=flags
        )
        second = self._ticket(
            complainant_phone="13700000000", partner_id=False, fact_flag_ids=flags
        )
        third = self._ticket(
            complainant_phone="13700000000", partner_id=False, fact_flag_ids=flags
        )
        self.assertEqual(
            (first.repeat_count, second.repeat_count, third.repeat_count), (0, 1, 2)
        )
        # The link goes to the latest earlier ticket.
        self.assertEqual(third.possible_duplicate_id, second)
        self.assertEqual(second.possible_duplicate_id, first)
        self.assertEqual(second.grade_id.code, "important")
        self.assertEqual(third.grade_id.code, "major")
        self.assertEqual(third.grade_rule_ref, "S003-R018")

    def test_s000_r155_regulator_and_upgrade_make_an_appeal(self):
        """Telecom: a complaint forwarded by a regulator, or taken up a level
        after a first complaint, is an appeal (申诉)."""
        (self.city_a | self.province).complaint_grade_scheme = "telecom_upgrade"
        plain = self._ticket()
        self.assertEqual(plain.grade_id, self._grade("telecom_upgrade", "general"))
        regulator = self._ticket(
            channel_id=self.env.ref("complaint_core.channel_regulator").id
        )
        self.assertEqual(regulator.grade_id, self._grade("telecom_upgrade", "appeal"))
        self.assertEqual(regulator.grade_rule_ref, "S000-R155")
        # An internal (or automatic SLA) escalation is not the customer's
        # appeal: the grade stays (issue 10, item 5).
        plain.complaint_escalate("Beyond the city's authority.")
        self.assertEqual(plain.escalation_count, 1)
        self.assertEqual(plain.grade_id, self._grade("telecom_upgrade", "general"))
        # The customer, dissatisfied with the first result, appeals directly.
        self._as(plain, self.manager_p).appeal_count = 1
        self.assertEqual(plain.grade_id, self._grade("telecom_upgrade", "appeal"))
        self.assertEqual(plain.grade_rule_ref, "S000-R155")

    def test_s003_r034_unresolved_for_a_month_becomes_major(self):
        """Property: a valid complaint unresolved a month after receipt is a
        重大投诉; the daily job flags it once, at the month, not before."""
        self.city_a.complaint_grade_scheme = "property_management"
        now = fields.Datetime.now()
        old = self._ticket(date_received=now - timedelta(days=40))
        young = self._ticket(date_received=now - timedelta(days=29))
        if rules_grading.unresolved_for_a_month(young.date_received, now):
            young = self._ticket(date_received=now - timedelta(days=27))
        closed_step_ticket = self._ticket(date_received=now - timedelta(days=60))
        closed_step_ticket.complaint_reject(self.reason_remit)
        major = self._grade("property_management", "major")
        self.assertNotEqual(old.grade_id, major)
        Ticket = self.env["helpdesk.ticket"]
        self.assertEqual(Ticket._cron_flag_unresolved_month(), 1)
        self.assertEqual(old.grade_id, major)
        self.assertEqual(old.grade_rule_ref, "S003-R034")
        self.assertNotEqual(young.grade_id, major)
        self.assertFalse(closed_step_ticket.fact_flag_ids)
        # Once only.
        self.assertEqual(Ticket._cron_flag_unresolved_month(), 0)

    def test_manual_grade_is_kept(self):
        self.city_a.complaint_grade_scheme = "property_management"
        ticket = self._ticket()
        manual = self._grade("property_management", "important")
        ticket.grade_id = manual
        self.assertTrue(ticket.grade_manual)
        ticket.write({"harm": "serious_injury"})
        self.assertEqual(ticket.grade_id, manual)

    def test_head_office_criterion_applies_at_once_with_inclusive_threshold(self):
        """A criterion added by head office grades the next ticket (no stale
        cached scheme); "at least 5 complainants" holds at exactly 5."""
        self.city_a.complaint_grade_scheme = "property_management"
        major = self._grade("property_management", "major")
        self.assertNotEqual(self._ticket(complainant_count=5).grade_id, major)
        self.env["complaint.grade.criterion"].with_user(self.head_admin).create(
            {
                "grade_id": major.id,
                "name": "Group complaint",
                "rule_ref": "S001-R040",
                "min_complainants": 5,
            }
        )
        self.assertEqual(self._ticket(complainant_count=5).grade_id, major)
        self.assertEqual(self._ticket(complainant_count=6).grade_id, major)
        self.assertNotEqual(self._ticket(complainant_count=4).grade_id, major)

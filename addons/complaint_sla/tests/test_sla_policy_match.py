# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SlaCommon, utc


@tagged("post_install", "-at_install")
class TestSlaPolicyMatch(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply = {"end_step": "replied"}
        cls.general = cls._policy(
            "General", [cls._line(amount=24, **reply)], complaint_kind="complaint"
        )
        cls.city = cls._policy(
            "City branches",
            [cls._line(amount=48, **reply)],
            complaint_kind="complaint",
            org_level="city",
        )
        cls.city_a_policy = cls._policy(
            "City A",
            [cls._line(amount=12, **reply)],
            complaint_kind="complaint",
            org_level="city",
            company_id=cls.city_a.id,
            sequence=99,
        )

    def _reply_line(self, ticket):
        return self._lines(ticket, step="received", end_step="replied")

    def test_most_specific_policy_wins(self):
        """Specificity = number of criteria set; a higher sequence does not
        matter against more criteria."""
        start = utc(2024, 5, 10, 9, 30)
        in_a = self._ticket(date_received=start)
        in_b = self._ticket(user=self.staff_b, date_received=start)
        province = self._ticket(
            user=self.manager_p, company=self.province, date_received=start
        )
        self.assertEqual(self.city_a_policy.specificity, 3)
        line = self._reply_line(in_a)
        self.assertEqual((line.policy_id, line.amount), (self.city_a_policy, 12))
        self.assertEqual(line.deadline, utc(2024, 5, 10, 21, 30))
        line = self._reply_line(in_b)
        self.assertEqual((line.policy_id, line.amount), (self.city, 48))
        self.assertEqual(line.deadline, utc(2024, 5, 12, 9, 30))
        line = self._reply_line(province)
        self.assertEqual((line.policy_id, line.amount), (self.general, 24))
        self.assertEqual(line.deadline, utc(2024, 5, 11, 9, 30))

    def test_tie_goes_to_the_lower_sequence(self):
        hotline = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        hotline.complaint_channel_code = "hotline"
        self._policy(
            "Hotline",
            [self._line(amount=6, end_step="replied")],
            channel_code="hotline",
            org_level="city",
            company_id=self.city_b.id,
            sequence=20,
        )
        winner = self._policy(
            "Complaints in cities, first",
            [self._line(amount=5, end_step="replied")],
            complaint_kind="complaint",
            org_level="city",
            company_id=self.city_b.id,
            sequence=1,
        )
        ticket = self._ticket(
            user=self.staff_b, channel_id=hotline.id, date_received=utc(2024, 5, 10, 9)
        )
        self.assertEqual(self._reply_line(ticket).policy_id, winner)
        winner.sequence = 30
        other = self._ticket(
            user=self.staff_b, channel_id=hotline.id, date_received=utc(2024, 5, 10, 9)
        )
        # Same specificity (3): the hotline policy now has the lower sequence.
        self.assertEqual(self._reply_line(other).amount, 6)

    def test_general_policy_fills_slots_the_specific_one_leaves(self):
        self.general.write(
            {"line_ids": [(0, 0, self._line(amount=4))]}  # received, leaves step
        )
        ticket = self._ticket(date_received=utc(2024, 5, 10, 10, 40))
        lines = ticket.sla_deadline_ids
        self.assertEqual(
            sorted((line.end_step or "", line.amount) for line in lines),
            [("", 4.0), ("replied", 12.0)],
        )

    def test_scheme_filter(self):
        self.general.active = False
        self.city.active = False
        self.city_a_policy.scheme = "telecom_upgrade"
        self.assertEqual(self.city_a.complaint_grade_scheme, "property_management")
        ticket = self._ticket(date_received=utc(2024, 5, 10, 9, 30))
        self.assertFalse(ticket.sla_deadline_ids)
        self.assertEqual(ticket.sla_status, "none")

    def test_preset_telecom_and_replan_on_grade_change(self):
        """S000-R104/R105 presets: a general complaint gets 4 h to dispatch
        and 24 h to the reply; graded provincial, the reply limit becomes
        48 h from the same receipt."""
        (self.general | self.city | self.city_a_policy).active = False
        presets = (
            self.env["complaint.sla.policy"]
            .with_context(active_test=False)
            .search(
                [
                    ("scheme", "=", "telecom_upgrade"),
                    ("code", "!=", "telecom_escalated_mobile"),
                ]
            )
        )
        presets.active = True
        self.city_a.complaint_grade_scheme = "telecom_upgrade"
        ticket = self._ticket(date_received=utc(2024, 5, 10, 9, 30))
        self.assertEqual(ticket.grade_id.code, "general")
        self.assertEqual(
            sorted(
                (line.end_step or "", line.amount, line.deadline, line.rule_ref)
                for line in ticket.sla_deadline_ids
            ),
            [
                ("", 4.0, utc(2024, 5, 10, 13, 30), "S000-R105"),
                ("replied", 24.0, utc(2024, 5, 11, 9, 30), "S000-R104"),
            ],
        )
        provincial = self.env.ref("complaint_core.grade_telecom_upgrade_provincial")
        ticket.write({"grade_id": provincial.id})
        line = self._reply_line(ticket)
        self.assertEqual((line.amount, line.deadline), (48.0, utc(2024, 5, 12, 9, 30)))
        self.assertEqual(line.start, utc(2024, 5, 10, 9, 30))

    def test_bad_limit_is_refused(self):
        with self.assertRaises(ValidationError):
            self._policy("Bad", [self._line(amount=1.5, unit="working_days")])
        with self.assertRaises(ValidationError):
            self._policy("Bad", [self._line(step="replied", end_step="handling")])

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 10 item 5, the SLA rules measured against the seeds' own text."""

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SlaCommon, eod, utc


@tagged("post_install", "-at_install")
class TestSlaSeedRules(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_in_charge = cls.env.ref(
            "complaint_sla.approval_role_manager_in_charge"
        )
        cls.general_manager = cls.env.ref(
            "complaint_core.approval_role_general_manager"
        )
        # The manager in charge sits at the province, the general managers at
        # head office; the team leader of the city branch is manager_p.
        cls.mic = cls._user("sla_mic", "manager", cls.province, cls.city_a | cls.city_b)
        companies = cls.head_office | cls.province | cls.city_a | cls.city_b
        cls.gm_a = cls._user("sla_gm_a", "head_office", cls.head_office, companies)
        cls.gm_b = cls._user("sla_gm_b", "head_office", cls.head_office, companies)
        cls._hold(cls.manager_in_charge, cls.province, cls.mic)
        cls._hold(cls.general_manager, cls.head_office, cls.gm_a | cls.gm_b)

    @classmethod
    def _hold(cls, role, company, users):
        """``users`` (only) hold ``role`` in ``company``."""
        Assignment = cls.env["complaint.approval.assignment"]
        assignment = Assignment.search(
            [("role_id", "=", role.id), ("company_id", "=", company.id)]
        )
        if assignment:
            assignment.user_ids = [(6, 0, users.ids)]
        else:
            Assignment.create(
                {
                    "role_id": role.id,
                    "company_id": company.id,
                    "user_ids": [(6, 0, users.ids)],
                }
            )

    def _preset(self, *codes):
        policies = self.env["complaint.sla.policy"].with_context(active_test=False)
        policies = policies.search([("code", "in", codes)])
        self.assertEqual(len(policies), len(codes))
        policies.active = True
        return policies

    def test_s000_r174_feedback_owed_to_real_name_reporters_only(self):
        """A report accepted Mon 2024-09-23 10:00 (seed-000 TC-40): on-site
        verification due end of Thu 10-17 (15 working days, S000-R172) for
        every report; feedback due end of Thu 12-19 (60 working days,
        S000-R174) for a real-name report only."""
        self._preset("cultural_relics_reports", "cultural_relics_feedback")
        feedback = self.env.ref(
            "complaint_sla.complaint_sla_policy_cultural_relics_feedback"
        )
        self.assertEqual(feedback.anonymity, "real_name")
        self.assertEqual(feedback.specificity, 2)
        start = utc(2024, 9, 23, 10)
        named = self._ticket(complaint_kind="report", date_received=start)
        anonymous = self._ticket(
            complaint_kind="report", complainant_anonymous=True, date_received=start
        )
        self.assertEqual(
            [(line.end_step, line.deadline) for line in self._lines(named)],
            [("replied", eod(2024, 10, 17)), ("closed", eod(2024, 12, 19))],
        )
        self.assertEqual(self._lines(named, end_step="closed").policy_id, feedback)
        self.assertEqual(
            [(line.end_step, line.deadline) for line in self._lines(anonymous)],
            [("replied", eod(2024, 10, 17))],
        )
        # The reporter turns out anonymous: the feedback clock is cancelled;
        # giving the name later starts it from the receipt.
        named.complainant_anonymous = True
        self.assertEqual(self._lines(named, end_step="closed").state, "cancelled")
        anonymous.complainant_anonymous = False
        line = self._lines(anonymous, end_step="closed", state="open")
        self.assertEqual(line.deadline, eod(2024, 12, 19))

    def test_anonymous_only_policy(self):
        policy = self._policy(
            "Anonymous reports",
            [self._line(amount=5, unit="working_days", end_step="replied")],
            complaint_kind="report",
            anonymity="anonymous",
        )
        start = utc(2024, 9, 23, 10)
        anonymous = self._ticket(
            complaint_kind="report", complainant_anonymous=True, date_received=start
        )
        named = self._ticket(complaint_kind="report", date_received=start)
        self.assertEqual(anonymous.sla_deadline_ids.policy_id, policy)
        # 5 working days from Mon 2024-09-23: Sun 09-29 is a 调休 working day.
        self.assertEqual(anonymous.sla_deadline_ids.deadline, eod(2024, 9, 29))
        self.assertFalse(named.sla_deadline_ids)

    def _property_ticket(self, grade, **vals):
        self._preset("property_minor", "property_important")
        self.city_a.complaint_grade_scheme = "property_management"
        return self._ticket(
            team_id=self.team.id,
            grade_id=self.env.ref(
                f"complaint_core.grade_property_management_{grade}"
            ).id,
            grade_manual=True,
            date_received=utc(2024, 3, 4, 10),
            **vals,
        )

    def test_s003_r031_overrun_approved_by_the_manager_in_charge(self):
        """S003-R031: a minor complaint within 2 日 (Mon 2024-03-04 10:00 ->
        Wed 03-06 10:00); "超时需经主管经理批准": the team leader may not
        approve the overrun, the manager in charge (held at the province) does."""
        ticket = self._property_ticket("minor")
        line = self._lines(ticket, end_step="closed")
        self.assertEqual(line.deadline, utc(2024, 3, 6, 10))
        self.assertEqual(
            line.policy_line_id.extension_approver_role_id, self.manager_in_charge
        )
        extension = self._as(ticket, self.staff_a).sla_request_extension(
            line, 1, "calendar_days", "The contractor comes on Thursday."
        )
        self.assertEqual(
            (
                extension.approver_role_id,
                extension.approver_company_id,
                extension.approver_user_ids,
            ),
            (self.manager_in_charge, self.province, self.mic),
        )
        todo = ticket.activity_ids.filtered(
            lambda a: a.summary == "Approve or refuse a deadline extension"
        )
        self.assertEqual(todo.user_id, self.mic)
        leader = self._as(extension, self.manager_p)
        self.assertEqual(ticket.team_id.user_id, self.manager_p)
        self.assertFalse(leader.can_decide)
        with self.assertRaisesRegex(AccessError, "Manager in charge"):
            leader.action_approve()
        with self.assertRaisesRegex(AccessError, "Manager in charge"):
            leader.action_refuse()
        self.assertEqual((extension.state, line.deadline), ("requested", line.deadline))
        holder = self._as(extension, self.mic)
        self.assertTrue(holder.can_decide)
        holder.action_approve()
        self.assertEqual(
            (extension.state, extension.approver_id), ("approved", self.mic)
        )
        self.assertEqual(line.deadline, utc(2024, 3, 7, 10))

    def test_s003_r032_overrun_approved_by_the_general_manager_not_the_requester(
        self,
    ):
        """S003-R032: an important complaint within 3 日 (-> Thu 2024-03-07
        10:00); "超时需经公司总经理批准": a general manager who asks for the
        extension cannot decide on it, the other one does."""
        ticket = self._property_ticket("important")
        line = self._lines(ticket, end_step="closed")
        self.assertEqual(line.deadline, utc(2024, 3, 7, 10))
        extension = self._as(ticket, self.gm_a).sla_request_extension(
            line, 2, "calendar_days", "Waiting for the lift supplier."
        )
        self.assertEqual(extension.approver_role_id, self.general_manager)
        self.assertEqual(extension.approver_company_id, self.head_office)
        self.assertEqual(extension.approver_user_ids, self.gm_b)
        with self.assertRaisesRegex(AccessError, "another manager"):
            self._as(extension, self.gm_a).action_approve()
        with self.assertRaisesRegex(AccessError, "General manager"):
            self._as(extension, self.manager_p).action_approve()
        self._as(extension, self.gm_b).action_refuse()
        self.assertEqual(
            (extension.state, extension.approver_id), ("refused", self.gm_b)
        )
        self.assertEqual(line.deadline, utc(2024, 3, 7, 10))

    def test_extension_without_a_holder_of_the_role_is_refused(self):
        self.env["complaint.approval.assignment"].search(
            [("role_id", "=", self.manager_in_charge.id)]
        ).unlink()
        ticket = self._property_ticket("minor")
        with self.assertRaisesRegex(UserError, "Manager in charge"):
            self._as(ticket, self.staff_a).sla_request_extension(
                self._lines(ticket, end_step="closed"), 1, "calendar_days", "More time"
            )

    def test_extension_decision_fields_are_not_written_by_clients(self):
        """The approvers are frozen by the request: a client cannot choose them,
        name another requester or approve by writing the state."""
        ticket = self._property_ticket("minor")
        line = self._lines(ticket, end_step="closed")
        Extension = self._as(self.env["complaint.sla.extension"], self.staff_a)
        for forged in (
            {"approver_user_ids": [(6, 0, self.staff_a.ids)]},
            {"requested_by_id": self.manager_p.id},
            {"state": "approved"},
        ):
            with self.assertRaises(UserError):
                Extension.create(
                    {
                        "deadline_id": line.id,
                        "amount": 1,
                        "unit": "calendar_days",
                        "reason": "Forged",
                        **forged,
                    }
                )
        extension = Extension.create(
            {
                "deadline_id": line.id,
                "amount": 1,
                "unit": "calendar_days",
                "reason": "Contractor",
            }
        )
        self.assertEqual(extension.requested_by_id, self.staff_a)
        for forged in (
            {"state": "approved"},
            {"approver_user_ids": [(6, 0, self.manager_p.ids)]},
        ):
            with self.assertRaises(UserError):
                self._as(extension, self.manager_p).write(forged)
        self.assertEqual(extension.state, "requested")

    def _hospital_ticket(self, *received):
        self._preset("hospital_service_attitude", "hospital_same_day")
        self.city_a.complaint_grade_scheme = "hospital_service_attitude"
        return self._ticket(date_received=utc(*received))

    def test_s002_r016_dispatch_and_acceptance_the_same_working_day(self):
        """ "做到当日交办、当日受理": received Fri 2024-05-10 10:00 -> dispatch
        due 17:30 that day (warning 16:54), beside the 2-working-day reply
        (S002-R022, end of Mon 05-13); dispatched 17:00 -> accepted by 17:30."""
        ticket = self._hospital_ticket(2024, 5, 10, 10)
        dispatch = self._lines(ticket, step="received", end_step=False)
        self.assertEqual(dispatch.unit, "same_working_day")
        self.assertEqual(dispatch.rule_ref, "S002-R016")
        self.assertEqual(
            (dispatch.deadline, dispatch.warning_at),
            (utc(2024, 5, 10, 17, 30), utc(2024, 5, 10, 16, 54)),
        )
        reply = self._lines(ticket, end_step="replied")
        self.assertEqual(reply.deadline, eod(2024, 5, 13))
        with freeze_time(utc(2024, 5, 10, 17)):
            ticket._move_to_step("dispatched")
        self.assertEqual((dispatch.state, dispatch.outcome), ("done", "met"))
        accept = self._lines(ticket, step="dispatched")
        self.assertEqual(accept.deadline, utc(2024, 5, 10, 17, 30))
        # No extension of a same-day limit.
        with self.assertRaisesRegex(UserError, "allows 0 extension"):
            ticket.sla_request_extension(accept, 1, "same_working_day", "Busy")

    def test_s002_r016_after_hours_the_next_working_day_across_tiaoxiu(self):
        """Received after hours (S002-R009: the duty officer takes the call),
        dispatch is due at the close of the next working day: Fri 2024-05-10
        18:30 -> Sat 05-11 17:30 (调休 make-up day of Labour Day); Fri
        2025-01-24 18:30 -> Sun 01-26 17:30 (Sat 01-25 off, Sun worked)."""
        for received, due in (
            ((2024, 5, 10, 18, 30), utc(2024, 5, 11, 17, 30)),
            ((2025, 1, 24, 18, 30), utc(2025, 1, 26, 17, 30)),
            ((2024, 5, 17, 18, 30), utc(2024, 5, 20, 17, 30)),
        ):
            ticket = self._hospital_ticket(*received)
            line = self._lines(ticket, step="received", end_step=False)
            self.assertEqual(line.deadline, due, received)

    def test_same_working_day_unit_on_a_policy_line(self):
        policy = self._policy(
            "Same-day dispatch",
            [self._line(amount=1, unit="same_working_day")],
            complaint_kind="complaint",
        )
        self.assertEqual(policy.line_ids.unit, "same_working_day")
        with self.assertRaises(ValidationError):
            policy.line_ids.amount = 1.5

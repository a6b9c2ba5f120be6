# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged

from odoo.addons.complaint_sla.models.complaint_ticket_deadline import (
    ComplaintTicketDeadline,
)

from .common import SlaCommon, utc


class Crash(BaseException):
    """A crash the job cannot catch (process killed, lost connection)."""


@tagged("post_install", "-at_install")
class TestSlaCron(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # S000-R105: dispatch within 4 h, warning at 90 % (S000-R122).
        cls.policy = cls._policy(
            "Dispatch within 4 h",
            [cls._line(amount=4, unit="hours", breach_action="escalate")],
            complaint_kind="complaint",
        )
        start = utc(2024, 5, 10, 10, 40)  # due 14:40, warning 14:16
        cls.tickets = cls.env["helpdesk.ticket"]
        for _i in range(3):
            cls.tickets |= cls._ticket(date_received=start, team_id=cls.team.id)
        cls.warn_time = utc(2024, 5, 10, 14, 20)
        cls.late_time = utc(2024, 5, 10, 15, 0)

    def _notes(self, ticket, text):
        return ticket.message_ids.filtered(lambda m: text in (m.body or ""))

    def _activities(self, ticket, xmlid):
        kind = self.env.ref(xmlid)
        return ticket.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def test_warning_fires_exactly_once(self):
        Deadline = self.Deadline
        self.assertEqual(Deadline._cron_warn(now=utc(2024, 5, 10, 14, 15)), 0)
        self.assertEqual(Deadline._cron_warn(now=self.warn_time), 3)
        self.assertEqual(Deadline._cron_warn(now=self.warn_time), 0)
        self.assertEqual(Deadline._cron_warn(now=self.late_time), 0)
        for ticket in self.tickets:
            line = ticket.sla_deadline_ids
            self.assertEqual(line.warned_at, self.warn_time)
            self.assertEqual(len(self._notes(ticket, "Deadline warning")), 1)
            activities = self._activities(
                ticket, "complaint_sla.mail_activity_type_sla_warning"
            )
            # The handler (first contact) and the supervisor (team leader).
            self.assertEqual(activities.user_id, self.staff_a | self.manager_p)
            note = self._notes(ticket, "Deadline warning")
            self.assertIn("Received: due 2024-05-10 14:40", note.body)
            self.assertEqual(
                (note.message_type, note.subtype_id, note.model, note.is_internal),
                ("comment", self.env.ref("mail.mt_note"), "helpdesk.ticket", True),
            )
            self.assertEqual(activities.mapped("res_name"), [ticket.display_name] * 2)
            self.assertEqual(
                set(activities.mapped("date_deadline")), {date(2024, 5, 10)}
            )
            self.assertEqual(set(activities.mapped("state")), {"overdue"})

    def test_batches_and_reruns_never_duplicate(self):
        self.assertEqual(self.Deadline._cron_warn(now=self.warn_time, batch_size=2), 3)
        self.assertEqual(self.Deadline._cron_warn(now=self.warn_time, batch_size=2), 0)
        for ticket in self.tickets:
            self.assertEqual(len(self._notes(ticket, "Deadline warning")), 1)

    def test_exception_mid_batch_skips_nothing_and_duplicates_nothing(self):
        """One ticket's action fails: the batch is rolled back and retried row
        by row; the others fire once, the failing one stays due and fires
        once on the next run."""
        bad = self.tickets[1]
        original = ComplaintTicketDeadline._sla_after_fire

        def failing(model, kind, rows):
            if bad.id in [ticket_id for _line, ticket_id, _action in rows]:
                raise ValueError("follow-up exploded")
            return original(model, kind, rows)

        with (
            patch.object(ComplaintTicketDeadline, "_sla_after_fire", failing),
            self.assertLogs(
                "odoo.addons.complaint_sla.models.complaint_ticket_deadline",
                level="ERROR",
            ),
        ):
            self.assertEqual(self.Deadline._cron_warn(now=self.warn_time), 2)
        self.assertFalse(bad.sla_deadline_ids.warned_at)
        self.assertFalse(self._notes(bad, "Deadline warning"))
        self.assertEqual(self.Deadline._cron_warn(now=self.warn_time), 1)
        self.assertEqual(self.Deadline._cron_warn(now=self.warn_time), 0)
        for ticket in self.tickets:
            self.assertEqual(len(self._notes(ticket, "Deadline warning")), 1)
            self.assertTrue(ticket.sla_deadline_ids.warned_at)

    def test_crash_half_way_rolls_back_and_reruns_once(self):
        """A crash after the stamp and some actions (nothing committed) leaves
        no stamp and no note behind; the next run fires each warning once."""
        original = ComplaintTicketDeadline._sla_after_fire

        def crashing(model, kind, rows):
            original(model, kind, rows)
            raise Crash()

        with (
            patch.object(ComplaintTicketDeadline, "_sla_after_fire", crashing),
            self.assertRaises(Crash),
        ):
            self.Deadline._cron_warn(now=self.warn_time)
        self.env.invalidate_all()
        for ticket in self.tickets:
            self.assertFalse(ticket.sla_deadline_ids.warned_at)
            self.assertFalse(self._notes(ticket, "Deadline warning"))
        self.assertEqual(self.Deadline._cron_warn(now=self.warn_time), 3)
        for ticket in self.tickets:
            self.assertEqual(len(self._notes(ticket, "Deadline warning")), 1)

    def test_closed_step_never_warns(self):
        ticket = self.tickets[0]
        ticket._move_to_step("dispatched")
        self.assertEqual(ticket.sla_deadline_ids.state, "done")
        self.assertEqual(self.Deadline._cron_warn(now=self.warn_time), 2)
        self.assertEqual(self.Deadline._cron_breach(now=self.late_time), 2)
        self.assertFalse(ticket.sla_deadline_ids.warned_at)
        self.assertFalse(ticket.sla_deadline_ids.breached_at)
        self.assertFalse(self._notes(ticket, "Deadline"))

    def test_breach_escalates_one_level_once(self):
        """S000-R113: the breach marks the step overdue and moves the ticket
        from the city branch to the province; a rerun does not move it
        again."""
        ticket = self.tickets[0]
        self.assertEqual(ticket.company_id, self.city_a)
        self.assertEqual(self.Deadline._cron_breach(now=self.late_time), 3)
        line = ticket.sla_deadline_ids.filtered(lambda line: line.step == "received")
        self.assertEqual(line.breached_at, self.late_time)
        self.assertEqual(line.status, "overdue")
        self.assertEqual(ticket.company_id, self.province)
        self.assertEqual(ticket.escalation_ids.trigger, "sla")
        self.assertEqual(ticket.escalation_count, 1)
        self.assertEqual(len(self._notes(ticket, "Deadline missed")), 1)
        self.assertEqual(self.Deadline._cron_breach(now=self.late_time), 0)
        self.assertEqual(self.Deadline._cron_breach(now=utc(2024, 5, 11)), 0)
        self.assertEqual(ticket.company_id, self.province)
        self.assertEqual(ticket.escalation_count, 1)

    def test_breach_at_head_office_is_noted_not_lost(self):
        ticket = self._ticket(
            user=self.head_admin,
            company=self.head_office,
            date_received=utc(2024, 5, 10, 10, 40),
        )
        self.Deadline._cron_breach(now=self.late_time)
        self.assertEqual(ticket.company_id, self.head_office)
        self.assertTrue(ticket.sla_deadline_ids.breached_at)
        self.assertEqual(
            len(self._notes(ticket, "could not be escalated")), 1, ticket.message_ids
        )

    def test_breach_notifies_the_manager(self):
        self.policy.line_ids.breach_action = "notify"
        ticket = self._ticket(date_received=utc(2024, 5, 10, 10, 40))
        self.Deadline._cron_breach(now=self.late_time)
        activity = self._activities(
            ticket, "complaint_sla.mail_activity_type_sla_breach"
        )
        # No team leader: the province manager above City A.
        self.assertEqual(activity.user_id, self.manager_p)
        self.assertEqual(ticket.company_id, self.city_a)

    def test_scheduled_actions_call_the_scans(self):
        for xmlid, method in (
            ("complaint_sla.ir_cron_warn", "_cron_warn"),
            ("complaint_sla.ir_cron_breach", "_cron_breach"),
        ):
            cron = self.env.ref(xmlid)
            self.assertEqual(cron.ir_actions_server_id.state, "code")
            self.assertIn(method, cron.code)
            self.assertEqual(cron.model_id.model, "complaint.ticket.deadline")


@tagged("post_install", "-at_install")
class TestSlaBreachEveryStep(SlaCommon):
    """Issue 10: a breach in every open step escalates one level up
    (S000-R113), and no warning fires after the breach (S000-R122)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One 4-hour limit per open step (S000-R105's dispatch limit, used
        # for each step), escalating on breach.
        cls.policy = cls._policy(
            "Every step within 4 h",
            [
                cls._line(step, amount=4, unit="hours", breach_action="escalate")
                for step in ("received", "dispatched", "handling", "replied", "revisit")
            ],
            complaint_kind="complaint",
        )

    def _ticket_in(self, step):
        """A ticket of City A walked by its staff to ``step``."""
        ticket = self._ticket(team_id=self.team.id)
        staff = self._as(ticket, self.staff_a)
        path = ["received", "dispatched", "handling", "replied", "revisit"]
        for next_step in path[1 : path.index(step) + 1]:
            if next_step == "replied":
                staff.complaint_reply("Refund of the roaming charges.", "phone")
            else:
                staff._move_to_step(next_step)
        ticket = ticket.with_env(self.env)
        self.assertEqual(ticket.complaint_step, step)
        return ticket

    def test_s000_r113_breach_in_every_open_step_escalates(self):
        expected = {
            "received": "received",
            "dispatched": "dispatched",
            "handling": "dispatched",
            "replied": "dispatched",
            "revisit": "dispatched",
        }
        tickets = {step: self._ticket_in(step) for step in expected}
        later = fields.Datetime.now() + timedelta(hours=5)
        self.assertEqual(self.Deadline._cron_breach(now=later), 5)
        for step, ticket in tickets.items():
            with self.subTest(step=step):
                self.assertEqual(ticket.company_id, self.province)
                self.assertEqual(ticket.complaint_step, expected[step])
                self.assertEqual(ticket.escalation_ids.trigger, "sla")
                self.assertEqual(ticket.escalation_count, 1)
                self.assertFalse(
                    ticket.message_ids.filtered(
                        lambda m: "could not be escalated" in (m.body or "")
                    )
                )
                breached = ticket.sla_deadline_ids.filtered("breached_at")
                self.assertEqual(breached.step, step)

    def test_s000_r122_no_warning_after_the_breach(self):
        """The breach scan runs first (a cold start, or a late warning job):
        the warning of the breached step never fires, now or later; a
        warning job that runs late, past the deadline, does not fire either
        (the breach job does)."""
        self.policy.line_ids.breach_action = "notify"
        ticket = self._ticket_in("received")
        other = self._ticket_in("received")
        line = ticket.sla_deadline_ids
        late = line.deadline + timedelta(minutes=1)
        # The warning job late, past the deadline: no warning.
        self.assertEqual(self.Deadline._cron_warn(now=late), 0)
        self.assertEqual(self.Deadline._cron_breach(now=late), 2)
        self.assertEqual(self.Deadline._cron_warn(now=late), 0)
        self.assertEqual(self.Deadline._cron_warn(now=late + timedelta(days=1)), 0)
        for record in ticket | other:
            self.assertFalse(record.sla_deadline_ids.warned_at)
            self.assertFalse(record.sla_deadline_ids.warn_due)
            self.assertFalse(
                record.message_ids.filtered(
                    lambda m: "Deadline warning" in (m.body or "")
                )
            )

    def test_notes_and_activities_go_through_the_mail_orm(self):
        """Issue 10 item 7: the warning's activities are created by the ORM
        (one create call): the supervisor follows the ticket afterwards,
        which raw INSERTs never did; the note is one log per ticket."""
        ticket = self._ticket_in("received")
        leader = self.manager_p.partner_id
        self.assertNotIn(leader, ticket.message_partner_ids)
        line = ticket.sla_deadline_ids
        with patch.object(
            type(self.env["mail.activity"]),
            "create",
            autospec=True,
            side_effect=type(self.env["mail.activity"]).create,
        ) as create:
            self.assertEqual(self.Deadline._cron_warn(now=line.warning_at), 1)
        self.assertEqual(create.call_count, 1)
        self.assertIn(leader, ticket.message_partner_ids)
        notes = ticket.message_ids.filtered(
            lambda m: "Deadline warning" in (m.body or "")
        )
        self.assertEqual(len(notes), 1)
        self.assertEqual(notes.subtype_id, self.env.ref("mail.mt_note"))

    def test_outcome_stored_when_the_step_ends(self):
        """Met / missed and the late working time are stored when the line
        closes (KPIs read them)."""
        self.policy.line_ids.breach_action = "none"
        on_time = self._ticket_in("received")
        late = self._ticket_in("received")
        self._as(on_time, self.staff_a)._move_to_step("dispatched")
        line = on_time.sla_deadline_ids.filtered(lambda x: x.step == "received")
        self.assertEqual(
            (line.outcome, line.late_hours, line.status), ("met", 0, "met")
        )
        late_line = late.sla_deadline_ids
        self.Deadline._cron_breach(now=late_line.deadline + timedelta(minutes=1))
        self._as(late, self.staff_a)._move_to_step("dispatched")
        self.assertEqual(late_line.state, "done")
        self.assertEqual((late_line.outcome, late_line.status), ("missed", "missed"))
        lines = (on_time | late).sla_deadline_ids
        for status in ("met", "missed", "on_time", "overdue"):
            with self.subTest(status=status):
                self.assertEqual(
                    lines.search([("id", "in", lines.ids), ("status", "=", status)]),
                    lines.filtered(lambda x, s=status: x.status == s),
                )

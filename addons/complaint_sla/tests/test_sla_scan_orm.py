# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The warning and breach scans write through the mail ORM (issue 10 item 7):
real notes and activities, the activity's user notified as Odoo does it, and
a number of queries per batch that does not grow with the batch."""

import json
from datetime import timedelta

from odoo.tests import tagged

from .common import SlaCommon, utc


@tagged("post_install", "-at_install")
class TestSlaScanOrm(SlaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # S000-R105: dispatch within 4 h, warning at 90 % (S000-R122); the
        # breach notifies the supervisor (no escalation: complaint_core's
        # escalation is per ticket and measured apart).
        cls.policy = cls._policy(
            "Dispatch within 4 h",
            [cls._line(amount=4, unit="hours", breach_action="notify")],
            complaint_kind="complaint",
        )
        cls.start = utc(2024, 5, 10, 10, 40)  # due 14:40, warning 14:16
        cls.warn_time = utc(2024, 5, 10, 14, 20)
        cls.late_time = utc(2024, 5, 10, 15, 0)
        cls.root = cls.env.ref("base.user_root")

    def _tickets(self, count, start=None):
        Ticket = self.env["helpdesk.ticket"]
        tickets = Ticket.browse()
        for _i in range(count):
            tickets |= self._ticket(
                date_received=start or self.start, team_id=self.team.id
            )
        return tickets

    def _scan_as_cron(self, kind, now):
        """The scan as its scheduled action runs it (as the cron's user)."""
        Deadline = self.Deadline.with_user(self.root)
        scan = Deadline._cron_warn if kind == "warn" else Deadline._cron_breach
        return scan(now=now)

    def test_notes_and_activities_are_mail_records(self):
        tickets = self._tickets(2)
        warning = self.env.ref("complaint_sla.mail_activity_type_sla_warning")
        breach = self.env.ref("complaint_sla.mail_activity_type_sla_breach")
        note = self.env.ref("mail.mt_note")
        self.assertEqual(self._scan_as_cron("warn", self.warn_time), 2)
        self.assertEqual(self._scan_as_cron("breach", self.late_time), 2)
        Message = self.env["mail.message"]
        Activity = self.env["mail.activity"]
        for ticket in tickets:
            messages = Message.search(
                [
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", ticket.id),
                    ("body", "ilike", "Deadline"),
                ],
                order="id",
            )
            self.assertEqual(len(messages), 2)
            self.assertIn("Deadline warning", messages[0].body)
            self.assertIn("Deadline missed", messages[1].body)
            for message in messages:
                self.assertIn("Received: due 2024-05-10 14:40", message.body)
                self.assertEqual(message.author_id, self.root.partner_id)
                self.assertEqual(
                    message.email_from, self.root.partner_id.email_formatted
                )
                self.assertEqual(
                    (message.message_type, message.subtype_id, message.is_internal),
                    ("comment", note, True),
                )
                self.assertIn(message, ticket.message_ids)
            activities = Activity.search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
            )
            self.assertEqual(activities, ticket.activity_ids)
            warned = activities.filtered(lambda a, t=warning: a.activity_type_id == t)
            missed = activities.filtered(lambda a, t=breach: a.activity_type_id == t)
            # Warning: the handler (first contact) and the supervisor (team
            # leader); breach: the supervisor.
            self.assertEqual(warned.user_id, self.staff_a | self.manager_p)
            self.assertEqual(missed.user_id, self.manager_p)
            self.assertEqual(
                set(warned.mapped("summary")),
                {"Deadline close: act before it expires"},
            )
            self.assertEqual(missed.summary, "Deadline missed: follow up")
            for activity in activities:
                self.assertEqual(
                    activity.res_model_id, self.env["ir.model"]._get("helpdesk.ticket")
                )
                self.assertEqual(activity.res_name, ticket.display_name)
                self.assertTrue(activity.automated)
                self.assertEqual(activity.date_deadline.isoformat(), "2024-05-10")
            # The ORM's activity create makes each assignee a follower.
            self.assertLessEqual(
                (self.staff_a | self.manager_p).partner_id,
                ticket.message_partner_ids,
            )

    def test_assignees_follow_as_message_subscribe_makes_them(self):
        """The scan subscribes its assignees in one batch (issue 10 item 7):
        the same followers as mail.activity's own ``message_subscribe``
        (default subtypes), a follower's own subtypes kept, and the context
        key that skips the repeated check cannot come from a caller."""
        first, second = self._tickets(2)
        note = self.env.ref("mail.mt_note")
        # The supervisor already follows the first ticket, notes only.
        first.message_subscribe(
            partner_ids=self.manager_p.partner_id.ids, subtype_ids=note.ids
        )
        self.assertEqual(self._scan_as_cron("warn", self.warn_time), 2)
        default = self.env["mail.message.subtype"].default_subtypes("helpdesk.ticket")[
            0
        ]
        for ticket in first | second:
            followers = ticket.message_follower_ids
            for user in self.staff_a | self.manager_p:
                follower = followers.filtered(
                    lambda f, u=user: f.partner_id == u.partner_id
                )
                self.assertEqual(len(follower), 1)
                expected = (
                    note if (ticket, user) == (first, self.manager_p) else default
                )
                self.assertEqual(follower.subtype_ids, expected)
        # A JSON value sent over RPC under the same key changes nothing.
        partner = self.staff_b.partner_id
        second.with_context(
            complaint_sla_followed=[[second.id, partner.id]]
        ).sudo().message_subscribe(partner_ids=partner.ids)
        self.assertIn(partner, second.message_partner_ids)

    def test_activity_notifies_its_user(self):
        """The assignee sees the activity as any other: in the systray
        counter of their activities (overdue) and through the bus message
        the ORM sends when an activity is created."""
        ticket = self._tickets(1)

        def counter(user):
            groups = self.env["res.users"].with_user(user)._get_activity_groups()
            group = [g for g in groups if g["model"] == "helpdesk.ticket"]
            return group[0]["total_count"] if group else 0

        before = counter(self.manager_p)
        last_bus = self.env["bus.bus"].sudo().search([], order="id desc", limit=1).id
        self.assertEqual(self._scan_as_cron("warn", self.warn_time), 1)
        self.assertEqual(counter(self.manager_p), before + 1)
        self.assertEqual(
            ticket.activity_ids.filtered(lambda a: a.user_id == self.manager_p).state,
            "overdue",
        )
        # The scan's savepoint runs the commit hooks: the bus rows are there.
        sent = [
            (json.loads(bus.channel), json.loads(bus.message))
            for bus in self.env["bus.bus"].sudo().search([("id", ">", last_bus)])
        ]
        notified = {
            tuple(channel[1:])
            for channel, message in sent
            if message["type"] == "mail.activity/updated"
            and message["payload"].get("activity_created")
        }
        # A user's bus channel is their partner's.
        self.assertIn(("res.partner", self.manager_p.partner_id.id), notified)
        self.assertIn(("res.partner", self.staff_a.partner_id.id), notified)

    def _scan_queries(self, count, offset):
        """Queries of one warning scan and one breach scan over ``count``
        tickets received ``offset`` hours after the class's start."""
        start = self.start + timedelta(hours=offset)
        self._tickets(count, start=start)
        self.env.flush_all()
        self.env.invalidate_all()
        cr = self.env.cr
        before = cr.sql_log_count
        self.assertEqual(
            self._scan_as_cron("warn", self.warn_time + timedelta(hours=offset)),
            count,
        )
        self.assertEqual(
            self._scan_as_cron("breach", self.late_time + timedelta(hours=offset)),
            count,
        )
        self.env.flush_all()
        return cr.sql_log_count - before

    def test_queries_per_batch_do_not_grow_with_the_batch(self):
        """A scan's queries do not depend on its number of rows: 50 tickets
        cost at most a few queries more than 10 (a query per row would add
        40 per scan)."""
        # Warm the caches (translations, xmlids, the activity types).
        self._scan_queries(2, offset=24)
        small = self._scan_queries(10, offset=48)
        large = self._scan_queries(50, offset=72)
        self.assertLessEqual(large - small, 6, f"{small} vs {large} queries")

    def test_notes_in_the_company_language_with_local_zone(self):
        """Notes are stored text: the scheduled job writes them in the
        company's language, and times in the company's zone with its name
        (issue 11 items 1, 2)."""
        from odoo.addons.complaint_core.tests.test_i18n import load_zh_cn

        load_zh_cn(self.env)
        self.env.company.partner_id.lang = "zh_CN"
        ticket = self._tickets(1)
        self._scan_as_cron("breach", self.late_time)
        body = (
            self.env["mail.message"]
            .search(
                [("model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)],
                order="id desc",
                limit=1,
            )
            .body
        )
        self.assertIn("已超时", body)
        self.assertIn("2024-05-10 14:40 CST", body)

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reporter's identity is sealed (S000-R018, S002-R058..R060): no role
but an investigator under a granted request reads it, through any path."""

import json
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.complaint_core.integrity import lifecycle

from .common import (
    CUSTODIAN,
    REPORTER_EMAIL,
    REPORTER_NAME,
    REPORTER_PHONE,
    WhistleblowerCommon,
)

SECRETS = (REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL, "Wang Xiaoming")


@tagged("post_install", "-at_install")
class TestSealedIdentity(WhistleblowerCommon):
    def _seen_by(self, ticket, user):
        """Everything ``user`` can get about ``ticket`` through the ORM a
        client calls: read, search_read, export, read_group, name_search,
        chatter (bodies, tracking values, authors), followers, activities,
        attachment names, outgoing mail."""
        # Whoever may export: the export right is not what protects.
        user.groups_id = [Command.link(self.env.ref("base.group_allow_export").id)]
        t = self._as(ticket, user)
        Ticket = t.browse()
        seen = [t.read(), Ticket.search_read([("id", "=", ticket.id)])]
        names = [
            name
            for name, field in Ticket._fields.items()
            if field.store
            and field.type not in ("binary", "one2many", "many2many")
            and field.is_accessible(Ticket.env)
        ]
        seen.append(t.export_data(names)["datas"])
        for group in ("partner_id", "partner_name", "partner_email", "name"):
            seen.append(Ticket.read_group([("id", "=", ticket.id)], [group], [group]))
        seen.append(Ticket.name_search(REPORTER_NAME))
        seen.append(
            Ticket.search_count(
                [
                    "|",
                    "|",
                    ("partner_name", "ilike", "Wang"),
                    ("partner_email", "ilike", "xiaoming"),
                    ("complainant_phone", "ilike", REPORTER_PHONE[-4:]),
                ]
            )
        )
        for message in t.message_ids:
            seen.append(
                [
                    message.body,
                    message.author_id.display_name,
                    message.email_from,
                    # What the chatter shows of a message's tracking.
                    message.sudo().tracking_value_ids.read(
                        ["old_value_char", "new_value_char"]
                    ),
                ]
            )
        seen.append(t.message_follower_ids.mapped("partner_id.display_name"))
        seen.append(t.activity_ids.read(["summary", "note"]))
        seen.append(
            self.env["ir.attachment"]
            .with_user(user)
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
            .mapped("name")
        )
        return json.dumps(seen, default=str)

    def _assert_sealed_for(self, ticket, user):
        seen = self._seen_by(ticket, user)
        for secret in SECRETS:
            self.assertNotIn(secret, seen, f"{secret!r} leaked to {user.login}")
        Identity = self.env["whistleblower.identity"].with_user(user)
        if user.has_group("whistleblower_reward.group_whistleblower_investigator"):
            # An investigator without a grant finds nothing.
            self.assertFalse(Identity.search([("ticket_id", "=", ticket.id)]))
        else:
            with self.assertRaises(AccessError):
                Identity.search([("ticket_id", "=", ticket.id)])

    # ------------------------------------------------------------------
    def test_real_name_report_sealed_at_intake(self):
        """S000-R018: the details typed at intake live in the sealed record
        only; the ticket has a pseudonym and no contact."""
        ticket = self._report()
        self.assertRegex(ticket.wb_pseudonym, r"^WB-\d{4}-\d{6}$")
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.partner_name)
        self.assertFalse(ticket.partner_email)
        self.assertFalse(ticket.complainant_phone)
        self.assertTrue(ticket.wb_has_identity)
        self.assertFalse(ticket.wb_identity_name, "write-only input read back")
        identity = self.env["whistleblower.identity"].search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertEqual(identity.name, REPORTER_NAME)
        self.assertEqual(identity.phone, REPORTER_PHONE)
        self.assertEqual(identity.email, REPORTER_EMAIL)
        self.assertEqual(identity.display_name, ticket.wb_pseudonym)
        self.assertTrue(ticket.wb_acknowledged_at)

    def test_no_leak_to_any_role_without_a_grant(self):
        """Branch staff, the branch manager, head office, an investigator
        without a grant, the custodian: none gets the reporter's name, phone
        or e-mail through any path; portal users see nothing at all."""
        ticket = self._report()
        # Handling adds chatter, a follower and an activity.
        self._as(ticket, self.staff_a).message_post(body="Interviewed the buyer.")
        self._as(ticket, self.staff_a).activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.manager_a.id
        )
        self._end_request()
        for user in (
            self.staff_a,
            self.manager_a,
            self.head_admin,
            self.investigator,
            self.custodian,
        ):
            with self.subTest(user=user.login):
                self._assert_sealed_for(ticket, user)
        portal = self.env["helpdesk.ticket"].with_user(self.portal_user)
        self.assertFalse(portal.search([("id", "=", ticket.id)]))
        for user in (self.portal_user, self.env.ref("base.public_user")):
            with self.assertRaises(AccessError):
                self.env["whistleblower.identity"].with_user(user).search([])
        mails = self.env["mail.mail"].sudo().search([]).read(["body_html", "email_to"])
        self.assertNotIn(REPORTER_EMAIL, json.dumps(mails, default=str))

    def test_partner_sent_by_a_client_is_sealed(self):
        """An RPC client sending partner_id / partner_email / a phone, or a
        default_partner_id in the context, seals them; the reporter never
        becomes a follower."""
        Ticket = self._as(self.env["helpdesk.ticket"], self.staff_a).with_context(
            default_partner_id=self.reporter_partner.id
        )
        ticket = Ticket.create(
            {
                "complaint_kind": "report",
                "name": "Fuel card abuse",
                "description": "<p>Fuel cards used privately.</p>",
                "partner_id": self.reporter_partner.id,
                "partner_email": REPORTER_EMAIL,
                "complainant_phone": REPORTER_PHONE,
            }
        )
        self._end_request()
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.partner_email)
        self.assertFalse(ticket.complainant_phone)
        self.assertNotIn(
            self.reporter_partner, ticket.sudo().message_follower_ids.partner_id
        )
        identity = self.env["whistleblower.identity"].search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertEqual(identity.partner_id, self.reporter_partner)
        self.assertEqual(identity.name, REPORTER_NAME)
        self.assertEqual(identity.phone, REPORTER_PHONE)
        self._assert_sealed_for(ticket, self.head_admin)

    def test_identity_cannot_be_written_onto_a_report(self):
        ticket = self._report()
        t = self._as(ticket, self.head_admin)
        for vals in (
            {"partner_id": self.reporter_partner.id},
            {"partner_email": REPORTER_EMAIL},
            {"complainant_phone": REPORTER_PHONE},
            {"wb_route": "evaluation"},
            {"wb_pseudonym": "WB-0000-000001"},
            {"wb_hidden_from_management": False},
            {"complaint_kind": "complaint"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                t.write(vals)
        complaint = self._ticket()
        with self.assertRaises(UserError):
            self._as(complaint, self.head_admin).write({"complaint_kind": "report"})

    def test_anonymity_and_name_are_consistent(self):
        # Anonymous, with a phone left for call-backs: sealed, not dropped,
        # and still routed as anonymous.
        called_back = self._report(anonymous=True, wb_identity_phone=REPORTER_PHONE)
        self.assertTrue(called_back.wb_has_identity)
        self.assertEqual(called_back.wb_route, "evaluation")
        self.assertFalse(called_back.complainant_phone)
        self.assertEqual(
            self.env["whistleblower.identity"]
            .search([("ticket_id", "=", called_back.id)])
            .phone,
            REPORTER_PHONE,
        )
        with self.assertRaises(ValidationError):
            self._report(wb_identity_name=False)
        anonymous = self._report(anonymous=True)
        self.assertFalse(anonymous.wb_has_identity)
        self.assertFalse(
            self.env["whistleblower.identity"].search(
                [("ticket_id", "=", anonymous.id)]
            )
        )
        # Real-name only with a name (sealed); then routed as real-name.
        with self.assertRaises(UserError):
            self._as(anonymous, self.investigator).write(
                {"complainant_anonymous": False}
            )
        self._as(anonymous, self.investigator).write(
            {"complainant_anonymous": False, "wb_identity_name": REPORTER_NAME}
        )
        self.assertEqual(anonymous.wb_route, "approval")
        self.assertTrue(anonymous.wb_has_identity)

    def test_portal_account_cannot_file_a_report(self):
        """A portal account names its holder: reports go to /whistleblow."""
        Ticket = self.env["helpdesk.ticket"].with_user(self.portal_user)
        with self.assertRaisesRegex(UserError, "/whistleblow"):
            Ticket.create(
                {
                    "complaint_kind": "report",
                    "name": "Bribes",
                    "description": "<p>x</p>",
                    "complainant_anonymous": True,
                }
            )

    def test_duplicate_detection_does_not_tie_reports_to_a_reporter(self):
        """Two reports of the same reporter are not flagged as repeats: the
        link itself would tell handlers who reported."""
        first = self._report()
        second = self._report(name="Second report")
        self.assertFalse(second.possible_duplicate_id)
        self.assertEqual(second.repeat_count, 0)
        self.assertFalse(first.complainant_phone_key)


@tagged("post_install", "-at_install")
class TestIdentityAccessRequest(WhistleblowerCommon):
    def test_grant_read_logged_and_expired(self):
        """Investigator asks with a reason, a custodian grants; reads are
        logged and visible to the custodian; the grant expires."""
        ticket = self._report()
        Identity = self.env["whistleblower.identity"]
        request = (
            self.env["whistleblower.identity.request"]
            .with_user(self.investigator)
            .create({"ticket_id": ticket.id, "reason": "Witness interview needed."})
        )
        self.assertEqual(request.state, "submitted")
        self.assertEqual(request.user_id, self.investigator)
        self.assertIn(self.custodian, request.sudo().activity_ids.user_id)
        self.assertFalse(Identity.with_user(self.investigator).search([]))
        request.with_user(self.custodian).action_grant()
        self.assertEqual(request.state, "granted")
        self.assertEqual(request.decided_by_id, self.custodian)
        identity = Identity.with_user(self.investigator).search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertEqual(identity.read(["name", "phone"])[0]["name"], REPORTER_NAME)
        # A colleague without a grant still reads nothing.
        self.assertFalse(Identity.with_user(self.investigator_2).search([]))
        logs = (
            self.env["whistleblower.identity.log"]
            .with_user(self.custodian)
            .search([("ticket_id", "=", ticket.id)])
        )
        self.assertEqual(sorted(logs.mapped("event")), ["grant", "read", "request"])
        read = logs.filtered(lambda line: line.event == "read")
        self.assertEqual(read.user_id, self.investigator)
        self.assertEqual(read.fields_read, "name, phone")
        # The custodian reads the log, not the identity.
        with self.assertRaises(AccessError):
            Identity.with_user(self.custodian).search([])
        # Nobody edits the log.
        with self.assertRaises(UserError):
            logs.sudo().write({"note": "x"})
        with self.assertRaises(UserError):
            logs.with_user(self.custodian).unlink()
        # Expiry.
        lifecycle(request.sudo()).write(
            {"valid_until": fields.Datetime.now() - timedelta(minutes=1)}
        )
        self.assertFalse(Identity.with_user(self.investigator).search([]))
        self.env["whistleblower.identity.request"]._cron_expire()
        self.assertEqual(request.state, "expired")

    def test_four_eyes_and_roles(self):
        ticket = self._report()
        both = self._user("wb_both", "staff", self.city_a)
        both.groups_id = [
            Command.link(self.env.ref(CUSTODIAN).id),
            Command.link(
                self.env.ref("whistleblower_reward.group_whistleblower_investigator").id
            ),
        ]
        request = (
            self.env["whistleblower.identity.request"]
            .with_user(both)
            .create({"ticket_id": ticket.id, "reason": "Need to confirm the facts."})
        )
        with self.assertRaises(UserError):
            request.with_user(both).action_grant()
        with self.assertRaises(UserError):
            request.with_user(self.investigator).sudo(False).action_grant()
        # Branch staff and head office cannot even ask.
        for user in (self.staff_a, self.head_admin):
            with self.assertRaises(UserError):
                self.env["whistleblower.identity.request"].with_user(user).create(
                    {"ticket_id": ticket.id, "reason": "Curious."}
                )
        # A refusal needs a reason; state cannot be written directly.
        with self.assertRaises(UserError):
            request.with_user(self.custodian).action_refuse()
        with self.assertRaises(UserError):
            request.with_user(self.custodian).write({"state": "granted"})
        # The decision's note is the custodian's: not the requester's, and
        # not changed once decided.
        with self.assertRaises(UserError):
            request.with_user(both).write({"decision_note": "Granted, surely."})
        request.with_user(self.custodian).write({"decision_note": "Not needed."})
        request.with_user(self.custodian).action_refuse()
        self.assertEqual(request.state, "refused")
        with self.assertRaises(UserError):
            request.with_user(self.custodian).write({"decision_note": "Changed."})
        self.assertFalse(self.env["whistleblower.identity"].with_user(both).search([]))

    def test_no_request_for_an_anonymous_report(self):
        ticket = self._report(anonymous=True)
        with self.assertRaises(UserError):
            self.env["whistleblower.identity.request"].with_user(
                self.investigator
            ).create({"ticket_id": ticket.id, "reason": "Who is it?"})

    def test_grant_lasts_the_company_days(self):
        ticket = self._report()
        self.city_a.whistleblower_grant_days = 3
        request = self._grant(ticket)
        self.assertEqual((request.valid_until - request.decided_at).days, 3)

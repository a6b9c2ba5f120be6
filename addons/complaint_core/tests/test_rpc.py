# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""RPC is a first-class client (issue 9, items 5, 6, 9): a branch clerk
without an e-mail address walks a ticket through the whole lifecycle over
JSON-RPC, as a hotline platform would; the portal's state change is refused
by GET and by a POST without CSRF token."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRpcWalk(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create(
            {
                "name": "RPC City Branch",
                "parent_id": cls.env.ref("base.main_company").id,
                "email": "complaints@rpc-branch.example.com",
            }
        )
        cls.clerk = new_test_user(
            cls.env,
            login="cc_rpc_clerk",
            groups="complaint_core.group_complaint_staff",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.clerk.partner_id.email = False
        cls.portal = new_test_user(
            cls.env, login="cc_rpc_portal", groups="base.group_portal"
        )
        cls.conclusion = cls.env.ref(
            "complaint_core.closing_conclusion_enterprise_fault"
        )

    def _rpc(self, model, method, args, kwargs=None, login="cc_rpc_clerk"):
        """One execute_kw call over /jsonrpc, as an external client makes it
        (no context: the server picks language and role from the user)."""
        uid = self.env["res.users"].search([("login", "=", login)]).id
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    uid,
                    login,
                    model,
                    method,
                    args,
                    kwargs or {},
                ],
            },
        }
        response = self.url_open(
            "/jsonrpc",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        body = response.json()
        if "error" in body:
            return None, body["error"]["data"]
        return body["result"], None

    def _ok(self, *args, **kwargs):
        result, error = self._rpc(*args, **kwargs)
        self.assertIsNone(error, error and error.get("message"))
        return result

    def test_clerk_without_email_walks_a_ticket_over_jsonrpc(self):
        self.assertFalse(self.clerk.email)
        ticket_id = self._ok(
            "helpdesk.ticket",
            "create",
            [
                {
                    "name": "Roaming charges while abroad",
                    "description": "<p>Charged twice for roaming.</p>",
                    "complainant_phone": "13812345678",
                }
            ],
        )
        ids = [ticket_id]
        self._ok(
            "helpdesk.ticket",
            "message_post",
            [ids],
            {"body": "Customer called back.", "subtype_xmlid": "mail.mt_note"},
        )
        deadline = fields.Datetime.to_string(
            fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        )
        dispatched = self._ok(
            "helpdesk.ticket",
            "complaint_dispatch",
            [ids, self.company.id, "Check the roaming records.", deadline],
        )
        # The dispatch order comes back as its id and number.
        self.assertEqual(dispatched["step"], "dispatched")
        order = self.env["complaint.dispatch.order"].browse(
            dispatched["dispatch_order_id"]
        )
        self.assertEqual(order.number, dispatched["dispatch_order_number"])
        self.assertEqual(order.ticket_id.id, ticket_id)
        # A second dispatch is refused with a clear message.
        _result, error = self._rpc(
            "helpdesk.ticket",
            "complaint_dispatch",
            [ids, self.company.id, "Again.", deadline],
        )
        self.assertIn("does not start from there", error["message"])
        self.assertIs(self._ok("helpdesk.ticket", "complaint_start", [ids]), True)
        self.assertIs(
            self._ok(
                "helpdesk.ticket",
                "complaint_reply",
                [ids, "Refunded the double charge.", "phone"],
                {"conclusion": self.conclusion.id, "substantiation": "substantiated"},
            ),
            True,
        )
        self.assertIs(
            self._ok("helpdesk.ticket", "complaint_revisit", [ids, "satisfied"]), True
        )
        self.assertIs(self._ok("helpdesk.ticket", "complaint_close", [ids]), True)
        state = self._ok("helpdesk.ticket", "complaint_state", [ids])[0]
        self.assertEqual(state["step"], "closed")
        self.assertEqual(state["closing_conclusion_id"], self.conclusion.id)
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertEqual(ticket.first_contact_user_id, self.clerk)
        note = ticket.message_ids.filtered(
            lambda m: "Customer called back." in (m.body or "")
        )
        self.assertEqual(note.author_id, self.clerk.partner_id)
        self.assertIn("complaints@rpc-branch.example.com", note.email_from)
        steps = [
            v.new_value_char
            for v in ticket.message_ids.tracking_value_ids
            if v.field_id.name == "stage_id"
        ]
        self.assertEqual(len(steps), 5, steps)

    def test_rpc_cannot_bend_the_lifecycle(self):
        """Whatever fields and context keys the client sends."""
        ticket_id = self._ok(
            "helpdesk.ticket",
            "create",
            [{"name": "Spoof", "description": "<p>x</p>"}],
        )
        for vals, context in (
            ({"complaint_step": "closed"}, {}),
            ({"date_received": "2001-01-01 00:00:00"}, {}),
            ({"escalation_count": 4}, {}),
            (
                {"stage_id": self.env.ref("complaint_core.stage_closed").id},
                {"complaint_role": "complainant", "complaint_lifecycle": True},
            ),
        ):
            _result, error = self._rpc(
                "helpdesk.ticket", "write", [[ticket_id], vals], {"context": context}
            )
            self.assertTrue(error, vals)
            self.assertEqual(error["name"], "odoo.exceptions.UserError")
        _result, error = self._rpc(
            "helpdesk.ticket", "write", [[ticket_id], {"complaint_kind": "gossip"}]
        )
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        self.assertNotIn("Traceback", error["message"])
        ticket = self.env["helpdesk.ticket"].browse(ticket_id)
        self.assertEqual(ticket.complaint_step, "received")

    def test_portal_state_change_needs_post_and_csrf(self):
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.env.ref("base.user_admin"))
            .create(
                {
                    "name": "Portal RPC",
                    "description": "<p>x</p>",
                    "partner_id": self.portal.partner_id.id,
                    "complaint_kind": "consultation",
                }
            )
        )
        ticket.complaint_reply(
            "Answered.", "portal", False, self.conclusion.id, "substantiated"
        )
        self.authenticate("cc_rpc_portal", "cc_rpc_portal")
        stage = self.env.ref("complaint_core.stage_closed")
        get = self.url_open(f"/ticket/close?ticket_id={ticket.id}&stage_id={stage.id}")
        self.assertEqual(get.status_code, 405)
        post = self.url_open(
            "/ticket/close", data={"ticket_id": ticket.id, "stage_id": stage.id}
        )
        self.assertEqual(post.status_code, 400)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.complaint_step, "replied")
        self.assertFalse(ticket.complainant_accepted)

    def test_messages_follow_the_users_language_over_rpc(self):
        """An external client sends no ``lang``: a zh_CN clerk still reads
        the refusal in Chinese, as in the web client."""
        from .test_i18n import load_zh_cn

        load_zh_cn(self.env)
        self.clerk.lang = "zh_CN"
        ticket_id = self._ok(
            "helpdesk.ticket",
            "create",
            [{"name": "语言测试", "description": "<p>x</p>"}],
        )
        _result, error = self._rpc(
            "helpdesk.ticket", "write", [[ticket_id], {"escalation_count": 9}]
        )
        self.assertEqual(error["name"], "odoo.exceptions.UserError")
        self.assertIn("只能", error["message"])
        # The model's name too, not the class's English description.
        self.assertIn("服务台工单", error["message"])
        self.assertNotIn("can only be changed", error["message"])
        _result, error = self._rpc("helpdesk.ticket", "complaint_start", [[ticket_id]])
        self.assertIn("不能从该环节执行操作", error["message"])

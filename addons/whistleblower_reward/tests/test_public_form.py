# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The public report form and the receipt-code follow-up, over HTTP
without login (issue 12, intake; S000-R018 non-disclosure, S002-R058..R060
confidential channel, no identity to anyone without a need to know).

* a report is filed anonymously or in real name with the CSRF token of the
  form; the reporter's name lands in the sealed identity only;
* the code and the secret are shown once, the secret is stored hashed only,
  and neither reaches a log;
* a wrong secret, an unknown or malformed code and a locked code or address
  give the same bytes; 5 failures lock a code, 20 an address, and a locked
  attempt does not even look the code up;
* bad input re-renders the form with the message and what was typed;
* what the reporter adds is posted as the neutral "reporter" partner.

The tour (static/tests/tours/whistleblower_public_tour.js) walks the same
pages in Chromium."""

import hashlib
import logging
import re
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from complaint_rules.reward import receipt as rules_receipt
from complaint_rules.reward import throttle

from ..controllers import main as wb_main

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
ERROR_RE = re.compile(
    r'(<div class="alert alert-danger o_wb_error"[^>]*>.*?</div>)', re.S
)
CODE_RE = re.compile(r'class="o_wb_receipt_code">([^<]+)<')
SECRET_RE = re.compile(r'class="o_wb_receipt_secret">([^<]+)<')
PSEUDONYM_RE = re.compile(r'class="o_wb_pseudonym">([^<]+)<')

REPORTER_NAME = "Public Zhao Lihua"
REPORTER_PHONE = "13700001111"
REPORTER_EMAIL = "zhao.lihua@example.com"


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


class PublicFormCase(HttpCase):
    """Helpers to walk the public pages with ``url_open``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Ticket = cls.env["helpdesk.ticket"].sudo()
        cls.Attempt = cls.env["whistleblower.follow.attempt"].sudo()
        cls.Receipt = cls.env["whistleblower.receipt"].sudo()
        cls.company = cls.env.ref("base.main_company")

    def setUp(self):
        super().setUp()
        # Each test starts with no recorded attempt (the tour and the
        # throttle tests share the test client's address).
        self.Attempt.search([]).unlink()

    # ------------------------------------------------------------------
    def _csrf(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        match = CSRF_RE.search(response.text)
        self.assertTrue(match, f"no CSRF token on {url}")
        return match.group(1)

    def _post(self, url, data, files=None, allow_redirects=True):
        data = dict(data, csrf_token=self._csrf(url.split("?")[0]))
        return self.url_open(
            url, data=data, files=files, allow_redirects=allow_redirects
        )

    def _submit(self, files=None, **values):
        data = {
            "name": "Kickbacks in purchasing",
            "description": "The buyer of workshop 3 takes cash.",
            "wb_subject": "Purchasing office",
            "wb_subject_rank": "middle",
            "complainant_anonymous": "1",
        }
        data.update(values)
        data = {key: value for key, value in data.items() if value is not None}
        return self._post("/whistleblow", data, files=files)

    def _submit_ok(self, **values):
        """Submit; return ``(ticket, code, secret, html)``."""
        response = self._submit(**values)
        self.assertEqual(response.status_code, 200)
        html = response.text
        self.assertNotIn("o_wb_error", html, html[:2000])
        code = CODE_RE.search(html).group(1)
        secret = SECRET_RE.search(html).group(1)
        pseudonym = PSEUDONYM_RE.search(html).group(1)
        ticket = self.Ticket.search([("wb_pseudonym", "=", pseudonym)])
        self.assertEqual(len(ticket), 1)
        return ticket, code, secret, html

    def _follow(self, code, secret):
        """POST code and secret; the response, redirections not followed."""
        return self._post(
            "/whistleblow/follow",
            {"code": code, "secret": secret},
            allow_redirects=False,
        )

    def _error(self, response):
        match = ERROR_RE.search(response.text)
        self.assertTrue(match, "no error message on the page")
        return match.group(1)

    def _wrong(self, secret):
        """Another well-formed secret."""
        value = rules_receipt.normalize(secret)
        return value[:-1] + ("2" if value[-1] != "2" else "3")


@tagged("post_install", "-at_install")
class TestPublicForm(PublicFormCase):
    def test_anonymous_report_and_follow_up(self):
        """Anonymous report: no partner, a pseudonym, the secret hashed
        (S000-R018); the code opens a status page naming nobody."""
        ticket, code, secret, html = self._submit_ok()
        self.assertIn("o_wb_receipt_warning", html)
        self.assertEqual(ticket.complaint_kind, "report")
        self.assertTrue(ticket.complainant_anonymous)
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.partner_name)
        self.assertFalse(ticket.partner_email)
        self.assertTrue(ticket.wb_pseudonym)
        self.assertEqual(ticket.wb_subject, "Purchasing office")
        self.assertEqual(ticket.wb_subject_rank, "middle")
        self.assertEqual(ticket.company_id, self.company)
        self.assertFalse(
            self.env["whistleblower.identity"]
            .sudo()
            .search([("ticket_id", "=", ticket.id)])
        )
        receipt = self.Receipt.search([("ticket_id", "=", ticket.id)])
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.code, rules_receipt.normalize(code))
        self.assertNotEqual(receipt.secret_hash, secret)
        self.assertNotIn(rules_receipt.normalize(secret), receipt.secret_hash)
        self.assertTrue(receipt.secret_hash.startswith("scrypt$"))
        # Never mailed.
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search([("body_html", "ilike", rules_receipt.normalize(secret)[:8])])
        )
        # Follow up: redirected to the status page, which shows the report.
        response = self._follow(code, secret)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/whistleblow/status"))
        status = self.url_open("/whistleblow/status")
        self.assertEqual(status.status_code, 200)
        self.assertIn(ticket.wb_pseudonym, status.text)
        self.assertIn('data-step="received"', status.text)
        self.assertIn("o_wb_add_form", status.text)
        self.assertEqual(status.headers.get("Cache-Control"), "no-store")
        # Nothing of the intake user or the handlers on it.
        intake = self.company._complaint_intake_user()
        self.assertNotIn(intake.name, status.text)
        # Leaving forgets the report.
        self.url_open("/whistleblow/forget")
        response = self.url_open("/whistleblow/status", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/whistleblow/follow", response.headers["Location"])

    def test_real_name_report_sealed(self):
        """Real-name report: the name and contact are sealed in
        whistleblower.identity, never on the ticket nor on the status page
        (S000-R018, S002-R060)."""
        ticket, code, secret, _html = self._submit_ok(
            complainant_anonymous=None,
            wb_identity_name=REPORTER_NAME,
            wb_identity_phone=REPORTER_PHONE,
            wb_identity_email=REPORTER_EMAIL,
            wb_subject_rank="senior",
        )
        self.assertFalse(ticket.complainant_anonymous)
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.partner_name)
        self.assertFalse(ticket.partner_email)
        self.assertFalse(ticket.complainant_phone)
        self.assertTrue(ticket.wb_has_identity)
        self.assertEqual(ticket.wb_subject_rank, "senior")
        identity = (
            self.env["whistleblower.identity"]
            .sudo()
            .search([("ticket_id", "=", ticket.id)])
        )
        self.assertEqual(identity.name, REPORTER_NAME)
        self.assertEqual(identity.phone, REPORTER_PHONE)
        self.assertEqual(identity.email, REPORTER_EMAIL)
        self.assertEqual(self._follow(code, secret).status_code, 303)
        page = self.url_open("/whistleblow/status").text
        self.assertIn(ticket.wb_pseudonym, page)
        for value in (REPORTER_NAME, REPORTER_PHONE, REPORTER_EMAIL):
            self.assertNotIn(value, page)
            self.assertNotIn(value, ticket.display_name)

    def test_anonymous_drops_identity_inputs(self):
        """With "anonymous" ticked the identity inputs are hidden: what was
        typed there is not sent with the report (S000-R018)."""
        ticket, *_rest = self._submit_ok(wb_identity_name=REPORTER_NAME)
        self.assertTrue(ticket.complainant_anonymous)
        self.assertFalse(ticket.wb_has_identity)
        self.assertFalse(
            self.env["whistleblower.identity"]
            .sudo()
            .search([("ticket_id", "=", ticket.id)])
        )

    def test_bad_input_keeps_the_form(self):
        """A real-name report without a name, a forbidden file type, a
        missing subject: the form again with the message and what was typed,
        nothing created, never a traceback."""
        page = self.url_open("/whistleblow").text
        for element in ('id="wb_name"', 'id="wb_description"', 'id="wb_subject"'):
            self.assertIn(element, page)
        before = self.Ticket.search_count([])
        receipts = self.Receipt.search_count([])
        response = self._submit(
            complainant_anonymous=None, wb_identity_phone=REPORTER_PHONE
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("needs the reporter", self._error(response))
        self.assertIn(f'value="{REPORTER_PHONE}"', response.text)
        self.assertIn('value="Kickbacks in purchasing"', response.text)
        self.assertIn("The buyer of workshop 3 takes cash.", response.text)
        anonymous = re.search(r'<input[^>]*id="wb_anonymous"[^>]*>', response.text)
        self.assertNotIn("checked", anonymous.group(0))
        self.assertNotIn("Traceback", response.text)

        response = self._submit(
            files=[("attachments", ("evidence.exe", b"MZ...", "application/x-msdos"))]
        )
        self.assertEqual(response.status_code, 200)
        error = self._error(response)
        self.assertIn(".exe", error)
        self.assertIn(".pdf", error)
        self.assertIn('value="Purchasing office"', response.text)
        self.assertIn('<option value="middle" selected="selected"', response.text)

        response = self._submit(name="  ")
        self.assertIn("subject", self._error(response))

        self.assertEqual(self.Ticket.search_count([]), before)
        self.assertEqual(self.Receipt.search_count([]), receipts)

    def test_allowed_attachment_neutral_name(self):
        """An allowed file is attached under the pseudonym, not its name."""
        ticket, *_rest = self._submit_ok(
            files=[
                (
                    "attachments",
                    ("Zhao Lihua evidence.pdf", b"%PDF-1.4 x", "application/pdf"),
                )
            ]
        )
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)])
        )
        self.assertEqual(attachments.mapped("name"), [f"{ticket.wb_pseudonym}-1.pdf"])

    def test_csrf_required(self):
        """A POST without the form's token is refused, nothing created."""
        before = self.Ticket.search_count([])
        response = self.url_open(
            "/whistleblow",
            data={"name": "x", "description": "y", "complainant_anonymous": "1"},
        )
        self.assertEqual(response.status_code, 400)
        response = self.url_open(
            "/whistleblow/follow", data={"code": "ABCD", "secret": "EFGH"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.Ticket.search_count([]), before)
        self.assertFalse(self.Attempt.search([]))

    def test_company_parameter(self):
        """``company`` picks the company receiving the report; an unknown
        one is a 404, not a report filed elsewhere."""
        other = self.env["res.company"].create({"name": "Whistle Branch"})
        page = self.url_open(f"/whistleblow?company={other.id}")
        self.assertIn(f'name="company" value="{other.id}"', page.text)
        ticket, *_rest = self._submit_ok(company=str(other.id))
        self.assertEqual(ticket.company_id, other)
        self.assertEqual(self.url_open("/whistleblow?company=999999").status_code, 404)
        self.assertEqual(self.url_open("/whistleblow?company=x").status_code, 404)
        self.assertEqual(
            self.url_open(f"/whistleblow?company={2**40}").status_code, 404
        )

    def test_refusals_are_identical(self):
        """A wrong secret, an unknown code and a malformed code get the same
        bytes (S000-R018: no oracle of which codes exist), no status."""
        _ticket, code, secret, _html = self._submit_ok()
        wrong_secret = self._error(self._follow(code, self._wrong(secret)))
        unknown = self._error(self._follow(rules_receipt.new_code(), secret))
        malformed = self._error(self._follow("nope", "nope"))
        self.assertEqual(wrong_secret, unknown)
        self.assertEqual(wrong_secret, malformed)
        # The code typed is kept, the secret never sent back.
        response = self._follow(code, self._wrong(secret))
        self.assertIn(f'value="{code}"', response.text)
        self.assertNotIn(self._wrong(secret), response.text)
        self.assertEqual(
            self.url_open("/whistleblow/status", allow_redirects=False).status_code,
            303,
        )

    def test_code_locked_after_five_failures(self):
        """5 failures in 15 minutes lock the code: the right secret is then
        refused with the same message, without even a lookup; another code
        from the same address still works; the lock ends with the window."""
        _ticket, code, secret, _html = self._submit_ok()
        _other, other_code, other_secret, _html = self._submit_ok()
        refusal = self._error(self._follow(code, self._wrong(secret)))
        for _attempt in range(throttle.PER_CODE.max_failures - 1):
            self._follow(code, self._wrong(secret))
        normalized = rules_receipt.normalize(code)
        self.assertEqual(self.Attempt.search_count([("code", "=", normalized)]), 5)
        Receipt = self.registry["whistleblower.receipt"]
        original = Receipt._lookup
        calls = []

        def spy(model, code, secret):
            calls.append(code)
            return original(model, code, secret)

        with patch.object(Receipt, "_lookup", spy):
            response = self._follow(code, secret)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(self._error(response), refusal)
            self.assertEqual(calls, [], "no lookup while locked")
            # Refused attempts are not failures.
            self.assertEqual(self.Attempt.search_count([("code", "=", normalized)]), 5)
            # The address is not locked: another report opens.
            self.assertEqual(self._follow(other_code, other_secret).status_code, 303)
            self.assertEqual(len(calls), 1)
        # After the window, the code opens again.
        Attempt = self.registry["whistleblower.follow.attempt"]
        later = datetime.now(UTC) + throttle.PER_CODE.window + timedelta(seconds=5)
        with patch.object(Attempt, "_now", lambda model: later):
            self.assertEqual(self._follow(code, secret).status_code, 303)

    def test_address_locked_after_twenty_failures(self):
        """20 failures in an hour from one address lock it for every code,
        the right one included; the address is stored as a salted hash
        only."""
        _ticket, code, secret, _html = self._submit_ok()
        token = self._csrf("/whistleblow/follow")
        for _attempt in range(throttle.PER_ADDRESS.max_failures):
            self.url_open(
                "/whistleblow/follow",
                data={
                    "csrf_token": token,
                    "code": rules_receipt.new_code(),
                    "secret": rules_receipt.new_secret(),
                },
                allow_redirects=False,
            )
        attempts = self.Attempt.search([])
        self.assertEqual(len(attempts), 20)
        uuid = self.env["ir.config_parameter"].sudo().get_param("database.uuid")
        expected = hashlib.sha256(f"{uuid}:127.0.0.1".encode()).hexdigest()
        self.assertEqual(set(attempts.mapped("address_hash")), {expected})
        for attempt in attempts.read(["code", "address_hash", "success"]):
            self.assertNotIn("127.0.0.1", str(attempt))
        Receipt = self.registry["whistleblower.receipt"]
        with patch.object(Receipt, "_lookup", side_effect=AssertionError("looked up")):
            response = self._follow(code, secret)
        self.assertEqual(response.status_code, 200)
        self.assertIn("too many attempts", self._error(response))
        self.assertEqual(len(self.Attempt.search([])), 20)

    def test_add_information(self):
        """What the reporter adds is a message of the neutral reporter
        partner, its files under the pseudonym (S000-R018)."""
        ticket, code, secret, _html = self._submit_ok()
        self.assertEqual(self._follow(code, secret).status_code, 303)
        response = self._post(
            "/whistleblow/status",
            {"text": "He also had the supplier pay for a holiday."},
            files=[("attachments", ("receipt.jpg", b"\xff\xd8\xff", "image/jpeg"))],
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("added=1", response.headers["Location"])
        message = ticket.message_ids.filtered(
            lambda m: "supplier pay for a holiday" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(
            message.author_id, self.env.ref("whistleblower_reward.partner_reporter")
        )
        self.assertEqual(
            message.attachment_ids.mapped("name"), [f"{ticket.wb_pseudonym}-1.jpg"]
        )
        page = self.url_open("/whistleblow/status?added=1").text
        self.assertIn("o_wb_added", page)
        # Empty input: the message again, the status page kept.
        response = self._post("/whistleblow/status", {"text": "  "})
        self.assertIn("Write something", self._error(response))
        self.assertIn(ticket.wb_pseudonym, response.text)

    def test_follow_up_expires(self):
        """The verified follow-up lasts 30 minutes in the session."""
        _ticket, code, secret, _html = self._submit_ok()
        self.assertEqual(self._follow(code, secret).status_code, 303)
        self.assertEqual(self.url_open("/whistleblow/status").status_code, 200)
        later = time.time() + wb_main.FOLLOW_SECONDS + 5
        with patch.object(wb_main, "time", SimpleNamespace(time=lambda: later)):
            response = self.url_open("/whistleblow/status", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/whistleblow/follow", response.headers["Location"])

    def test_nothing_secret_in_the_logs(self):
        """Neither the code nor the secret reaches a log line, and the
        access log keeps no address for these pages (S000-R018)."""
        capture = _Capture()
        root = logging.getLogger()
        loggers = [
            logging.getLogger(name)
            for name in ("werkzeug", "odoo.http", "odoo.addons.whistleblower_reward")
        ]
        levels = [logger.level for logger in loggers]
        root.addHandler(capture)
        try:
            for logger in loggers:
                logger.setLevel(logging.DEBUG)
            _ticket, code, secret, _html = self._submit_ok()
            self._follow(code, self._wrong(secret))
            self._follow(code, secret)
        finally:
            root.removeHandler(capture)
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)
        text = "\n".join(capture.lines)
        self.assertIn("/whistleblow/follow", text, "the access log was captured")
        for value in (
            code,
            secret,
            rules_receipt.normalize(code),
            rules_receipt.normalize(secret),
        ):
            self.assertNotIn(value, text)
        for line in capture.lines:
            if "/whistleblow" in line:
                self.assertNotIn("127.0.0.1", line)

    def test_purge_attempts(self):
        """The cron deletes attempts older than a day, keeps the others."""
        self.Attempt._record_failure("ABCD", "10.0.0.1")
        old = self.Attempt.create({"code": "OLD", "address_hash": "x"})
        self.env.cr.execute(
            "UPDATE whistleblower_follow_attempt SET create_date = %s WHERE id = %s",
            [old.create_date - timedelta(days=2), old.id],
        )
        self.env.invalidate_all()
        cron = self.env.ref("whistleblower_reward.ir_cron_follow_attempt_purge")
        cron.sudo().method_direct_trigger()
        self.assertFalse(old.exists())
        self.assertEqual(self.Attempt.search([]).mapped("code"), ["ABCD"])


@tagged("post_install", "-at_install", "is_tour")
class TestPublicTour(PublicFormCase):
    def test_public_tour(self):
        """In Chromium, without login: submit anonymously, follow up with a
        wrong secret (refused), then the right one, add information, leave."""
        before = self.Ticket.search([])
        self.start_tour("/whistleblow", "whistleblower_public_tour", login=None)
        ticket = self.Ticket.search([]) - before
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.name, "Tour: kickbacks in purchasing")
        self.assertTrue(ticket.complainant_anonymous)
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.wb_subject_rank, "middle")
        receipt = self.Receipt.search([("ticket_id", "=", ticket.id)])
        # One failure recorded: the wrong secret of the tour.
        self.assertEqual(self.Attempt.search([]).mapped("code"), [receipt.code])
        added = ticket.message_ids.filtered(
            lambda m: "pay for his holiday" in (m.body or "")
        )
        self.assertEqual(
            added.author_id, self.env.ref("whistleblower_reward.partner_reporter")
        )

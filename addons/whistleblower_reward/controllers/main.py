# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reporter's side without login (issue 12, intake and follow-up).

* ``/whistleblow``: the report form (anonymous by default, real-name
  optional, evidence files of the allowed types); on success the pseudonym,
  the receipt code and the secret, shown once in the response body only:
  never stored in clear, never mailed, never logged, never in a URL
  (S000-R018, S002-R058).
* ``/whistleblow/follow``: code and secret. Rate-limited per code and per
  client address (``complaint_rules.reward.throttle``); a locked key, an
  unknown or expired code and a wrong secret all get the same message, and a
  locked key is refused without even looking the code up (S000-R018,
  S002-R059: nothing tells whether a code exists).
* ``/whistleblow/status``: while the session holds a verified follow-up (30
  minutes), the report's public status, the answers, and an "add
  information" form; nothing naming the reporter or the handlers
  (S002-R060).

Every form is a POST with Odoo's CSRF token; bad input shows the form again
with the message and what was typed (files apart), never a traceback.

The routes are ``website=True``: for ``http_routing`` (a dependency of
``portal``, not the ``website`` module) this marks them as frontend pages, which
the frontend layout needs (languages, the visitor's language from the
browser or a ``/zh_CN/...`` prefix)."""

import logging
import time

from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.tools import plaintext2html

from odoo.addons.complaint_core.tools import local_time_text

from complaint_rules.reward.receipt import format_code

from ..models.helpdesk_ticket_intake import (
    ALLOWED_EXTENSIONS,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
)

# Inputs of the report form kept when it is shown again after an error.
REPORT_FIELDS = (
    "name",
    "description",
    "wb_subject",
    "wb_subject_rank",
    "wb_identity_name",
    "wb_identity_phone",
    "wb_identity_email",
    "wb_identity_address",
    "wb_identity_note",
)
IDENTITY_FIELDS = tuple(name for name in REPORT_FIELDS if name.startswith("wb_id"))
# Longest text accepted per input (a form is no upload channel).
MAX_CHARS = {"description": 20000, "wb_identity_note": 4000}
MAX_CHARS_DEFAULT = 256
# The session key of a verified follow-up and how long it lasts.
FOLLOW_KEY = "wb_follow"
FOLLOW_SECONDS = 30 * 60
# Pages showing a code, a secret or a report's status are never cached nor
# sent as a referrer.
PRIVATE_HEADERS = {
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


class _HideReporterAddress(logging.Filter):
    """The access log (``werkzeug``) keeps no client address for these
    pages: with the report's creation time it would tie a report to an
    address (S000-R018). Other requests are logged as before."""

    def filter(self, record):
        args = record.args if isinstance(record.args, tuple) else ()
        msg = record.msg if isinstance(record.msg, str) else ""
        if args and "/whistleblow" in str(args[0]) and " - - [" in msg:
            record.msg = "-" + msg[msg.index(" - - [") :]
        return True


def _install_log_filter():
    werkzeug_logger = logging.getLogger("werkzeug")
    if not any(
        type(item).__name__ == _HideReporterAddress.__name__
        for item in werkzeug_logger.filters
    ):
        werkzeug_logger.addFilter(_HideReporterAddress())


_install_log_filter()


def _private(response):
    for name, value in PRIVATE_HEADERS.items():
        response.headers[name] = value
    return response


class WhistleblowerController(http.Controller):
    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _wb_company(self, company_id=None):
        """The company the report goes to: ``company`` (an id) when given
        and valid, else the public user's company. An unknown id is a 404,
        not a silent redirection of the report to another company."""
        Company = request.env["res.company"].sudo()
        if company_id:
            try:
                number = int(company_id)
            except (TypeError, ValueError):
                number = 0
            company = Company.browse(number).exists() if 0 < number < 2**31 else Company
            if not company:
                raise NotFound()
            return company
        return request.env.company.sudo() or request.env.ref("base.main_company").sudo()

    def _wb_files(self, field="attachments"):
        """The uploaded files as ``(filename, bytes)``; empty inputs skipped.
        A file is read up to one byte over the limit, enough for the check
        to refuse it; beyond the count limit files are not read at all."""
        storages = [
            storage
            for storage in request.httprequest.files.getlist(field)
            if storage and storage.filename
        ]
        if len(storages) > MAX_ATTACHMENTS:
            return [(storage.filename, b"") for storage in storages]
        return [
            (storage.filename, storage.read(MAX_ATTACHMENT_BYTES + 1))
            for storage in storages
        ]

    def _wb_clip(self, name, value):
        value = value if isinstance(value, str) else ""
        return value[: MAX_CHARS.get(name, MAX_CHARS_DEFAULT)]

    def _wb_error_text(self, error):
        return error.args[0] if error.args else str(error)

    # ------------------------------------------------------------------
    # The report form
    # ------------------------------------------------------------------
    def _wb_ranks(self):
        field = request.env["helpdesk.ticket"]._fields["wb_subject_rank"]
        return field._description_selection(request.env)

    def _wb_form_values(self, company, form, error=False):
        return {
            "title": request.env._("Report a concern"),
            "res_company": company,
            "wb_company": company,
            "wb_form": form,
            "wb_error": error,
            "wb_ranks": self._wb_ranks(),
            **self._wb_file_limits(),
        }

    @staticmethod
    def _wb_file_limits():
        """What the file inputs accept (the server checks it again)."""
        return {
            "wb_accept": ",".join(sorted(ALLOWED_EXTENSIONS)),
            "wb_max_files": MAX_ATTACHMENTS,
            "wb_max_mb": MAX_ATTACHMENT_BYTES // (1024 * 1024),
        }

    @http.route(
        "/whistleblow",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
        csrf=True,
    )
    def whistleblow(self, company=None, **post):
        """The report form (GET) and its submission (POST)."""
        wb_company = self._wb_company(company)
        if request.httprequest.method != "POST":
            form = {"complainant_anonymous": True, "wb_subject_rank": "ordinary"}
            return _private(
                request.render(
                    "whistleblower_reward.whistleblow_form",
                    self._wb_form_values(wb_company, form),
                )
            )
        form = {name: self._wb_clip(name, post.get(name)) for name in REPORT_FIELDS}
        form["complainant_anonymous"] = bool(post.get("complainant_anonymous"))
        values = {
            name: form[name].strip() for name in REPORT_FIELDS if form[name].strip()
        }
        values["complainant_anonymous"] = form["complainant_anonymous"]
        if values["complainant_anonymous"]:
            # The identity inputs are hidden while "anonymous" is ticked:
            # what was typed there before is not sent with the report.
            for name in IDENTITY_FIELDS:
                values.pop(name, None)
        try:
            with request.env.cr.savepoint():
                if not values.get("name") or not values.get("description"):
                    raise ValidationError(
                        request.env._("Give the report a subject and describe it.")
                    )
                if values.get("wb_subject_rank") not in dict(self._wb_ranks()):
                    values.pop("wb_subject_rank", None)
                values["description"] = plaintext2html(values["description"])
                files = self._wb_files()
                ticket, code, secret = request.env["helpdesk.ticket"]._wb_submit(
                    values, files=files, company=wb_company
                )
        except (ValidationError, UserError) as error:
            return _private(
                request.render(
                    "whistleblower_reward.whistleblow_form",
                    self._wb_form_values(
                        wb_company, form, error=self._wb_error_text(error)
                    ),
                )
            )
        # Nothing logged: no code, no secret, no identity, and no line whose
        # time would tie the report to an address of the access log.
        return _private(
            request.render(
                "whistleblower_reward.whistleblow_receipt",
                {
                    "title": request.env._("Report received"),
                    "res_company": wb_company,
                    "wb_pseudonym": ticket.sudo().wb_pseudonym,
                    "wb_code": format_code(code),
                    "wb_secret": format_code(secret),
                },
            )
        )

    # ------------------------------------------------------------------
    # Follow-up
    # ------------------------------------------------------------------
    def _wb_refused(self):
        """The one message for a wrong secret, an unknown or expired code and
        a locked code or address (S000-R018: no oracle of codes)."""
        return request.env._(
            "The code or the secret is wrong, or there were too many attempts. "
            "Check what you typed and try again later."
        )

    def _wb_follow_form(self, code="", error=False):
        return _private(
            request.render(
                "whistleblower_reward.whistleblow_follow",
                {
                    "title": request.env._("Follow a report"),
                    "wb_code": code,
                    "wb_error": error,
                },
            )
        )

    @http.route(
        "/whistleblow/follow",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
        csrf=True,
    )
    def whistleblow_follow(self, code="", secret="", **_kw):
        """Code and secret (POST): a verified follow-up in the session, or the
        one refusal."""
        if request.httprequest.method != "POST":
            return self._wb_follow_form()
        code = self._wb_clip("code", code)
        secret = self._wb_clip("secret", secret)
        address = request.httprequest.remote_addr
        Attempt = request.env["whistleblower.follow.attempt"].sudo()
        Attempt._lock(code, address)
        ticket = request.env["helpdesk.ticket"]
        if Attempt._decide(code, address).allowed:
            ticket = request.env["whistleblower.receipt"]._lookup(code, secret)
            if not ticket:
                Attempt._record_failure(code, address)
        if not ticket:
            return self._wb_follow_form(code=code, error=self._wb_refused())
        request.session[FOLLOW_KEY] = {"ticket": ticket.id, "at": time.time()}
        # A new session id once verified: a session planted before cannot
        # read the report.
        request.session.should_rotate = True
        return request.redirect("/whistleblow/status")

    def _wb_followed(self):
        """The report of the session's verified follow-up, or None (none,
        expired after FOLLOW_SECONDS, or its code expired since)."""
        data = request.session.get(FOLLOW_KEY)
        if not isinstance(data, dict):
            return None
        started = data.get("at")
        if not isinstance(started, int | float) or not (
            0 <= time.time() - started <= FOLLOW_SECONDS
        ):
            request.session.pop(FOLLOW_KEY, None)
            return None
        ticket = (
            request.env["helpdesk.ticket"].sudo().browse(data.get("ticket")).exists()
        )
        live = (
            request.env["whistleblower.receipt"]
            .sudo()
            .search_count(
                [
                    ("ticket_id", "=", ticket.id),
                    "|",
                    ("expires_at", "=", False),
                    ("expires_at", ">", fields.Datetime.now()),
                ],
                limit=1,
            )
        )
        if not ticket or not live:
            request.session.pop(FOLLOW_KEY, None)
            return None
        return ticket

    def _wb_status_values(self, ticket):
        """``_wb_public_status()`` with its times as people read them (the
        company's zone)."""
        status = dict(ticket._wb_public_status())
        tz = ticket.company_id.partner_id.tz
        status["step_code"] = ticket.complaint_step or ""
        status["received_text"] = (
            local_time_text(status["received"], tz) if status.get("received") else ""
        )
        status["answers"] = [
            (local_time_text(date, tz) if date else "", body)
            for date, body in status.get("answers") or []
        ]
        return status

    def _wb_status_page(self, ticket, text="", error=False, added=False):
        return _private(
            request.render(
                "whistleblower_reward.whistleblow_status",
                {
                    "title": request.env._("Your report"),
                    "res_company": ticket.company_id,
                    "wb_status": self._wb_status_values(ticket),
                    "wb_text": text,
                    "wb_error": error,
                    "wb_added": added,
                    **self._wb_file_limits(),
                },
            )
        )

    @http.route(
        "/whistleblow/status",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
        csrf=True,
    )
    def whistleblow_status(self, text="", added=None, **_kw):
        """The report's status (GET); information added (POST)."""
        ticket = self._wb_followed()
        if not ticket:
            return request.redirect("/whistleblow/follow")
        if request.httprequest.method != "POST":
            return self._wb_status_page(ticket, added=bool(added))
        text = self._wb_clip("description", text)
        try:
            with request.env.cr.savepoint():
                if ticket.closed:
                    raise UserError(
                        request.env._(
                            "This report is closed: information can no longer be added."
                        )
                    )
                ticket._wb_add_information(text, self._wb_files())
        except (ValidationError, UserError) as error:
            return self._wb_status_page(
                ticket, text=text, error=self._wb_error_text(error)
            )
        return request.redirect("/whistleblow/status?added=1")

    @http.route(
        "/whistleblow/forget",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
    )
    def whistleblow_forget(self, **_kw):
        """Leave the follow-up: the session forgets the report."""
        request.session.pop(FOLLOW_KEY, None)
        return request.redirect("/whistleblow/follow")

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Intake and follow-up of reports without login: what the public
controllers call."""

import base64
import mimetypes
import os

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.complaint_core.integrity import lifecycle

# Attachments a reporter may send (S002-R058: evidence with the report).
ALLOWED_EXTENSIONS = frozenset(
    {
        ".pdf",
        ".jpg",
        ".jpeg",
        ".png",
        ".txt",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".mp3",
        ".m4a",
        ".mp4",
        ".zip",
    }
)
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
# Codes live while the report is open and this long after it closes.
CODE_DAYS_AFTER_CLOSE = 365


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    @api.model
    def _wb_check_attachments(self, files):
        """``files``: list of (filename, bytes). Clear errors, never a
        traceback."""
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(
                self.env._(
                    "At most %(count)s files can be attached.", count=MAX_ATTACHMENTS
                )
            )
        for filename, content in files:
            ext = os.path.splitext(filename or "")[1].lower()
            if ext not in ALLOWED_EXTENSIONS:
                raise ValidationError(
                    self.env._(
                        "Files of type %(ext)s cannot be attached; allowed: "
                        "%(allowed)s.",
                        ext=ext or "?",
                        allowed=", ".join(sorted(ALLOWED_EXTENSIONS)),
                    )
                )
            if len(content) > MAX_ATTACHMENT_BYTES:
                raise ValidationError(
                    self.env._(
                        "A file may not exceed %(mb)s MB.",
                        mb=MAX_ATTACHMENT_BYTES // (1024 * 1024),
                    )
                )

    def _wb_attach(self, files):
        """Attach the reporter's files under neutral names (the pseudonym and
        a number: a file name can name its author)."""
        self.ensure_one()
        self._wb_check_attachments(files)
        Attachment = self.env["ir.attachment"].sudo()
        start = Attachment.search_count(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.id)]
        )
        attachments = Attachment
        for number, (filename, content) in enumerate(files, start=start + 1):
            ext = os.path.splitext(filename)[1].lower()
            name = f"{self.wb_pseudonym}-{number}{ext}"
            attachments |= Attachment.create(
                {
                    "name": name,
                    "datas": base64.b64encode(content),
                    "res_model": "helpdesk.ticket",
                    "res_id": self.id,
                    "mimetype": mimetypes.guess_type(name)[0]
                    or "application/octet-stream",
                }
            )
        return attachments

    @api.model
    def _wb_submit(self, values, files=(), company=None):
        """File a report from the public form: ``values`` holds ``name``
        (subject), ``description``, ``wb_subject``, ``wb_subject_rank``,
        ``complainant_anonymous`` and, for a real-name report, the
        ``wb_identity_*`` inputs. Runs as the company's intake user. Returns
        ``(ticket, code, secret)``; code and secret are shown once."""
        company = company or self.env.company
        self._wb_check_attachments(list(files))
        intake = company.sudo()._complaint_intake_user()
        allowed = {
            "name",
            "description",
            "wb_subject",
            "wb_subject_rank",
            "complainant_anonymous",
            "classification_id",
            *[
                "wb_identity_name",
                "wb_identity_phone",
                "wb_identity_email",
                "wb_identity_address",
                "wb_identity_note",
            ],
        }
        vals = {key: value for key, value in values.items() if key in allowed}
        vals.update(complaint_kind="report", company_id=company.id)
        if company.complaint_team_id:
            vals["team_id"] = company.complaint_team_id.id
        channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_web", raise_if_not_found=False
        )
        if channel:
            vals["channel_id"] = channel.id
        Ticket = self.with_user(intake).with_company(company).sudo()
        ticket = Ticket.create(vals)
        ticket._wb_attach(list(files))
        code, secret = self.env["whistleblower.receipt"]._issue(ticket)
        return ticket.with_env(self.env), code, secret

    def _wb_add_information(self, text, files=()):
        """The reporter adds information through the follow-up page."""
        self.ensure_one()
        text = (text or "").strip()
        if not text and not files:
            raise ValidationError(self.env._("Write something or attach a file."))
        ticket = self.sudo()
        attachments = ticket._wb_attach(list(files)) if files else None
        author = self.env.ref("whistleblower_reward.partner_reporter")
        message = ticket.message_post(
            body=text or self.env._("Files added by the reporter."),
            author_id=author.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        if attachments:
            # Linked here: message_post drops attachment_ids a public user
            # did not upload through the composer (the public follow-up page
            # runs as the public user).
            message.sudo().attachment_ids = [Command.link(a.id) for a in attachments]
        return True

    def _wb_public_status(self):
        """What the reporter sees: no names, no contacts, no internal notes."""
        self.ensure_one()
        ticket = self.sudo()
        answers = ticket.message_ids.filtered(
            lambda m: (
                m.message_type == "comment"
                and m.subtype_id == self.env.ref("mail.mt_comment")
            )
        )
        return {
            "pseudonym": ticket.wb_pseudonym,
            "step": dict(
                ticket._fields["complaint_step"]._description_selection(self.env)
            ).get(ticket.complaint_step, ""),
            "received": ticket.date_received,
            "reply": ticket.reply_content or "",
            "answers": [(m.date, m.body) for m in answers.sorted("date")],
            "closed": bool(ticket.closed),
        }

    def _wb_expire_codes(self):
        """On closing, codes live on for CODE_DAYS_AFTER_CLOSE days."""
        receipts = (
            self.env["whistleblower.receipt"]
            .sudo()
            .search([("ticket_id", "in", self.ids), ("expires_at", "=", False)])
        )
        if receipts:
            lifecycle(receipts).write(
                {
                    "expires_at": fields.Datetime.add(
                        fields.Datetime.now(), days=CODE_DAYS_AFTER_CLOSE
                    )
                }
            )

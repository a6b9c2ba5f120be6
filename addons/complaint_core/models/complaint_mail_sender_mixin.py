# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import formataddr


class ComplaintMailSenderMixin(models.AbstractModel):
    """Chatter for users without a mailbox.

    Branch clerks often have no e-mail address; mail refuses their notes,
    dispatches and approvals ("configure the sender's e-mail"). The message
    keeps the user as author and takes the sender address from the
    record's company (or the server's default sender)."""

    _name = "complaint.mail.sender.mixin"
    _description = "Complaint Sender Address Fallback"
    _inherit = ["mail.thread"]

    def _message_compute_author(
        self, author_id=None, email_from=None, raise_on_email=True
    ):
        author_id, email_from = super()._message_compute_author(
            author_id, email_from, raise_on_email=False
        )
        if not email_from and author_id:
            email_from = self._complaint_sender_address(author_id)
        if not email_from and raise_on_email and not self.env.su:
            raise UserError(
                self.env._(
                    "Unable to send message: neither you nor your company has "
                    "an e-mail address; ask an administrator to set the "
                    "company's e-mail."
                )
            )
        return author_id, email_from

    def _complaint_sender_address(self, author_id):
        company = (
            self[:1].company_id if "company_id" in self._fields else None
        ) or self.env.company
        address = (
            company.sudo().email
            or self.env["ir.mail_server"].sudo()._get_default_from_address()
        )
        if not address:
            return False
        name = self.env["res.partner"].sudo().browse(author_id).name or company.name
        return formataddr((name, address))

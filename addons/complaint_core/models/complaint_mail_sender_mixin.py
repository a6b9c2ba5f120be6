# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.tools import formataddr


class ComplaintMailSenderMixin(models.AbstractModel):
    """Chatter for users without a mailbox.

    Branch clerks often have no e-mail address; mail refuses their notes,
    dispatches and approvals ("configure the sender's e-mail"). The message
    keeps the user as author and takes the sender address from the record's
    company, else its nearest parent company, else the server's default
    sender. With none of these, the message is saved all the same: an
    outgoing mail takes the mail server's sender when it is sent, and a
    clerk's work is never blocked by a missing mailbox."""

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
        return author_id, email_from

    def _complaint_sender_address(self, author_id):
        record_company = (
            self[:1].company_id if "company_id" in self._fields else None
        ) or self.env.company
        company, address = record_company.sudo(), False
        while company and not address:
            address, company = company.email, company.parent_id
        address = (
            address or self.env["ir.mail_server"].sudo()._get_default_from_address()
        )
        if not address:
            return False
        name = (
            self.env["res.partner"].sudo().browse(author_id).name or record_company.name
        )
        return formataddr((name, address))

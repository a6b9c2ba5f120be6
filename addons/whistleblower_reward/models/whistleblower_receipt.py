# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from complaint_rules.reward import receipt as rules_receipt


class WhistleblowerReceipt(models.Model):
    """A report's receipt code and the salted hash of its secret (never the
    secret). Nobody reads this model but the server's own code: the code's
    only use is :meth:`_lookup`, which does the same work whether a code
    exists or not (S000-R018)."""

    _name = "whistleblower.receipt"
    _description = "Report Receipt Code"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    code = fields.Char(required=True, index=True)
    secret_hash = fields.Char(required=True)
    expires_at = fields.Datetime(help="Empty while the report is open.")

    _sql_constraints = [("code_uniq", "unique(code)", "Receipt codes are unique.")]

    @api.model
    def _issue(self, ticket):
        """A new code and secret for ``ticket``: ``(code, secret)`` in clear,
        to show once; only the hash is stored."""
        secret = rules_receipt.new_secret()
        digest = rules_receipt.hash_secret(secret)
        for _attempt in range(5):
            code = rules_receipt.new_code()
            if not self.sudo().search_count([("code", "=", code)], limit=1):
                break
        self.sudo().create(
            {"ticket_id": ticket.id, "code": code, "secret_hash": digest}
        )
        return code, secret

    @api.model
    def _lookup(self, code, secret):
        """The report of a code and secret, or an empty recordset: a wrong
        secret, an unknown or expired code give the same answer after the
        same work (one scrypt)."""
        normalized = rules_receipt.normalize(code)
        row = self.browse()
        if rules_receipt.is_well_formed(normalized, rules_receipt.CODE_LENGTH):
            row = self.sudo().search([("code", "=", normalized)], limit=1)
        if row and row.expires_at and row.expires_at < fields.Datetime.now():
            row = self.browse()
        stored = row.secret_hash if row else None
        if rules_receipt.verify(secret, stored) and row:
            return row.ticket_id
        return self.env["helpdesk.ticket"]

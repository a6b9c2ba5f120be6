# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

EVENTS = [
    ("request", "Access requested"),
    ("grant", "Access granted"),
    ("refuse", "Access refused"),
    ("revoke", "Access revoked"),
    ("expire", "Access expired"),
    ("read", "Identity read"),
    ("export", "Identity exported"),
    ("purge", "Identity deleted"),
]


class WhistleblowerIdentityLog(models.Model):
    """Who did what with a sealed identity, and when: requests, grants,
    refusals and every read. Visible to the custodians; history, so nobody
    writes or deletes a line."""

    _name = "whistleblower.identity.log"
    _description = "Sealed Identity Access Log"
    _order = "id desc"
    _rec_name = "pseudonym"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", ondelete="set null", index=True, readonly=True
    )
    pseudonym = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True, index=True)
    identity_id = fields.Many2one(
        "whistleblower.identity", ondelete="set null", readonly=True
    )
    request_id = fields.Many2one(
        "whistleblower.identity.request", ondelete="set null", readonly=True
    )
    user_id = fields.Many2one("res.users", string="By", readonly=True, index=True)
    event = fields.Selection(EVENTS, required=True, readonly=True)
    fields_read = fields.Char(string="Details read", readonly=True)
    note = fields.Char(readonly=True)
    create_date = fields.Datetime(string="At", readonly=True)

    @api.model
    def _log(
        self,
        identities,
        event,
        fields_read=False,
        request=None,
        note=False,
        tickets=None,
    ):
        """One line per identity (or per ticket when there is none left)."""
        vals_list = []
        for identity in identities.sudo():
            vals_list.append(
                {
                    "ticket_id": identity.ticket_id.id,
                    "pseudonym": identity.pseudonym,
                    "company_id": identity.company_id.id,
                    "identity_id": identity.id,
                    "request_id": request.id if request else False,
                    "user_id": self.env.uid,
                    "event": event,
                    "fields_read": fields_read,
                    "note": note,
                }
            )
        for ticket in (tickets or self.env["helpdesk.ticket"]).sudo():
            vals_list.append(
                {
                    "ticket_id": ticket.id,
                    "pseudonym": ticket.wb_pseudonym,
                    "company_id": ticket.company_id.id,
                    "request_id": request.id if request else False,
                    "user_id": self.env.uid,
                    "event": event,
                    "note": note,
                }
            )
        return self.sudo().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(self.env._("The identity access log cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if self:
            raise UserError(self.env._("The identity access log cannot be deleted."))
        return super().unlink()

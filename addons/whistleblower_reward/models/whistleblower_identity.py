# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# The fields that identify the reporter: each read is logged.
SEALED_FIELDS = frozenset({"name", "phone", "email", "address", "partner_id", "note"})


class WhistleblowerIdentity(models.Model):
    """The sealed identity of a real-name reporter (S000-R018, S002-R058..R060).

    Readable only by an investigator of the report's company holding a
    granted, unexpired identity-access request (record rule); nobody else
    has any access right on this model. No chatter, no followers, no portal:
    its display name is the report's pseudonym. Every read and export of its
    identifying fields is logged for the custodians."""

    _name = "whistleblower.identity"
    _description = "Sealed Reporter Identity"
    _rec_name = "pseudonym"
    _order = "id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True, readonly=True
    )
    pseudonym = fields.Char(related="ticket_id.wb_pseudonym", store=True)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True, index=True)
    name = fields.Char(string="Reporter's name")
    phone = fields.Char(string="Phone")
    email = fields.Char(string="E-mail")
    address = fields.Char()
    partner_id = fields.Many2one("res.partner", string="Contact", ondelete="set null")
    note = fields.Text(string="About the reporter")
    request_ids = fields.One2many(
        "whistleblower.identity.request", "identity_id", string="Access requests"
    )

    _sql_constraints = [
        ("ticket_uniq", "unique(ticket_id)", "A report has one sealed identity.")
    ]

    # ------------------------------------------------------------------
    # Every read of the sealed fields is logged
    # ------------------------------------------------------------------
    def _wb_log_read(self, fnames, event="read"):
        if self.env.su or not self:
            return
        read = sorted(SEALED_FIELDS & set(fnames or SEALED_FIELDS))
        if not read:
            return
        self.env["whistleblower.identity.log"]._log(
            self, event, fields_read=", ".join(read)
        )

    def _read_format(self, fnames, load="_classic_read"):
        self._wb_log_read(fnames)
        return super()._read_format(fnames, load=load)

    def export_data(self, fields_to_export):
        self._wb_log_read(
            [path.split("/")[0] for path in fields_to_export], event="export"
        )
        return super().export_data(fields_to_export)

    @api.model
    def _read_group(
        self,
        domain,
        groupby=(),
        aggregates=(),
        having=(),
        offset=0,
        limit=None,
        order=None,
    ):
        # Grouping by a sealed field lists identities without reading them.
        used = {spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)}
        if not self.env.su and used & SEALED_FIELDS:
            raise AccessError(
                self.env._("Sealed identities cannot be grouped by their details.")
            )
        return super()._read_group(
            domain, groupby, aggregates, having, offset, limit, order
        )

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.complaint_core.controllers.main import ComplaintTicketController


class WhistleblowerTicketController(ComplaintTicketController):
    def _get_create_new_ticket_values(self, **kw):
        """The customer portal files complaints, consultations, suggestions
        and praise; reports go to the confidential page (S000-R018)."""
        values = super()._get_create_new_ticket_values(**kw)
        values["complaint_kinds"] = [
            kind for kind in values.get("complaint_kinds") or [] if kind[0] != "report"
        ]
        values["whistleblow_url"] = "/whistleblow"
        return values

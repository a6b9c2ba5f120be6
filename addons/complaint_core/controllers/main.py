# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import suppress

import werkzeug

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.portal.controllers.portal import CustomerPortal


class ComplaintTicketController(HelpdeskTicketController):
    @http.route("/ticket/close", type="http", auth="user")
    def support_ticket_close(self, **kw):
        """Close a ticket from the portal, safely.

        helpdesk_mgmt looks the posted id up with sudo(), so any logged-in
        user could close anybody's ticket. Here the caller's access is checked
        first (read rules, or the portal access token), the target stage must
        be one offered to the portal, and the lifecycle transition is enforced
        by the ticket's write(); only that one write runs with sudo, because
        portal users have no write right on tickets.
        """
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
            stage_id = int(kw.get("stage_id") or 0)
        except ValueError:
            return request.redirect("/my/tickets")
        try:
            ticket = CustomerPortal()._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=kw.get("access_token")
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        stage = request.env["helpdesk.ticket.stage"].sudo().browse(stage_id).exists()
        if stage and stage.close_from_portal:
            conclusion = request.env.ref(
                "complaint_core.closing_conclusion_withdrawn", raise_if_not_found=False
            )
            vals = {"stage_id": stage.id}
            if stage.complaint_step == "closed" and conclusion:
                vals.update(
                    closing_conclusion_id=conclusion.id,
                    substantiation=ticket.substantiation or "unsubstantiated",
                )
            # sudo: the access check above passed; write() still enforces the
            # transition table for the complainant role. A refused move leaves
            # the ticket as it was and the portal page shows its real state.
            with suppress(UserError):
                ticket.with_context(complaint_role="complainant").write(vals)
        return werkzeug.utils.redirect(f"/my/ticket/{ticket.id}")

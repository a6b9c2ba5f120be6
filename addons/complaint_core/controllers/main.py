# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from urllib.parse import quote

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.portal.controllers.portal import CustomerPortal


class ComplaintTicketController(HelpdeskTicketController):
    """The complainant's state changes in the portal: POST with a CSRF token
    only (a link in any page must not close a ticket), on their own ticket,
    through the lifecycle (issue 9)."""

    @http.route("/ticket/close", type="http", auth="user", methods=["POST"])
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt's close button, kept for its URL: closing from the
        portal is the complainant's acceptance of the answer (S004-R126)."""
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
        except ValueError:
            return request.redirect("/my/tickets")
        return self._complaint_accept(ticket_id, kw.get("access_token"))

    @http.route(
        "/my/ticket/<int:ticket_id>/accept",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def complaint_ticket_accept(self, ticket_id, access_token=None, **kw):
        return self._complaint_accept(ticket_id, access_token)

    def _complaint_accept(self, ticket_id, access_token):
        try:
            ticket = CustomerPortal()._document_check_access(
                "helpdesk.ticket", ticket_id, access_token=access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        url = f"/my/ticket/{ticket.id}"
        if access_token:
            url += f"?access_token={quote(access_token)}"
        sep = "&" if "?" in url else "?"
        try:
            # complaint_accept runs as the portal user (its role is the
            # complainant's) and writes with sudo only what acceptance sets.
            ticket.with_user(request.env.user).sudo().complaint_accept()
        except UserError as exc:
            return request.redirect(f"{url}{sep}complaint_error={quote(str(exc))}")
        return request.redirect(f"{url}{sep}complaint_done=accepted")

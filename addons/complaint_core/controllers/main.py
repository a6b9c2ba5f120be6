# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import OrderedDict
from urllib.parse import quote

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.osv.expression import AND

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..models.helpdesk_ticket import STEP_DATE_FIELDS
from ..models.helpdesk_ticket_stage import COMPLAINT_STEPS

# Form fields of /new/ticket kept when the form is shown again after an
# error (files cannot be re-filled by a browser).
FORM_FIELDS = (
    "team",
    "category",
    "subject",
    "description",
    "complaint_kind",
    "complainant_phone",
    "complainant_anonymous",
)
STEP_ORDER = {step: index for index, (step, _label) in enumerate(COMPLAINT_STEPS)}


def complaint_step_history(ticket):
    """Each step the ticket reached, oldest first, as ``(date, label)``
    pairs: the step dates the lifecycle stores, the closing date and the
    complainant's acceptance."""
    env = ticket.env
    labels = dict(ticket._fields["complaint_step"]._description_selection(env))
    events = [
        (ticket[field], STEP_ORDER[step], labels[step])
        for step, field in STEP_DATE_FIELDS.items()
        if ticket[field]
    ]
    if ticket.complaint_step == "closed" and ticket.closed_date:
        events.append((ticket.closed_date, STEP_ORDER["closed"], labels["closed"]))
    if ticket.date_accepted:
        events.append(
            (ticket.date_accepted, STEP_ORDER["revisit"], env._("Answer accepted"))
        )
    return [(date, label) for date, _order, label in sorted(events)]


class ComplaintTicketController(HelpdeskTicketController):
    """The complainant's side of the portal: the new-ticket form asks what
    intake needs, and state changes are POST with a CSRF token only (a link
    in any page must not close a ticket), on their own ticket, through the
    lifecycle (issue 9, issue 11)."""

    # ------------------------------------------------------------------
    # New ticket
    # ------------------------------------------------------------------
    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        ticket_model = request.env["helpdesk.ticket"]
        partner = request.env.user.partner_id
        form = {name: kw[name] for name in FORM_FIELDS if kw.get(name)}
        if "subject" not in kw:
            # First display: the complainant's own phone, the default kind.
            form.setdefault("complainant_phone", partner.phone or partner.mobile or "")
            form.setdefault("complaint_kind", "complaint")
        values.update(
            {
                "complaint_kinds": ticket_model._fields[
                    "complaint_kind"
                ]._description_selection(request.env),
                "complaint_channel": self._complaint_portal_channel(),
                "complaint_form": form,
                "complaint_error": False,
            }
        )
        return values

    def _complaint_portal_channel(self):
        """Tickets filed here came in through the web: the complainant does
        not pick a channel (a hotline or regulator channel would change the
        grade and the deadlines)."""
        # sudo: channels are configuration a portal user cannot read.
        channel = request.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_web", raise_if_not_found=False
        )
        return (channel or request.env["helpdesk.ticket.channel"]).sudo()

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        channel = self._complaint_portal_channel()
        vals.update(
            {
                "complaint_kind": kw.get("complaint_kind") or "complaint",
                "complainant_phone": (kw.get("complainant_phone") or "").strip()
                or False,
                "complainant_anonymous": bool(kw.get("complainant_anonymous")),
                "channel_id": channel.id,
            }
        )
        return vals

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        """A refused ticket (bad phone, subject too long, wrong kind…) shows
        the form again with the reason and the values entered."""
        try:
            with request.env.cr.savepoint():
                return super().submit_ticket(**kw)
        except (UserError, ValidationError) as exc:
            values = self._get_create_new_ticket_values(**kw)
            values["complaint_error"] = exc.args[0]
            return request.render("helpdesk_mgmt.portal_create_ticket", values)

    # ------------------------------------------------------------------
    # Acceptance
    # ------------------------------------------------------------------
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


class ComplaintCustomerPortal(CustomerPortalHelpdesk):
    """/my/tickets and /my/ticket/<id> speak in lifecycle steps (受理, 派单…),
    not in the helpdesk's stages, and show what happened to the ticket."""

    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        values["complaint_history"] = complaint_step_history(ticket)
        return values

    # The searchbar's labels, in the suite's words (and its translations):
    # a complainant follows steps, not helpdesk stages.
    def _ticket_get_searchbar_sortings(self):
        return {
            "date": {
                "label": request.env._("Newest"),
                "order": "create_date desc",
                "sequence": 1,
            },
            "name": {"label": request.env._("Subject"), "order": "name", "sequence": 2},
            "stage": {
                "label": request.env._("Step"),
                "order": "stage_id",
                "sequence": 3,
            },
            "update": {
                "label": request.env._("Last step change"),
                "order": "last_stage_update desc",
                "sequence": 4,
            },
        }

    def _ticket_get_searchbar_groupby(self):
        return {
            "none": {"input": "none", "label": request.env._("None"), "order": 1},
            "category": {
                "input": "category",
                "label": request.env._("Category"),
                "order": 2,
            },
            "stage": {"input": "stage", "label": request.env._("Step"), "order": 3},
        }

    def _ticket_get_searchbar_inputs(self):
        return {
            "all": {
                "input": "all",
                "label": request.env._("Search in all"),
                "order": 1,
            },
            "number": {
                "input": "number",
                "label": request.env._("Search in number"),
                "order": 2,
            },
            "name": {
                "input": "name",
                "label": request.env._("Search in subject"),
                "order": 3,
            },
        }

    def _complaint_step_filters(self):
        labels = (
            request.env["helpdesk.ticket"]
            ._fields["complaint_step"]
            ._description_selection(request.env)
        )
        filters = OrderedDict(all={"label": request.env._("All"), "domain": []})
        for step, label in labels:
            filters[step] = {"label": label, "domain": [("complaint_step", "=", step)]}
        return filters

    @http.route(
        ["/my/tickets", "/my/tickets/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_tickets(
        self,
        page=1,
        date_begin=None,
        date_end=None,
        sortby=None,
        filterby=None,
        search=None,
        search_in=None,
        groupby=None,
        **kw,
    ):
        """helpdesk_mgmt's listing, filtered and grouped by lifecycle step
        instead of by every helpdesk stage (the old ones included)."""
        ticket_model = request.env["helpdesk.ticket"]
        if not ticket_model.has_access("read"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        searchbar_sortings = dict(
            sorted(
                self._ticket_get_searchbar_sortings().items(),
                key=lambda item: item[1]["sequence"],
            )
        )
        searchbar_filters = self._complaint_step_filters()
        sortby = sortby if sortby in searchbar_sortings else "date"
        filterby = filterby if filterby in searchbar_filters else "all"
        groupby = groupby if groupby in ("none", "category", "stage") else "none"
        search_in = search_in or "all"
        domain = list(searchbar_filters[filterby]["domain"])
        if date_begin and date_end:
            domain += [
                ("create_date", ">", date_begin),
                ("create_date", "<=", date_end),
            ]
        if search:
            domain += self._ticket_get_search_domain(search_in, search)
        domain = AND(
            [domain, request.env["ir.rule"]._compute_domain(ticket_model._name, "read")]
        )
        pager = portal_pager(
            url="/my/tickets",
            url_args={
                "date_begin": date_begin,
                "date_end": date_end,
                "sortby": sortby,
                "filterby": filterby,
                "groupby": groupby,
                "search": search,
                "search_in": search_in,
            },
            total=ticket_model.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        order = searchbar_sortings[sortby]["order"]
        if groupby == "category":
            order = f"category_id, {order}"
        tickets = ticket_model.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_tickets_history"] = tickets.ids[:100]
        if not tickets:
            grouped_tickets = []
        elif groupby == "category":
            grouped_tickets = self._complaint_group(tickets, "category_id")
        elif groupby == "stage":
            tickets = tickets.sorted(lambda t: STEP_ORDER.get(t.complaint_step, 99))
            grouped_tickets = self._complaint_group(tickets, "complaint_step")
        else:
            grouped_tickets = [tickets]
        values.update(
            {
                "date": date_begin,
                "date_end": date_end,
                "grouped_tickets": grouped_tickets,
                "page_name": "ticket",
                "default_url": "/my/tickets",
                "pager": pager,
                "searchbar_sortings": searchbar_sortings,
                "searchbar_groupby": self._ticket_get_searchbar_groupby(),
                "searchbar_inputs": self._ticket_get_searchbar_inputs(),
                "search_in": search_in,
                "search": search,
                "sortby": sortby,
                "groupby": groupby,
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
            }
        )
        return request.render("helpdesk_mgmt.portal_my_tickets", values)

    @staticmethod
    def _complaint_group(tickets, field):
        groups = OrderedDict()
        for ticket in tickets:
            key = ticket[field]
            groups[key] = groups.get(key, tickets.browse()) | ticket
        return list(groups.values())

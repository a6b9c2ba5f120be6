/** @odoo-module **/
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Times rendered in the browser on a ticket page (the chatter's message
 * dates) are in the timezone of the company handling the ticket, as the
 * times rendered by the server are, not in the browser's (issue 11, item 2).
 * The page names the zone in [data-complaint-tz]
 * (complaint_core.portal_helpdesk_ticket_page_complaint_info).
 */
export function applyCompanyTimezone(doc = document) {
    const el = doc.querySelector("[data-complaint-tz]");
    const name = el && el.dataset.complaintTz;
    if (!name) {
        return false;
    }
    const zone = luxon.IANAZone.create(name);
    if (!zone.isValid) {
        return false;
    }
    luxon.Settings.defaultZone = zone;
    return true;
}

applyCompanyTimezone();

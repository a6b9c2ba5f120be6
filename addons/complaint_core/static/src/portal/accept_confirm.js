/** @odoo-module **/
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {ConfirmationDialog} from "@web/core/confirmation_dialog/confirmation_dialog";
import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * Accepting the answer closes the ticket: the complainant confirms it in an
 * Odoo dialog first. The texts come translated from the page
 * (complaint_core.portal_helpdesk_ticket_page_complaint).
 */
publicWidget.registry.ComplaintAcceptConfirm = publicWidget.Widget.extend({
    selector: "form.o_complaint_accept_form",
    events: {
        submit: "_onSubmit",
    },

    _text(selector) {
        const node = this.el.querySelector(selector);
        return node ? node.textContent.trim() : "";
    },

    _onSubmit(ev) {
        if (this.confirmed) {
            return;
        }
        ev.preventDefault();
        this.call("dialog", "add", ConfirmationDialog, {
            title: this._text(".o_complaint_confirm_title"),
            body: this._text(".o_complaint_confirm"),
            confirmLabel: this._text(".o_complaint_confirm_yes"),
            cancelLabel: this._text(".o_complaint_confirm_no"),
            confirm: () => {
                this.confirmed = true;
                this.el.querySelector("button[type='submit']").disabled = true;
                this.el.submit();
            },
            cancel: () => {},
        });
    },
});

/** @odoo-module **/
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// Issue 12, "Done when": in Chromium, without login, a reporter submits
// anonymously on the public form, reads the receipt code and secret shown
// once, follows up with them — refused first with a wrong secret (the one
// generic message, S000-R018), then shown the report's status — adds
// information and leaves. Run by tests/test_public_form.py
// (TestPublicTour).
//
// Steps select by the pages' stable classes and ids, never by label. The
// code, secret and pseudonym read on the receipt page are kept in
// sessionStorage across the page loads (and removed at the end).

import {registry} from "@web/core/registry";

const KEY = "whistleblower_public_tour";

function remember(name, value) {
    sessionStorage.setItem(`${KEY}:${name}`, value);
}

function recall(name) {
    const value = sessionStorage.getItem(`${KEY}:${name}`);
    if (!value) {
        throw new Error(`The tour lost the ${name} read on the receipt page`);
    }
    return value;
}

registry.category("web_tour.tours").add("whistleblower_public_tour", {
    url: "/whistleblow",
    steps: () => [
        {
            content: "The form is anonymous by default",
            trigger: "form.o_wb_form #wb_anonymous:checked",
        },
        {
            content: "While anonymous, the reporter's details are not asked",
            trigger: "form.o_wb_form",
            run() {
                const identity = document.querySelector(".o_wb_identity");
                if (!identity || getComputedStyle(identity).display !== "none") {
                    throw new Error("The identity fields show on an anonymous report");
                }
            },
        },
        {
            content: "Subject",
            trigger: "#wb_name",
            run: "edit Tour: kickbacks in purchasing",
        },
        {
            content: "What happened",
            trigger: "#wb_description",
            run: "edit The buyer of the third workshop takes cash from a supplier.",
        },
        {
            content: "Person or unit reported",
            trigger: "#wb_subject",
            run: "edit Purchasing office",
        },
        {
            content: "Their rank",
            trigger: "#wb_subject_rank",
            run: "select middle",
        },
        {
            content: "Send the report",
            trigger: ".o_wb_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The receipt tells to write the code and the secret down",
            trigger: ".o_wb_receipt .o_wb_receipt_warning",
        },
        {
            content: "Read the pseudonym, the code and the secret",
            trigger: ".o_wb_receipt .o_wb_receipt_secret",
            run() {
                const text = (selector) =>
                    document.querySelector(selector).textContent.trim();
                const code = text(".o_wb_receipt_code");
                const secret = text(".o_wb_receipt_secret");
                if (!/^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$/.test(code)) {
                    throw new Error(`Unexpected receipt code: ${code}`);
                }
                if (!/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/.test(secret)) {
                    throw new Error(`Unexpected secret: ${secret}`);
                }
                remember("pseudonym", text(".o_wb_pseudonym"));
                remember("code", code);
                remember("secret", secret);
            },
        },
        {
            content: "Go to the follow-up page",
            trigger: ".o_wb_receipt a.o_wb_follow_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Type the code",
            trigger: "form.o_wb_follow_form #wb_code",
            async run(helpers) {
                await helpers.edit(recall("code"));
            },
        },
        {
            content: "Type a wrong secret",
            trigger: "form.o_wb_follow_form #wb_secret",
            async run(helpers) {
                // Well formed, one character changed: never the right one.
                const secret = recall("secret");
                const last = secret.at(-1) === "2" ? "3" : "2";
                await helpers.edit(secret.slice(0, -1) + last);
            },
        },
        {
            content: "Open the report",
            trigger: ".o_wb_follow_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Refused with the generic message",
            trigger: ".o_wb_follow_page .o_wb_error",
        },
        {
            content: "The code typed is kept, the secret is not",
            trigger: "form.o_wb_follow_form #wb_code",
            run() {
                if (this.anchor.value !== recall("code")) {
                    throw new Error(`Code not kept: ${this.anchor.value}`);
                }
                if (document.querySelector("#wb_secret").value) {
                    throw new Error("The secret was sent back to the page");
                }
            },
        },
        {
            content: "Type the right secret (in lower case, without hyphens)",
            trigger: "form.o_wb_follow_form #wb_secret",
            async run(helpers) {
                await helpers.edit(recall("secret").replaceAll("-", "").toLowerCase());
            },
        },
        {
            content: "Open the report again",
            trigger: ".o_wb_follow_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The status page shows the report's pseudonym",
            trigger: ".o_wb_status .o_wb_pseudonym",
            run() {
                if (this.anchor.textContent.trim() !== recall("pseudonym")) {
                    throw new Error(`Another report: ${this.anchor.textContent}`);
                }
            },
        },
        {
            content: "and where it stands",
            trigger: ".o_wb_status .o_wb_step[data-step='received']",
        },
        {
            content: "Add information",
            trigger: "form.o_wb_add_form #wb_text",
            run: "edit He also had the supplier pay for his holiday.",
        },
        {
            content: "Send it",
            trigger: ".o_wb_add_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The information is added",
            trigger: ".o_wb_status .o_wb_added",
        },
        {
            content: "Leave the report",
            trigger: ".o_wb_status a.o_wb_forget",
            run(helpers) {
                for (const name of ["pseudonym", "code", "secret"]) {
                    sessionStorage.removeItem(`${KEY}:${name}`);
                }
                return helpers.click();
            },
            expectUnloadPage: true,
        },
        {
            content: "Back on the follow-up form",
            trigger: "form.o_wb_follow_form #wb_code",
        },
    ],
});

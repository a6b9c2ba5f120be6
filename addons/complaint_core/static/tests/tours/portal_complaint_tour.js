/** @odoo-module **/
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// Issue 11, "Done when" (b): a portal complainant files a ticket with kind
// and phone, sees the reply and the conclusion, and accepts with a
// confirmation. Run by tests/test_portal_tour.py in English and in zh_CN;
// the test replies to the ticket as staff between the two tours.
//
// Steps select by class and data attributes, never by label, so that the
// same tours run in both languages. In zh_CN (html lang="zh-CN") each page
// is checked for the English labels of the clerk's list
// (complaint_tour_utils.js) and of the portal's below, as whole words.

import {registry} from "@web/core/registry";
import {session} from "@web/session";
import {ENGLISH_LABELS} from "@complaint_core/../tests/tours/complaint_tour_utils";

// English labels a complainant met (or could meet) on the portal pages of
// the walk. Maintained: add what a walk finds.
export const PORTAL_ENGLISH_LABELS = [
    "Tickets",
    "Ticket",
    "Subject",
    "Description",
    "Send a new ticket",
    "Submit Ticket",
    "Add Attachments",
    "Communication history",
    "Category",
    "Kind",
    "Phone",
    "Anonymous",
    "Channel",
    "Web",
    "Complaint",
    "Report",
    "Consultation",
    "Suggestion",
    "Praise",
    "Stage",
    "Step",
    "Received",
    "Dispatched",
    "Handling",
    "Replied",
    "Revisit",
    "Closed",
    "New",
    "In Progress",
    "Done",
    "Cancelled",
    "Create Date",
    "Last Stage Update",
    "Last step change",
    "Closed Date",
    "Close Date",
    "Deadline",
    "Our reply",
    "Replied on",
    "Conclusion",
    "Substantiated",
    "Step history",
    "Answer accepted",
    "Accept the answer",
    "Yes, accept",
    "Cancel",
    "Thank you",
    "Customer",
    "Assignee",
    "Newest",
    "Sort By",
    "Filter By",
    "Group By",
    "All",
    "China Standard Time",
];
const LABEL_RE = new RegExp(
    `(^|[^A-Za-z])(${[...ENGLISH_LABELS, ...PORTAL_ENGLISH_LABELS].map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(
        "|"
    )})(?![A-Za-z])`
);

function isChinese() {
    // The portal's <html> carries no lang attribute: the page's language is
    // the one its assets were built for.
    const lang = session.bundle_params?.lang || document.documentElement.lang;
    return (lang || "").toLowerCase().startsWith("zh");
}

function shotName(name) {
    return (isChinese() ? "portal_zh_" : "portal_") + name;
}

/** The English labels of the list found in the page's main content. */
function englishLabels() {
    const main = document.querySelector("main") || document.body;
    const found = new Set();
    const texts = [main.innerText];
    for (const el of main.querySelectorAll("[placeholder], [title]")) {
        texts.push(el.getAttribute("placeholder") || "", el.getAttribute("title") || "");
    }
    for (const modal of document.querySelectorAll(".modal")) {
        texts.push(modal.innerText);
    }
    for (const text of texts) {
        for (const line of text.split("\n")) {
            const match = line.match(LABEL_RE);
            if (match) {
                found.add(`${match[2]} (in "${line.trim()}")`);
            }
        }
    }
    return [...found];
}

function checkLanguage(page, trigger = "main") {
    return {
        content: `No English label on ${page} (zh_CN only)`,
        trigger,
        run() {
            if (!isChinese()) {
                return;
            }
            const found = englishLabels();
            if (found.length) {
                throw new Error(`English labels on ${page}: ${found.join("; ")}`);
            }
        },
    };
}

/** A screenshot of the page (saved by tests/test_tours.py's tour case). */
function screenshot(name, trigger = "body") {
    return [
        {
            content: `Screenshot ${name}`,
            trigger,
            async run() {
                console.log(`complaint-tour-screenshot:${shotName(name)}`);
                await new Promise((resolve) => setTimeout(resolve, 700));
            },
        },
    ];
}

registry.category("web_tour.tours").add("complaint_portal_file_ticket", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "Open the new-ticket form",
            trigger: "button[name='create_new_ticket']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The form asks for the kind (complaint by default)",
            trigger: "select[name='complaint_kind']:has(option[value='complaint']:selected)",
        },
        checkLanguage("the new-ticket form"),
        {
            content: "Kind: consultation",
            trigger: "select[name='complaint_kind']",
            run: "select consultation",
        },
        {
            content: "Subject",
            trigger: "input[name='subject']",
            run: "edit 营业厅多收话费",
        },
        {
            content: "Description",
            trigger: "textarea[name='description']",
            run: "edit 2026年11月账单多扣了50元，营业员拒绝退还。",
        },
        {
            content: "A phone number with too few digits",
            trigger: "input[name='complainant_phone']",
            run: "edit 1380013",
        },
        {
            content: "Anonymous",
            trigger: "input[name='complainant_anonymous']",
            run: "check",
        },
        ...screenshot("form"),
        {
            content: "Submit",
            trigger: "form[action='/submitted/ticket'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The phone is refused with the reason, on the form",
            trigger: ".o_complaint_form_error:contains(1380013)",
        },
        {
            content: "The values entered are kept",
            trigger: "input[name='subject']:value(营业厅多收话费)",
        },
        {
            content: "The kind is kept",
            trigger: "select[name='complaint_kind']:has(option[value='consultation']:selected)",
        },
        {
            content: "Anonymity is kept",
            trigger: "input[name='complainant_anonymous']:checked",
        },
        {
            content: "The description is kept",
            trigger: "textarea[name='description']:value(/多扣了50元/)",
        },
        checkLanguage("the refused form"),
        ...screenshot("form_refused"),
        {
            content: "A valid mobile number",
            trigger: "input[name='complainant_phone']",
            run: "edit 138 0013 8000",
        },
        {
            content: "Submit again",
            trigger: "form[action='/submitted/ticket'] button[type='submit']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The new ticket is received",
            trigger: ".o_complaint_step[data-step='received']",
        },
        {
            content: "with its normalised phone",
            trigger: ".o_complaint_phone:contains(13800138000)",
        },
        {
            content: "and its step history",
            trigger: ".o_complaint_history .o_complaint_time",
        },
        checkLanguage("the new ticket"),
        ...screenshot("ticket_received"),
    ],
});

registry.category("web_tour.tours").add("complaint_portal_accept_answer", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "The list shows the ticket's step",
            trigger: ".o_complaint_step[data-step='replied']",
        },
        checkLanguage("the ticket list"),
        ...screenshot("ticket_list"),
        {
            content: "Open the ticket",
            trigger: "a[href^='/my/ticket/']:contains(营业厅多收话费)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The reply is shown",
            trigger: ".o_complaint_reply_content:contains(已退还多收的50元)",
        },
        {
            content: "with its date",
            trigger: ".o_complaint_reply .o_complaint_time",
        },
        {
            content: "The conclusion is shown",
            trigger: ".o_complaint_conclusion .o_complaint_conclusion_name",
        },
        {
            content: "with the substantiation finding",
            trigger: ".o_complaint_conclusion .o_complaint_substantiation",
        },
        {
            content: "The history has the reply",
            trigger: ".o_complaint_history tr:nth-child(2)",
        },
        checkLanguage("the replied ticket"),
        ...screenshot("ticket_replied"),
        {
            content: "Accept the answer",
            trigger: "form.o_complaint_accept_form button[type='submit']",
            run: "click",
        },
        {
            content: "A confirmation is asked",
            trigger: ".modal .modal-body:contains(/./)",
        },
        checkLanguage("the confirmation", ".modal .modal-footer"),
        ...screenshot("accept_confirm", ".modal .modal-footer"),
        {
            content: "Cancel first: nothing happens",
            trigger: ".modal .modal-footer .btn-secondary",
            run: "click",
        },
        {
            content: "The dialog is closed, the button still there",
            trigger: "body:not(:has(.modal)) form.o_complaint_accept_form",
        },
        {
            content: "Accept the answer again",
            trigger: "form.o_complaint_accept_form button[type='submit']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The acceptance is recorded",
            trigger: ".o_complaint_accepted",
        },
        {
            content: "The ticket is closed",
            trigger: ".o_complaint_step[data-step='closed']",
        },
        {
            content: "No accept button any more",
            trigger: "body:not(:has(form.o_complaint_accept_form))",
        },
        checkLanguage("the accepted ticket"),
        ...screenshot("accepted"),
    ],
});

// The chatter's message times follow the company's timezone, not the
// browser's: the test runs the browser in Asia/Shanghai (UTC+8), gives the
// company Asia/Urumqi (UTC+6) and a staff message of 01:02 UTC.
registry.category("web_tour.tours").add("complaint_portal_chatter_time", {
    url: "/my/tickets",
    steps: () => [
        {
            content: "Open the ticket",
            trigger: "a[href^='/my/ticket/']:contains(聊天时间)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page names the zone of its times",
            trigger: ".o_complaint_chat_zone[data-complaint-tz='Asia/Urumqi']",
        },
        {
            content: "The staff message is shown at 07:02 (company), not 09:02 (browser)",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(请补充账单截图) .o-mail-Message-date:contains(7:02)",
        },
    ],
});

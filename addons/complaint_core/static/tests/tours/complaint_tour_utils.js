/** @odoo-module */
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// Helpers shared by the complaint suite's tours (issue 11): a check that a
// zh_CN user meets none of the English labels a walk found, and a request
// to the Python side (tests/test_tours.py) for a screenshot.

// The English labels met on the walks of issue 11 (helpdesk_mgmt's form,
// menus, filters and stages, the suite's buttons and wizards). Maintained:
// add what a walk finds. Compared with whole texts and placeholders, so a
// word inside a longer Chinese sentence does not count.
export const ENGLISH_LABELS = [
    "Helpdesk",
    "Dashboard",
    "Tickets",
    "Reporting",
    "Configuration",
    "Complaints",
    "Description",
    "Team",
    "Assigned user",
    "Priority",
    "Company",
    "Channel",
    "Contact",
    "Category",
    "Tags",
    "Other Information",
    "Assign to me",
    "New",
    "In Progress",
    "Awaiting",
    "Done",
    "Cancelled",
    "Rejected",
    "Received",
    "Dispatched",
    "Handling",
    "Replied",
    "Revisit",
    "Closed",
    "Dispatch",
    "Start handling",
    "Reply",
    "Close",
    "Not accept",
    "Merge",
    "Escalate",
    "Confirm",
    "Cancel",
    "Save",
    "Discard",
    "Handling unit",
    "Handling team",
    "Handler",
    "Deadline",
    "Instructions",
    "Note / reason",
    "Satisfaction",
    "Closing conclusion",
    "Substantiation",
    "Complaint action",
    "Classification",
    "Grade",
    "Kind",
    "Complaint",
    "Lifecycle",
    "Search...",
    "My Tickets",
    "Unassigned",
    "Open",
    "Group By",
    "Filters",
    "Send message",
    "Log note",
    "Activities",
    "Followers",
];

function visibleTexts(root) {
    const texts = new Set();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
        const text = node.nodeValue.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest("script, style, .d-none, .o_hidden")) {
            continue;
        }
        if (parent.offsetParent === null && getComputedStyle(parent).position !== "fixed") {
            continue; // not rendered
        }
        texts.add(text);
    }
    for (const el of root.querySelectorAll("[placeholder]")) {
        texts.add(el.getAttribute("placeholder").trim());
    }
    return texts;
}

/**
 * A step that fails when a label of ENGLISH_LABELS is on the screen (web
 * client, dialogs, navbar). ``where`` names the screen in the error.
 */
export function assertNoEnglish(where, trigger = "body") {
    return {
        content: `no English label on ${where}`,
        trigger,
        run() {
            const texts = visibleTexts(document.body);
            const found = ENGLISH_LABELS.filter((label) => texts.has(label));
            if (found.length) {
                throw new Error(
                    `English labels on ${where} for a zh_CN user: ${found.join(", ")}`
                );
            }
        },
    };
}

/**
 * A step that asks the test (tests/test_tours.py) for a screenshot named
 * ``name`` and gives the browser a moment to take it.
 */
export function screenshot(name, trigger = "body") {
    return {
        content: `screenshot ${name}`,
        trigger,
        async run() {
            console.log(`complaint-tour-screenshot:${name}`);
            await new Promise((resolve) => setTimeout(resolve, 700));
        },
    };
}

/** ``days`` days from today at ``hhmm``, as typed in a datetime field. */
export function localDateTime(days, hhmm) {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${hhmm}:00`;
}

/** @odoo-module */
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// Issue 11 "Done when" (a): a zh_CN branch clerk without e-mail address
// receives, dispatches, handles, replies, revisits and closes a ticket by
// clicking; no English label of the maintained list on the screens passed;
// the dispatch note's deadline in local time (entered 17:00 in
// Asia/Shanghai, shown "17:00 CST"). Started by tests/test_tours.py.

import { registry } from "@web/core/registry";
import {
    assertNoEnglish,
    localDateTime,
    screenshot,
} from "@complaint_core/../tests/tours/complaint_tour_utils";

const SUBJECT = "漫游费争议（导览）";

function confirmWizard(title) {
    return [
        assertNoEnglish(`the ${title} wizard`, ".modal .modal-footer button[name=action_confirm]"),
        {
            content: "confirm",
            trigger: ".modal .modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "the wizard is closed",
            trigger: "body:not(:has(.modal))",
        },
    ];
}

registry.category("web_tour.tours").add("complaint_clerk_walk_tour", {
    url: "/odoo/action-complaint_core.helpdesk_ticket_complaint_action",
    steps: () => [
        {
            content: "the complaints kanban shows the lifecycle stages",
            trigger: ".o_kanban_view .o_kanban_header:contains(受理)",
        },
        assertNoEnglish("the complaints kanban"),
        screenshot("a1_clerk_kanban"),
        {
            content: "switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "new ticket",
            trigger: ".o_list_view ~ * .o_list_button_add, .o_list_button_add",
            run: "click",
        },
        // 受理 (receive)
        {
            content: "subject",
            trigger: ".o_form_view div[name=name] input",
            run: `edit ${SUBJECT}`,
        },
        {
            content: "description",
            trigger: ".o_form_view div[name=description] .odoo-editor-editable",
            run: "editor 关机期间仍被收取国际漫游费，要求退还。",
        },
        {
            content: "classification",
            trigger: ".o_form_view div[name=classification_id] input",
            run: "edit 资费",
        },
        {
            content: "pick the classification",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:first-child a",
            run: "click",
        },
        {
            content: "complainant phone",
            trigger: ".o_form_view div[name=complainant_phone] input",
            run: "edit 13912345678",
        },
        assertNoEnglish("the new ticket form"),
        screenshot("a2_clerk_new_ticket"),
        {
            content: "save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "saved in 受理",
            trigger: ".o_form_saved .o_statusbar_status button.o_arrow_button_current:contains(受理), .o_form_view:not(.o_form_dirty) .o_statusbar_status button.o_arrow_button_current:contains(受理)",
        },
        // 派单 (dispatch)
        {
            content: "dispatch",
            trigger: ".o_statusbar_buttons button[name=action_complaint_dispatch]",
            run: "click",
        },
        {
            content: "instructions",
            trigger: ".modal div[name=instructions] textarea",
            run: "edit 请核实漫游记录并于时限内答复客户。",
        },
        {
            content: "deadline 17:00 local time",
            trigger: ".modal div[name=deadline] input",
            run: `edit ${localDateTime(3, "17:00")} && press Enter`,
        },
        screenshot("a3_clerk_dispatch_wizard", ".modal div[name=deadline] input"),
        ...confirmWizard("派单"),
        {
            content: "the dispatch note shows the deadline in local time",
            trigger: ".o-mail-Message-body:contains(17:00 CST)",
        },
        assertNoEnglish("the dispatched ticket"),
        screenshot("a4_clerk_dispatched"),
        // 处理 (handling)
        {
            content: "start handling",
            trigger: ".o_statusbar_buttons button[name=action_complaint_start]",
            run: "click",
        },
        {
            content: "in 处理",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(处理)",
        },
        // 答复 (reply)
        {
            content: "reply",
            trigger: ".o_statusbar_buttons button[name=action_complaint_reply]",
            run: "click",
        },
        {
            content: "reply given",
            trigger: ".modal div[name=reply_content] textarea",
            run: "edit 经核实为系统计费错误，已退还漫游费。",
        },
        screenshot("a5_clerk_reply_wizard", ".modal div[name=reply_content] textarea"),
        ...confirmWizard("答复"),
        {
            content: "in 答复",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(答复)",
        },
        // 回访 (revisit)
        {
            content: "revisit",
            trigger: ".o_statusbar_buttons button[name=action_complaint_revisit]",
            run: "click",
        },
        {
            content: "satisfied",
            trigger: ".modal div[name=satisfaction] select",
            run: 'select "satisfied"',
        },
        ...confirmWizard("回访"),
        {
            content: "in 回访",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(回访)",
        },
        // 办结 (close)
        {
            content: "close",
            trigger: ".o_statusbar_buttons button[name=action_complaint_close]",
            run: "click",
        },
        {
            content: "closing conclusion",
            trigger: ".modal div[name=closing_conclusion_id] input",
            run: "click",
        },
        {
            content: "pick a conclusion",
            trigger: ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:first-child a",
            run: "click",
        },
        {
            content: "substantiated",
            trigger: ".modal div[name=substantiation] select",
            run: 'select "substantiated"',
        },
        screenshot("a6_clerk_close_wizard", ".modal div[name=substantiation] select"),
        ...confirmWizard("办结"),
        {
            content: "closed: 办结 is the current stage",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(办结)",
        },
        assertNoEnglish("the closed ticket"),
        screenshot("a7_clerk_closed"),
    ],
});

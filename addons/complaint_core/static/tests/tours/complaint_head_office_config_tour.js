/** @odoo-module */
// Copyright 2026 Complaint Suite Authors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
//
// Issue 11 "Done when" (c): head office edits a grade, an SLA policy and a
// holiday year (zh_CN). Grades are grouped by the scheme's name, years read
// 2027. Started by tests/test_tours.py when complaint_sla is installed.

import { registry } from "@web/core/registry";
import { screenshot } from "@complaint_core/../tests/tours/complaint_tour_utils";

function save(what) {
    return [
        { content: `save the ${what}`, trigger: ".o_form_button_save", run: "click" },
        {
            content: `${what} saved`,
            trigger: ".o_form_view .o_form_status_indicator_buttons.invisible, .o_form_view:not(:has(.o_form_button_save:visible))",
        },
    ];
}

registry.category("web_tour.tours").add("complaint_head_office_config_tour", {
    url: "/odoo/action-complaint_core.complaint_grade_action",
    steps: () => [
        // A grade
        {
            content: "grades grouped by the scheme's name",
            trigger: ".o_list_view .o_group_name:contains(物业管理：重大 / 重要 / 轻微投诉)",
            run: "click",
        },
        {
            content: "no raw scheme code as group",
            trigger: ".o_list_view:not(:has(.o_group_name:contains(property_management)))",
        },
        screenshot("c1_grades_by_scheme", ".o_list_view .o_data_row"),
        {
            content: "open a grade",
            trigger: ".o_list_view .o_data_row:first td[name=name]",
            run: "click",
        },
        {
            content: "describe the grade",
            trigger: ".o_form_view div[name=description] textarea",
            run: "edit 导览：总公司修改的等级说明",
        },
        ...save("grade"),
        screenshot("c2_grade_form"),
        // An SLA policy
        {
            content: "to the SLA policies",
            trigger: "body",
            run: "goToUrl /odoo/action-complaint_sla.complaint_sla_policy_action",
        },
        {
            content: "open the first group of policies (grouped by scheme)",
            trigger: ".o_list_view .o_group_header:first",
            run: "click",
        },
        screenshot("c3_sla_policies", ".o_list_view .o_data_row"),
        {
            content: "open a policy",
            trigger: ".o_list_view .o_data_row:first td[name=name]",
            run: "click",
        },
        {
            content: "rename the policy",
            trigger: ".o_form_view div[name=name] input",
            run: "edit 电信投诉（一般，导览修改）",
        },
        screenshot("c3b_sla_policy_form", ".o_form_view div[name=name] input"),
        ...save("SLA policy"),
        // A holiday year
        {
            content: "to the holiday years",
            trigger: "body",
            run: "goToUrl /odoo/action-complaint_sla.complaint_sla_holiday_year_action",
        },
        {
            content: "years read 2027, not 2,027",
            trigger: ".o_list_view .o_data_row td[name=year]:contains(2027)",
        },
        {
            content: "no thousands separator",
            trigger: ".o_list_view:not(:has(td[name=year]:contains(2,0)))",
        },
        screenshot("c4_holiday_years", ".o_list_view .o_data_row"),
        {
            content: "open 2027",
            trigger: ".o_list_view .o_data_row td[name=year]:contains(2027)",
            run: "click",
        },
        {
            content: "note on the year",
            trigger: ".o_form_view div[name=note] textarea",
            run: "edit 导览：总公司核对 2027 年放假安排",
        },
        ...save("holiday year"),
        screenshot("c5_holiday_year_form"),
    ],
});

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Regulator Appeals",
    "summary": "Appeals forwarded by regulators and hotlines: staged deadlines "
    "on China working days, the 催办/督办/通报 ladder, the written reply and "
    "the regulator returns",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/complaint-suite/complaint-suite",
    "author": "Complaint Suite Authors",
    "maintainers": ["complaint-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["complaint_core", "complaint_sla"],
    "external_dependencies": {
        "python": ["complaint-rules", "chinese-calendar", "xlsxwriter"]
    },
    "data": [
        "security/regulator_appeal_security.xml",
        "security/ir.model.access.csv",
        "data/regulator_appeal_plan_data.xml",
        "data/regulator_body_data.xml",
        "data/regulator_body_extra_data.xml",
        "data/complaint_sla_policy_data.xml",
        "data/ir_cron_data.xml",
        "report/regulator_appeal_reply_report.xml",
        "views/regulator_body_views.xml",
        "views/regulator_appeal_plan_views.xml",
        "views/regulator_appeal_supervision_views.xml",
        "views/regulator_return_export_views.xml",
        "views/helpdesk_ticket_views.xml",
        "wizards/regulator_return_wizard_views.xml",
        "views/regulator_appeal_menus.xml",
    ],
    "demo": ["demo/regulator_appeal_demo.xml"],
}

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Whistleblower Reports and Rewards",
    "summary": "Whistleblowing reports (举报) with a sealed identity, receipt-code "
    "follow-up, opening routes and rewards by rulebook",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/complaint-suite/complaint-suite",
    "author": "Complaint Suite Authors",
    "maintainers": ["complaint-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["complaint_core"],
    "external_dependencies": {"python": ["complaint-rules"]},
    "data": [
        "security/whistleblower_security.xml",
        "security/ir.model.access.csv",
        "security/ir.model.access-reward.csv",
        "security/whistleblower_reward_security.xml",
        "data/whistleblower_reward_role_data.xml",
        "data/whistleblower_reward_cron_data.xml",
        "data/ir_sequence_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "wizards/whistleblower_feedback_wizard_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/whistleblower_identity_views.xml",
        "views/whistleblower_identity_request_views.xml",
        "views/res_config_settings_views.xml",
        "views/whistleblower_menus.xml",
        "views/whistleblower_reward_views.xml",
        "views/whistleblower_portal_templates.xml",
    ],
    "demo": ["demo/whistleblower_demo.xml", "demo/whistleblower_reward_demo.xml"],
    "assets": {
        "web.assets_frontend": [
            "whistleblower_reward/static/src/scss/whistleblower_portal.scss",
        ],
        "web.assets_tests": [
            "whistleblower_reward/static/tests/tours/**/*",
        ],
    },
}

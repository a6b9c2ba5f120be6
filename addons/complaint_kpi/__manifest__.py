# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Complaint KPIs",
    "summary": "The seeds' complaint indicators with exact definitions, targets, "
    "frozen periods, staff accountability and fast pivots",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/complaint-suite/complaint-suite",
    "author": "Complaint Suite Authors",
    "maintainers": ["complaint-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["complaint_core", "complaint_sla"],
    "external_dependencies": {"python": ["complaint-rules", "xlsxwriter"]},
    "data": [
        "security/complaint_kpi_security.xml",
        "security/ir.model.access.csv",
        "data/complaint_classification_data.xml",
        "data/complaint_kpi_target_data.xml",
        "data/ir_cron_data.xml",
        "views/complaint_kpi_report_views.xml",
        "views/complaint_kpi_dashboard_views.xml",
        "views/complaint_kpi_target_views.xml",
        "views/complaint_kpi_period_views.xml",
        "wizards/complaint_kpi_regenerate_views.xml",
        "views/complaint_staff_record_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/res_config_settings_views.xml",
        "views/complaint_kpi_menus.xml",
    ],
    "demo": ["demo/complaint_kpi_demo.xml"],
}

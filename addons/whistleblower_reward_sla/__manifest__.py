# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Whistleblower Reports: Opening Deadlines",
    "summary": "Opening (立项) deadlines of whistleblowing reports on China "
    "working days, through complaint_sla policies per opening route",
    "version": "18.0.1.0.0",
    "category": "After-Sales",
    "website": "https://github.com/complaint-suite/complaint-suite",
    "author": "Complaint Suite Authors",
    "maintainers": ["complaint-suite"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["whistleblower_reward", "complaint_sla"],
    "auto_install": True,
    "data": [
        "security/whistleblower_reward_sla_security.xml",
        "data/complaint_sla_policy_data.xml",
    ],
}

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0: S001-R020 plan review by the 咨诉主管 (the data record is
noupdate, so an upgraded database gets the flag here)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    role = env.ref("complaint_core.approval_role_supervisor", raise_if_not_found=False)
    if role and not env["complaint.approval.role"].search_count(
        [("reviews_all_plans", "=", True)]
    ):
        role.reviews_all_plans = True

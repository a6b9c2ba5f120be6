# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    appeal_supervision_count = fields.Integer(
        string="Appeal supervisions",
        compute="_compute_appeal_supervision_count",
        help="Rungs of the supervision ladder (催办/督办/通报) reached by this "
        "branch's appeals, for its assessment (S000-R158).",
    )
    appeal_assessable_count = fields.Integer(
        string="Assessable appeals",
        compute="_compute_appeal_supervision_count",
        help="Appeals whose late or missing branch feedback made the company "
        "miss the regulator's deadline (S000-R158).",
    )

    def _compute_appeal_supervision_count(self):
        Supervision = self.env["regulator.appeal.supervision"]
        counts = dict(
            Supervision._read_group(
                [("branch_company_id", "in", self.ids)],
                ["branch_company_id"],
                ["__count"],
            )
        )
        assessable = dict(
            Supervision._read_group(
                [("branch_company_id", "in", self.ids), ("assessable", "=", True)],
                ["branch_company_id"],
                ["ticket_id:count_distinct"],
            )
        )
        for company in self:
            company.appeal_supervision_count = counts.get(company, 0)
            company.appeal_assessable_count = assessable.get(company, 0)

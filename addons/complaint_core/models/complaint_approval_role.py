# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ComplaintApprovalRole(models.Model):
    """An approver role of the delegation matrix (咨诉主管, 客服部经理,
    总经理 ...), S001-R011..R019. The codes are those of
    complaint_rules.approval.Role; who holds a role is set per company with
    assignments."""

    _name = "complaint.approval.role"
    _description = "Complaint Approval Role"
    _order = "rank, id"

    code = fields.Char(required=True, readonly=True)
    name = fields.Char(required=True, translate=True)
    rank = fields.Integer(required=True, readonly=True, help="Higher approves more.")
    assignment_ids = fields.One2many("complaint.approval.assignment", "role_id")
    reviews_all_plans = fields.Boolean(
        string="Reviews every plan",
        help="Holders of this role review every settlement plan first, plans "
        "without items of the matrix included, before the matrix's approver "
        "decides (S001-R020: 咨诉主管复核审批).",
    )

    _sql_constraints = [("code_uniq", "unique(code)", "The role code must be unique.")]

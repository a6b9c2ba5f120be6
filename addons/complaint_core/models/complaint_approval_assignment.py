# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ComplaintApprovalAssignment(models.Model):
    """Who holds an approver role in a company. A settlement is approved by
    the holders of its role in the ticket's company, or in the nearest parent
    company that has holders (branch, then province, then head office)."""

    _name = "complaint.approval.assignment"
    _description = "Complaint Approval Role Assignment"
    _order = "role_id, company_id"

    role_id = fields.Many2one(
        "complaint.approval.role", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True)
    user_ids = fields.Many2many("res.users", string="Holders", required=True)

    _sql_constraints = [
        (
            "role_company_uniq",
            "unique(role_id, company_id)",
            "A role is assigned once per company; add the holders to that line.",
        )
    ]

    @api.constrains("user_ids", "company_id")
    def _check_holders_company(self):
        for assignment in self:
            outsiders = assignment.user_ids.filtered(
                lambda u, c=assignment.company_id: c not in u.company_ids
            )
            if outsiders:
                raise ValidationError(
                    self.env._(
                        "%(users)s cannot hold a role in %(company)s: they have no "
                        "access to that company.",
                        users=", ".join(outsiders.mapped("name")),
                        company=assignment.company_id.display_name,
                    )
                )

    @api.model
    def _holders(self, role, company):
        """(assignment, users) of ``role`` nearest to ``company`` upwards."""
        # sudo: a branch user cannot read its parent companies.
        for level in company.sudo().parent_ids[::-1]:
            assignment = self.sudo().search(
                [("role_id", "=", role.id), ("company_id", "=", level.id)], limit=1
            )
            if assignment.user_ids:
                return assignment, assignment.user_ids
        return self.browse(), self.env["res.users"]

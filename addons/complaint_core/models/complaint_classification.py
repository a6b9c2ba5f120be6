# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ComplaintClassification(models.Model):
    """Hierarchical complaint classification with codes (e.g. 01 service,
    0101 service attitude)."""

    _name = "complaint.classification"
    _description = "Complaint Classification"
    _parent_store = True
    _order = "complete_code, id"
    _rec_names_search = ["complete_code", "name"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    complete_code = fields.Char(
        compute="_compute_complete_code", store=True, recursive=True, index=True
    )
    # Not stored: built in the reader's language from the translated names
    # (a stored path would keep the English of the day it was computed).
    complete_name = fields.Char(compute="_compute_complete_name", recursive=True)
    parent_id = fields.Many2one(
        "complaint.classification", ondelete="restrict", index=True
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("complaint.classification", "parent_id")
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_parent_uniq",
            "unique(parent_id, code)",
            "A classification code must be unique under its parent.",
        )
    ]

    @api.depends("code", "parent_id.complete_code")
    def _compute_complete_code(self):
        for rec in self:
            rec.complete_code = (
                f"{rec.parent_id.complete_code}.{rec.code}"
                if rec.parent_id
                else rec.code
            )

    @api.depends_context("lang")
    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for rec in self:
            rec.complete_name = (
                f"{rec.parent_id.complete_name} / {rec.name}"
                if rec.parent_id
                else rec.name
            )

    @api.depends_context("lang")
    @api.depends("complete_code", "complete_name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"[{rec.complete_code}] {rec.complete_name}"

    @api.constrains("parent_id")
    def _check_parent_recursion(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A classification cannot be its own ancestor.")
            )

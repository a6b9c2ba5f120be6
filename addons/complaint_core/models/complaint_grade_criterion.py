# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .helpdesk_ticket_channel import CHANNEL_CODES

HARM_LEVELS = [
    ("none", "None"),
    ("property", "Property loss"),
    ("personal_injury", "Personal injury"),
    ("death", "Death"),
]


class ComplaintGradeCriterion(models.Model):
    """One criterion of a grade: it matches when every condition set on it
    holds (conditions left empty are ignored)."""

    _name = "complaint.grade.criterion"
    _description = "Complaint Grade Criterion"
    _order = "grade_id, sequence, id"

    grade_id = fields.Many2one(
        "complaint.grade", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    rule_ref = fields.Char(string="Rule", help="Rule ID of the source document.")
    min_complainants = fields.Integer(string="Complainants at least")
    min_repeat = fields.Integer(string="Repeat complaints at least")
    min_amount = fields.Float(string="Amount at least", digits=(16, 2))
    channel_codes = fields.Char(
        help="Comma-separated channel types, e.g. regulator,superior. "
        "Allowed: " + ", ".join(code for code, _label in CHANNEL_CODES)
    )
    regulator_involved = fields.Boolean()
    media_involved = fields.Boolean()
    min_harm = fields.Selection(HARM_LEVELS, string="Harm at least")
    kinds = fields.Char(help="Comma-separated kinds, e.g. complaint,report.")

    def _to_rules_dict(self):
        self.ensure_one()
        return {
            "rule_id": self.rule_ref or f"criterion-{self.id}",
            "min_complainants": self.min_complainants or None,
            "min_repeat": self.min_repeat or None,
            "min_amount": str(self.min_amount) if self.min_amount else None,
            "channels": [c.strip() for c in (self.channel_codes or "").split(",")
                         if c.strip()] or None,
            "regulator_involved": self.regulator_involved or None,
            "media_involved": self.media_involved or None,
            "min_harm": self.min_harm or None,
            "kinds": [k.strip() for k in (self.kinds or "").split(",")
                      if k.strip()] or None,
        }

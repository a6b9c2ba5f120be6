# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Ordinal scales of complaint_rules.grading (least to most severe).
HARM_LEVELS = [
    ("none", "None"),
    ("inconvenience", "Inconvenience"),
    ("economic_loss", "Economic loss"),
    ("major_economic_loss", "Major economic loss"),
    ("personal_injury", "Personal injury"),
    ("serious_injury", "Serious injury"),
    ("death", "Death"),
]
CONDUCT_LEVELS = [
    ("none", "None"),
    ("lacking", "Lacking"),
    ("poor", "Poor"),
    ("egregious", "Egregious"),
]
IMPACT_LEVELS = [
    ("none", "None"),
    ("internal", "Internal"),
    ("public", "Public"),
]


class ComplaintGradeCriterion(models.Model):
    """One way into a grade: it matches when every condition set on it holds
    (conditions left empty are ignored); see complaint_rules.grading."""

    _name = "complaint.grade.criterion"
    _inherit = ["complaint.cache.mixin"]
    _description = "Complaint Grade Criterion"
    _order = "grade_id, sequence, id"

    grade_id = fields.Many2one(
        "complaint.grade", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    rule_ref = fields.Char(
        string="Rule", required=True, help="Rule ID of the source document."
    )
    kinds = fields.Char(help="Comma-separated kinds, e.g. complaint,report.")
    channel_codes = fields.Char(
        string="Channels",
        help="Comma-separated channel types, e.g. regulator,superior.",
    )
    flag_ids = fields.Many2many("complaint.fact.flag", string="Facts required")
    min_complainants = fields.Integer(string="Complainants at least")
    min_repeat = fields.Integer(string="Repeat complaints at least")
    min_upgrades = fields.Integer(string="Escalations at least")
    min_amount = fields.Float(string="Amount at least", digits=(16, 2))
    min_harm = fields.Selection(HARM_LEVELS, string="Harm at least")
    min_conduct = fields.Selection(CONDUCT_LEVELS, string="Conduct at least")
    min_impact = fields.Selection(IMPACT_LEVELS, string="Impact at least")

    def _to_rules_dict(self):
        self.ensure_one()

        def codes(text):
            return [c.strip() for c in (text or "").split(",") if c.strip()]

        return {
            "grade": self.grade_id.code,
            "rule_id": self.rule_ref,
            "kinds": codes(self.kinds),
            "channels": codes(self.channel_codes),
            "flags": self.flag_ids.mapped("code"),
            "min_complainants": self.min_complainants or None,
            "min_repeat": self.min_repeat or None,
            "min_upgrades": self.min_upgrades or None,
            # Float column, read back as its 2-decimal string: exact in Decimal.
            "min_amount": f"{self.min_amount:.2f}" if self.min_amount else None,
            "min_harm": self.min_harm or None,
            "min_conduct": self.min_conduct or None,
            "min_impact": self.min_impact or None,
        }

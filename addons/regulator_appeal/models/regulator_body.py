# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.complaint_core.tools import rules_error_message

from complaint_rules import appeal as rules_appeal
from complaint_rules.errors import RuleError

LEVELS = [
    ("national", "National"),
    ("provincial", "Provincial"),
    ("municipal", "Municipal"),
    ("county", "County"),
    ("any", "Every level"),
]


class RegulatorBody(models.Model):
    """A regulator, appeal centre or hotline that forwards complaints
    (S000-R151, S001-R136, S003-R001, S004-R001): shipped from the seeds'
    rulebooks (complaint_rules.presets), a body the seeds do not cover
    (12315, 12378) is one more record with its clock lines."""

    _name = "regulator.body"
    _description = "Regulator Body"
    _order = "sequence, id"

    code = fields.Char(required=True, index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    name = fields.Char(required=True, translate=True)
    name_en = fields.Char(string="English name")
    hotline = fields.Char()
    level = fields.Selection(LEVELS, required=True, default="any")
    jurisdiction = fields.Text(translate=True)
    reply_format = fields.Char(translate=True)
    return_columns = fields.Char(
        string="Return template",
        help="Columns of the Cases sheet of this body's return, comma "
        "separated codes (empty: all). See the return wizard for the codes.",
    )
    plan_id = fields.Many2one(
        "regulator.appeal.plan",
        string="Appeal plan",
        help="The staged internal plan and supervision ladder of the appeals "
        "this body forwards.",
    )
    clock_ids = fields.One2many("regulator.body.clock", "body_id", string="Clocks")
    rule_ref = fields.Char(string="Rules")
    note = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)", "A regulator body code must be unique.")
    ]

    @api.constrains("clock_ids", "level", "code")
    def _check_rules(self):
        for body in self:
            body._to_rules()

    def _to_rules(self):
        """The body as a :class:`complaint_rules.appeal.RegulatorBody`."""
        self.ensure_one()
        try:
            return rules_appeal.RegulatorBody(
                code=self.code,
                name_zh=self.name or "",
                name_en=self.name_en or "",
                level=self.level,
                jurisdiction=self.jurisdiction or "",
                hotline=self.hotline or "",
                reply_format=self.reply_format or "",
                clocks=tuple(clock._to_rules() for clock in self.clock_ids),
                rule_ids=tuple(_ids(self.rule_ref)),
            )
        except RuleError as exc:
            raise ValidationError(rules_error_message(self.env, exc)) from exc


def _ids(text):
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _number(value):
    """A float field's value as the int it is when whole (working days)."""
    return int(value) if float(value).is_integer() else value

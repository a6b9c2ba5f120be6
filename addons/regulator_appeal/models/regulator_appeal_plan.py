# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.complaint_core.tools import rules_error_message
from odoo.addons.complaint_sla.tools import UNITS

from complaint_rules import appeal as rules_appeal
from complaint_rules.errors import RuleError

from .regulator_body import _ids, _number

READINGS = [
    ("windows", "Windows from the anchor (reading A)"),
    ("durations", "Consecutive durations (reading B)"),
]


class RegulatorAppealPlan(models.Model):
    """The staged internal plan of an appeal (S000-R156, S000-R087) and the
    supervision ladder of an overdue one (S000-R158), as data; the deadlines
    are complaint_rules.appeal.plan_deadlines and supervision_status."""

    _name = "regulator.appeal.plan"
    _description = "Regulator Appeal Plan"
    _order = "name, id"

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    reading = fields.Selection(
        READINGS,
        required=True,
        default="windows",
        help="S000-R156 reads two ways: windows counted from the receipt (or "
        "the stage named as anchor), or stages one after another.",
    )
    cap = fields.Float(string="Overall limit", required=True, digits=(16, 2))
    cap_unit = fields.Selection(UNITS, required=True, default="working_days")
    stage_ids = fields.One2many("regulator.appeal.stage", "plan_id", string="Stages")
    rung_ids = fields.One2many(
        "regulator.appeal.rung", "plan_id", string="Supervision ladder"
    )
    rule_ref = fields.Char(string="Rules")
    note = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)", "An appeal plan code must be unique.")
    ]

    @api.constrains("stage_ids", "rung_ids", "cap", "cap_unit", "reading")
    def _check_rules(self):
        for plan in self:
            if plan.stage_ids:
                plan._to_rules()
            if plan.rung_ids:
                plan._to_ladder()

    def _to_rules(self):
        """The plan as a :class:`complaint_rules.appeal.StagePlan`."""
        self.ensure_one()
        try:
            return rules_appeal.StagePlan(
                code=self.code,
                name=self.name or "",
                stages=tuple(stage._to_rules() for stage in self.stage_ids),
                cap=_number(self.cap),
                cap_unit=self.cap_unit,
                reading=self.reading,
                rule_ids=tuple(_ids(self.rule_ref)),
            )
        except RuleError as exc:
            raise ValidationError(rules_error_message(self.env, exc)) from exc

    def _to_ladder(self):
        """The supervision ladder as a :class:`complaint_rules.appeal.Ladder`."""
        self.ensure_one()
        try:
            return rules_appeal.Ladder(
                code=self.code,
                name=self.name or "",
                rungs=tuple(rung._to_rules() for rung in self.rung_ids),
            )
        except RuleError as exc:
            raise ValidationError(rules_error_message(self.env, exc)) from exc

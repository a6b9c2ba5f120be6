# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from complaint_rules import grading as rules_grading
from complaint_rules.errors import RuleError

from ..tools import rules_error_message


class ComplaintGrade(models.Model):
    """A complaint grade (e.g. 重大 major / 重要 important / 轻微 minor).

    Grades of one scheme are ordered by severity (``sequence``: lower is more
    severe). Auto-grading evaluates the criteria of every grade of the scheme
    with :func:`complaint_rules.grading.evaluate`; the most severe matching
    grade wins, otherwise the scheme's default grade applies.
    """

    _name = "complaint.grade"
    _inherit = ["complaint.cache.mixin"]
    _description = "Complaint Grade"
    _order = "scheme_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    scheme = fields.Char(
        string="Scheme code",
        required=True,
        default="custom",
        help="Grades sharing a scheme are evaluated together.",
    )
    scheme_id = fields.Many2one(
        "complaint.grading.scheme",
        string="Grading scheme",
        compute="_compute_scheme_id",
        inverse="_inverse_scheme_id",
        store=True,
        readonly=False,
        index=True,
        ondelete="restrict",
        help="Grades sharing a scheme are evaluated together.",
    )
    sequence = fields.Integer(default=10, help="Lower is more severe.")
    color = fields.Integer(string="Kanban colour", aggregator=None)
    is_default = fields.Boolean(
        string="Default grade", help="Applied when no criterion matches."
    )
    rule_ref = fields.Char(
        string="Rule",
        required=True,
        default="custom",
        help="Rule ID of the source document that defines this grade.",
    )
    criterion_ids = fields.One2many(
        "complaint.grade.criterion", "grade_id", string="Criteria"
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")

    _sql_constraints = [
        (
            "code_scheme_uniq",
            "unique(scheme, code)",
            "Grade codes are unique per scheme.",
        )
    ]

    @api.depends("scheme")
    def _compute_scheme_id(self):
        # The code is the key (data, rules package); the record is what
        # people read and pick. Upgraded databases get theirs here.
        self.env["complaint.grading.scheme"]._link(self, "scheme", "scheme_id")

    def _inverse_scheme_id(self):
        # A grade always belongs to a scheme: clearing the pick keeps it.
        self.env["complaint.grading.scheme"]._write_code(
            self.filtered("scheme_id"), "scheme", "scheme_id"
        )

    @api.model_create_multi
    def create(self, vals_list):
        Scheme = self.env["complaint.grading.scheme"]
        for vals in vals_list:
            if vals.get("scheme_id") and not vals.get("scheme"):
                vals["scheme"] = Scheme.browse(vals["scheme_id"]).code
        Scheme._ensure_codes(
            [
                vals.get("scheme") or self._fields["scheme"].default(self)
                for vals in vals_list
            ]
        )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("scheme"):
            self.env["complaint.grading.scheme"]._ensure_codes([vals["scheme"]])
        return super().write(vals)

    @api.constrains("is_default", "scheme")
    def _check_one_default(self):
        for scheme in set(self.mapped("scheme")):
            defaults = self.search_count(
                [("scheme", "=", scheme), ("is_default", "=", True)]
            )
            if defaults > 1:
                raise ValidationError(
                    self.env._(
                        "Grading scheme %(scheme)s has more than one default grade.",
                        scheme=scheme,
                    )
                )

    @api.model
    @tools.ormcache("scheme_code")
    def _cached_scheme(self, scheme_code):
        """(pure scheme, {grade code: grade id}) of one scheme, or None.

        Built once per scheme and kept until a grade, criterion or fact is
        changed, so grading a new ticket costs no query. The company of a
        grade only limits who sees it; every grade of the scheme grades.
        """
        grades = self.sudo().search([("scheme", "=", scheme_code)])
        if not grades:
            return None
        default = grades.filtered("is_default")[:1] or grades[-1:]
        try:
            scheme = rules_grading.scheme_from_dicts(
                [grade._to_rules_dict() for grade in grades],
                [row for grade in grades for row in grade._criteria_dicts()],
                default_grade=default.code,
                code=scheme_code,
            )
        except RuleError as exc:
            raise ValidationError(rules_error_message(self.env, exc)) from exc
        return scheme, {grade.code: grade.id for grade in grades}

    def _to_rules_dict(self):
        self.ensure_one()
        return {
            "code": self.code,
            # Labels are informative in the pure scheme; codes decide.
            "label_zh": self.name,
            "label_en": self.name,
            "rule_id": self.rule_ref,
            "sequence": self.sequence,
        }

    def _criteria_dicts(self):
        self.ensure_one()
        return [criterion._to_rules_dict() for criterion in self.criterion_ids]

    @api.model
    def _evaluate(self, scheme_code, facts):
        """(grade record, deciding rule reference) for the facts, or an empty
        record and False when the scheme has no grades."""
        if isinstance(scheme_code, models.BaseModel):
            scheme_code = scheme_code.code  # a complaint.grading.scheme
        cached = self._cached_scheme(scheme_code)
        if not cached:
            return self.browse(), False
        scheme, grade_ids = cached
        result = rules_grading.evaluate(facts, scheme)
        return self.browse(grade_ids[result.grade]), result.rule_id

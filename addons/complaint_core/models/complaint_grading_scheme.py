# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ComplaintGradingScheme(models.Model):
    """A grading scheme (e.g. the property-management 重大/重要/轻微 scheme)
    that head office picks per company. Its ``code`` is the key of the
    scheme in ``complaint_rules`` and on the grades (``complaint.grade.scheme``);
    people read its ``name``."""

    _name = "complaint.grading.scheme"
    _description = "Complaint Grading Scheme"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Technical key of the scheme, shared by its grades and used by "
        "the rules package.",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    grade_ids = fields.One2many("complaint.grade", "scheme_id", string="Grades")
    grade_count = fields.Integer(
        compute="_compute_grade_count", string="Number of grades"
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of a grading scheme must be unique.")
    ]

    @api.model
    def _link(self, records, code_field, scheme_field):
        """Compute of a ``scheme_field`` (the record people pick) from the
        ``code_field`` (the key the rules package and the data use), on any
        model that carries both (grades, companies, SLA policies)."""
        schemes = self._by_code(records.mapped(code_field))
        for record in records:
            record[scheme_field] = schemes.get(record[code_field], False)

    @api.model
    def _write_code(self, records, code_field, scheme_field):
        """Inverse of :meth:`_link`: the picked record's code back into the
        code field."""
        for record in records:
            code = record[scheme_field].code or False
            if record[code_field] != code:
                record[code_field] = code

    @api.depends("grade_ids")
    def _compute_grade_count(self):
        counts = {
            scheme.id: count
            for scheme, count in self.env["complaint.grade"]._read_group(
                [("scheme_id", "in", self.ids)], ["scheme_id"], ["__count"]
            )
        }
        for scheme in self:
            scheme.grade_count = counts.get(scheme.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        schemes = super().create(vals_list)
        schemes._link_codes()
        return schemes

    def _link_codes(self):
        """Grades and companies naming these schemes (all schemes when
        empty) by their code without the record, e.g. in databases upgraded
        from the code-only version, get the record. Also run on every
        update by the scheme data."""
        schemes = self or self.with_context(active_test=False).search([])
        codes = schemes.mapped("code")
        for model, field_name, code_field in (
            ("complaint.grade", "scheme_id", "scheme"),
            ("res.company", "complaint_grade_scheme_id", "complaint_grade_scheme"),
        ):
            Model = self.env[model].sudo().with_context(active_test=False)
            records = Model.search(
                [(code_field, "in", codes), (field_name, "=", False)]
            )
            if records:
                self.env.add_to_compute(Model._fields[field_name], records)
        self.env.flush_all()

    @api.model
    def _ensure_codes(self, codes):
        """The schemes of ``codes``, created (named after their code) when a
        grade or a company names a scheme that has no record yet."""
        codes = {code for code in codes if code}
        if not codes:
            return self.browse()
        Scheme = self.sudo().with_context(active_test=False)
        existing = Scheme.search([("code", "in", list(codes))])
        missing = codes - set(existing.mapped("code"))
        if missing:
            existing |= Scheme.create(
                [{"code": code, "name": code} for code in sorted(missing)]
            )
        return existing

    @api.model
    def _by_code(self, codes):
        """{code: scheme} of the schemes of ``codes`` (archived ones too)."""
        schemes = (
            self.sudo()
            .with_context(active_test=False)
            .search([("code", "in", [c for c in codes if c])])
        )
        return {scheme.code: scheme for scheme in schemes}

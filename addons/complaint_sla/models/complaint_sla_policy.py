# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from odoo.addons.complaint_core.models.helpdesk_ticket import KINDS
from odoo.addons.complaint_core.models.helpdesk_ticket_channel import CHANNEL_CODES
from odoo.addons.complaint_core.models.res_company import ORG_LEVELS

from complaint_rules import sla as rules_sla
from complaint_rules.errors import RuleError

from ..tools import aware, sla_error_message

# complaint_rules.sla.ANONYMITY: S000-R174, feedback owed to real-name
# reporters only.
ANONYMITY = [
    ("any", "Any reporter"),
    ("real_name", "Real-name only"),
    ("anonymous", "Anonymous only"),
]


class ComplaintSlaPolicy(models.Model):
    """Time limits of the lifecycle steps for the tickets matching criteria.

    Matching and the choice among matching policies are done by
    :func:`complaint_rules.sla.select_limits`: for each slot (step, end step)
    the most specific matching policy wins (specificity = number of criteria
    set among kind, grades, channel, org level, company and the reporter's
    anonymity, S000-R174); ties go to the lower sequence, then to the older
    policy. The grading scheme is a filter.
    """

    _name = "complaint.sla.policy"
    _inherit = ["complaint.cache.mixin"]
    _description = "Complaint SLA Policy"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        help="Stable code of a shipped preset (e.g. telecom_base).", copy=False
    )
    sequence = fields.Integer(
        default=10, help="Among equally specific policies, the lower one wins."
    )
    active = fields.Boolean(default=True)
    scheme = fields.Char(
        string="Grading scheme code",
        help="Apply only to tickets of companies using this grading scheme "
        "(Settings > Helpdesk). Empty: every company.",
    )
    # The record head office picks; the code above is what the rules match.
    scheme_id = fields.Many2one(
        "complaint.grading.scheme",
        string="Grading scheme",
        compute="_compute_scheme_id",
        inverse="_inverse_scheme_id",
        store=True,
        readonly=False,
        help="Apply only to tickets of companies using this grading scheme "
        "(Settings > Helpdesk). Empty: every company.",
    )
    complaint_kind = fields.Selection(KINDS, string="Kind")
    grade_ids = fields.Many2many("complaint.grade", string="Grades")
    channel_code = fields.Selection(CHANNEL_CODES, string="Channel type")
    org_level = fields.Selection(ORG_LEVELS, string="Org level")
    company_id = fields.Many2one("res.company")
    track = fields.Char(
        help="Apply only to tickets an addon put on this track (e.g. "
        "report_senior: reports on senior management). Empty: every ticket.",
    )
    anonymity = fields.Selection(
        ANONYMITY,
        required=True,
        default="any",
        help="Whether the policy applies to every ticket, to real-name ones "
        "only (e.g. the feedback owed to real-name reporters) or to anonymous "
        "ones only (the ticket's Anonymous box).",
    )
    specificity = fields.Integer(
        compute="_compute_specificity",
        help="Number of criteria set: the most specific matching policy wins.",
    )
    line_ids = fields.One2many(
        "complaint.sla.policy.line", "policy_id", string="Step limits", copy=True
    )
    rule_ref = fields.Char(string="Rules", help="Rule IDs of the source documents.")
    note = fields.Text(translate=True)
    provisional_years = fields.Char(
        string="Years without holidays",
        compute="_compute_provisional_years",
        help="A limit of this policy started now, or a running deadline from "
        "it, reaches these years, whose public holidays are not loaded yet: "
        "such deadlines count weekends only until head office loads the year.",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "The code of an SLA policy must be unique.")
    ]

    @api.depends(
        "complaint_kind",
        "grade_ids",
        "channel_code",
        "org_level",
        "company_id",
        "track",
        "anonymity",
    )
    def _compute_specificity(self):
        for policy in self:
            # As complaint_rules.sla.Policy.specificity counts them.
            policy.specificity = sum(
                bool(value)
                for value in (
                    policy.complaint_kind,
                    policy.grade_ids,
                    policy.channel_code,
                    policy.org_level,
                    policy.company_id,
                    policy.track,
                    (policy.anonymity or "any") != "any",
                )
            )

    def _compute_provisional_years(self):
        now = fields.Datetime.now()
        running = {
            policy.id: set(years)
            for policy, years in self.env["complaint.ticket.deadline"]
            .sudo()
            ._read_group(
                [
                    ("policy_id", "in", self.ids),
                    ("state", "in", ("open", "paused")),
                    ("provisional_year", "!=", 0),
                ],
                ["policy_id"],
                ["provisional_year:array_agg"],
            )
        }
        Calendar = self.env["resource.calendar"]
        for policy in self:
            company = policy.company_id or self.env.company
            calendar = company._complaint_sla_calendar()
            cal = Calendar._complaint_work_calendar(calendar.id)
            start = aware(now, cal.tz_name)
            years = set(running.get(policy.id, ()))
            for line in policy.line_ids:
                try:
                    clock = rules_sla.plan(line._to_rules(), start, cal)
                except RuleError:
                    continue
                years.update(cal.provisional_years_between(start, clock.deadline))
            policy.provisional_years = ", ".join(str(y) for y in sorted(years))

    @api.constrains(
        "line_ids", "complaint_kind", "channel_code", "org_level", "anonymity"
    )
    def _check_rules(self):
        for policy in self:
            policy._to_rules()

    # Business ------------------------------------------------------------------
    def _rules_code(self):
        # Ties of specificity and sequence go to the older policy.
        return f"{self.id:012d}"

    def _to_rules(self):
        """The policy as a :class:`complaint_rules.sla.Policy`."""
        self.ensure_one()
        try:
            return rules_sla.Policy(
                code=self._rules_code(),
                name=self.name or "",
                limits=tuple(line._to_rules() for line in self.line_ids),
                kinds={self.complaint_kind} if self.complaint_kind else (),
                grades=self.grade_ids.ids,
                channels={self.channel_code} if self.channel_code else (),
                levels={self.org_level} if self.org_level else (),
                companies=self.company_id.ids,
                tracks={self.track} if self.track else (),
                anonymity=self.anonymity or "any",
                scheme=self.scheme or "",
                sequence=self.sequence,
                active=self.active,
            )
        except RuleError as exc:
            raise ValidationError(sla_error_message(self.env, exc)) from exc

    @api.model
    @tools.ormcache()
    def _sla_policies(self):
        """``(policies, line ids)`` of every active policy, cached.

        ``line ids`` maps ``(policy code, slot)`` to the policy line id.
        """
        # Every active policy is needed to rank them (a handful of rows).
        policies = self.sudo().search([("active", "=", True)])
        rules = []
        line_ids = {}
        for policy in policies:
            rule = policy._to_rules()
            rules.append(rule)
            for line in policy.line_ids:
                line_ids[(rule.code, line._slot())] = line.id
        return tuple(rules), line_ids

    @api.depends("scheme")
    def _compute_scheme_id(self):
        self.env["complaint.grading.scheme"]._link(self, "scheme", "scheme_id")

    def _inverse_scheme_id(self):
        self.env["complaint.grading.scheme"]._write_code(self, "scheme", "scheme_id")

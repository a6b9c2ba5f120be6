# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from decimal import Decimal

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from complaint_rules import contact as rules_contact
from complaint_rules import grading as rules_grading
from complaint_rules import lifecycle as rules_lifecycle
from complaint_rules.errors import InvalidTransitionError, RuleError
from complaint_rules.reference import REVISIT_WINDOW_DAYS

from ..integrity import (
    check_input_types,
    check_protected,
    complaint_role,
    lifecycle,
    lock_rows,
    to_record,
    tracked,
    with_user_lang,
    without_protected_defaults,
)
from ..integrity import (
    in_lifecycle as in_lifecycle_env,
)
from ..tools import rules_error_message
from .complaint_grade_criterion import CONDUCT_LEVELS, HARM_LEVELS, IMPACT_LEVELS
from .res_company import ORG_LEVELS

KINDS = [
    ("complaint", "Complaint"),
    ("report", "Report"),
    ("consultation", "Consultation"),
    ("suggestion", "Suggestion"),
    ("praise", "Praise"),
]
SUBSTANTIATION = [
    ("substantiated", "Substantiated"),
    ("partly_substantiated", "Partly substantiated"),
    ("unsubstantiated", "Unsubstantiated"),
]
SATISFACTION = [
    ("satisfied", "Satisfied"),
    ("basically_satisfied", "Basically satisfied"),
    ("dissatisfied", "Dissatisfied"),
]
REPLY_CHANNELS = [
    ("phone", "Phone"),
    ("sms", "SMS"),
    ("email", "Email"),
    ("letter", "Letter"),
    ("visit", "In person"),
    ("portal", "Portal"),
]
# Fields whose change re-evaluates the grade (unless set by hand).
GRADING_FIELDS = {
    "complaint_kind",
    "channel_id",
    "complainant_count",
    "repeat_count",
    "complaint_amount",
    "regulator_involved",
    "media_involved",
    "harm",
    "conduct",
    "impact",
    "fact_flag_ids",
    "appeal_count",
}
# Written by the lifecycle code only (issue 9): the step follows the stage;
# step dates, counters, computed facts and the decisions recorded by the
# lifecycle actions are never taken from a caller.
PROTECTED_FIELDS = frozenset(
    {
        "complaint_step",
        "channel_code",
        "org_level",
        "date_received",
        "date_dispatched",
        "date_handling",
        "date_replied",
        "date_revisit",
        "date_rejected",
        "date_merged",
        "date_accepted",
        "reexamination_count",
        "escalation_count",
        "repeat_count",
        "possible_duplicate_id",
        "duplicate_id",
        "complainant_phone_key",
        "grade_rule_ref",
        "revisit_deadline",
        "rejection_notice_sent",
        "complainant_accepted",
        "reply_content",
        "reply_channel",
        "reply_date",
        "satisfaction",
        "closing_conclusion_id",
        "substantiation",
        "closing_note",
        "rejection_reason_id",
        "reexamination_evidence",
    }
)
# Longest subject accepted (the ticket's name).
SUBJECT_MAX = 200
# Step -> date field stamped when a ticket enters it.
STEP_DATE_FIELDS = {
    "received": "date_received",
    "dispatched": "date_dispatched",
    "handling": "date_handling",
    "replied": "date_replied",
    "revisit": "date_revisit",
    "rejected": "date_rejected",
    "merged": "date_merged",
}


class HelpdeskTicket(models.Model):
    _inherit = ["helpdesk.ticket", "complaint.mail.sender.mixin"]
    _name = "helpdesk.ticket"

    complaint_kind = fields.Selection(
        KINDS,
        string="Kind",
        required=True,
        default="complaint",
        tracking=True,
        index=True,
    )
    # Stored computes are precomputed where their inputs allow (part of the
    # INSERT of a new ticket). The step cannot be: helpdesk_mgmt computes the
    # stage from the team after the INSERT.
    complaint_step = fields.Selection(
        string="Lifecycle step",
        related="stage_id.complaint_step",
        store=True,
        readonly=True,
        index=True,
    )
    channel_code = fields.Selection(
        related="channel_id.complaint_channel_code",
        store=True,
        precompute=True,
        string="Channel type",
    )
    # Complainant ------------------------------------------------------------
    # Indexed for the duplicate check on every new ticket (多口归一).
    partner_id = fields.Many2one(index="btree_not_null")
    complainant_phone = fields.Char(string="Phone", tracking=True)
    complainant_phone_key = fields.Char(index=True, copy=False, readonly=True)
    complainant_anonymous = fields.Boolean(string="Anonymous", tracking=True)
    complainant_count = fields.Integer(
        string="Number of complainants", default=1, tracking=True
    )
    # What the complaint is about --------------------------------------------
    respondent_company_id = fields.Many2one(
        "res.company", string="Unit complained about", tracking=True
    )
    respondent_staff = fields.Char(string="Staff complained about", tracking=True)
    classification_id = fields.Many2one(
        "complaint.classification", tracking=True, index=True
    )
    complaint_amount = fields.Monetary(
        string="Amount at stake", currency_field="complaint_currency_id"
    )
    complaint_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Currency"
    )
    regulator_involved = fields.Boolean(tracking=True)
    media_involved = fields.Boolean(tracking=True)
    harm = fields.Selection(HARM_LEVELS, default="none", tracking=True)
    conduct = fields.Selection(
        CONDUCT_LEVELS, string="Conduct complained of", default="none", tracking=True
    )
    impact = fields.Selection(
        IMPACT_LEVELS, string="Scope of impact", default="none", tracking=True
    )
    fact_flag_ids = fields.Many2many(
        "complaint.fact.flag", string="Other facts", tracking=True
    )
    # Grade --------------------------------------------------------------------
    grade_id = fields.Many2one("complaint.grade", tracking=True, index=True)
    grade_color = fields.Integer(related="grade_id.color")
    grade_rule_ref = fields.Char(string="Graded by rule", readonly=True, copy=False)
    grade_manual = fields.Boolean(
        string="Grade set by hand",
        copy=False,
        help="Auto-grading does not overwrite a grade set by hand.",
    )
    repeat_count = fields.Integer(
        string="Repeat complaints",
        default=0,
        readonly=True,
        copy=False,
        help="Earlier tickets of the same complainant and classification within "
        "the company's duplicate window.",
    )
    possible_duplicate_id = fields.Many2one(
        "helpdesk.ticket", readonly=True, copy=False, index="btree_not_null"
    )
    # Organisation -------------------------------------------------------------
    org_level = fields.Selection(
        ORG_LEVELS,
        compute="_compute_org_level",
        store=True,
        precompute=True,
        index=True,
    )
    first_contact_user_id = fields.Many2one(
        "res.users",
        string="First-contact owner",
        default=lambda self: self._default_first_contact_user(),
        tracking=True,
        index=True,
        domain="[('share', '=', False)]",
        help="首问负责: the person who received the complainant first stays "
        "responsible for follow-up; only a manager may change it. Always an "
        "internal user: tickets filed in the portal get the company's intake "
        "user.",
    )
    escalation_ids = fields.One2many("complaint.escalation", "ticket_id")
    # S000-R155: the customer's own appeals on the matter (direct appeal after
    # an unsatisfying first result), not the internal escalations.
    appeal_count = fields.Integer(
        string="Customer appeals",
        default=0,
        tracking=True,
        help="How many times the complainant, dissatisfied with an earlier "
        "result, took this matter to a higher level (申诉/越级, S000-R155). "
        "Internal and automatic escalations do not count.",
    )
    escalation_count = fields.Integer(default=0, readonly=True, copy=False)
    # Step timestamps ----------------------------------------------------------
    date_received = fields.Datetime(
        default=fields.Datetime.now, readonly=True, copy=False, index=True
    )
    date_dispatched = fields.Datetime(readonly=True, copy=False)
    date_handling = fields.Datetime(readonly=True, copy=False)
    date_replied = fields.Datetime(readonly=True, copy=False)
    date_revisit = fields.Datetime(readonly=True, copy=False)
    date_rejected = fields.Datetime(readonly=True, copy=False)
    date_merged = fields.Datetime(readonly=True, copy=False)
    # Dispatch / reply / revisit / close / reject -------------------------------
    dispatch_order_ids = fields.One2many("complaint.dispatch.order", "ticket_id")
    settlement_ids = fields.One2many("complaint.settlement", "ticket_id")
    reply_content = fields.Text(copy=False, tracking=True)
    reply_channel = fields.Selection(REPLY_CHANNELS, copy=False, tracking=True)
    reply_date = fields.Datetime(copy=False)
    revisit_deadline = fields.Datetime(
        compute="_compute_revisit_deadline", store=True, copy=False
    )
    satisfaction = fields.Selection(SATISFACTION, copy=False, tracking=True)
    revisit_declined = fields.Boolean(
        copy=False,
        tracking=True,
        help="The complainant declined the revisit: the ticket may close after "
        "the reply.",
    )
    revisit_note = fields.Text(copy=False)
    closing_conclusion_id = fields.Many2one(
        "complaint.closing.conclusion", copy=False, tracking=True
    )
    substantiation = fields.Selection(SUBSTANTIATION, copy=False, tracking=True)
    closing_note = fields.Text(copy=False)
    rejection_reason_id = fields.Many2one(
        "complaint.rejection.reason", copy=False, tracking=True
    )
    rejection_notice_sent = fields.Boolean(copy=False, readonly=True)
    complainant_accepted = fields.Boolean(
        string="Accepted by the complainant",
        readonly=True,
        copy=False,
        tracking=True,
        help="The complainant accepted the answer (S004-R126). Acceptance is "
        "not a withdrawal: the conclusion comes from the handling.",
    )
    date_accepted = fields.Datetime(readonly=True, copy=False)
    reexamination_count = fields.Integer(default=0, readonly=True, copy=False)
    reexamination_evidence = fields.Text(copy=False)

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """Kanban columns: the lifecycle's stages (the preferred one of each
        step) and any stage that holds tickets of the view; the helpdesk's
        old stages fold away when empty, their tickets stay reachable."""
        return stages | stages.search([("complaint_preferred", "=", True)])

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("company_id.complaint_org_level")
    def _compute_org_level(self):
        for ticket in self:
            ticket.org_level = ticket.company_id.complaint_org_level

    @api.depends("date_replied", "company_id.complaint_revisit_days")
    def _compute_revisit_deadline(self):
        # S000-R120: revisit within 7 days of the reply (company setting).
        for ticket in self:
            if ticket.date_replied:
                days = ticket.company_id.complaint_revisit_days or REVISIT_WINDOW_DAYS
                ticket.revisit_deadline = ticket.date_replied + timedelta(days=days)
            else:
                ticket.revisit_deadline = False

    @api.model
    def _default_first_contact_user(self):
        """首问负责: the user who receives the ticket; for a ticket filed by a
        complainant in the portal, the company's intake user (an internal
        user, so SLA warnings reach staff)."""
        user = self.env.user
        if not user.share:
            return user
        company = (
            self.env["res.company"].browse(self.env.context.get("default_company_id"))
            or self.env.company
        )
        return company.sudo()._complaint_intake_user()

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("name")
    def _check_subject(self):
        for ticket in self:
            subject = (ticket.name or "").strip()
            if not subject:
                raise ValidationError(self.env._("A ticket needs a subject."))
            if len(subject) > SUBJECT_MAX:
                raise ValidationError(
                    self.env._(
                        "The subject is %(length)s characters long; at most "
                        "%(max)s are allowed. Put the details in the description.",
                        length=len(subject),
                        max=SUBJECT_MAX,
                    )
                )

    @api.constrains("first_contact_user_id")
    def _check_first_contact_internal(self):
        for ticket in self:
            if ticket.first_contact_user_id.share:
                raise ValidationError(
                    self.env._(
                        "The first-contact owner of ticket %(ticket)s must be an "
                        "internal user, not %(user)s.",
                        ticket=ticket.display_name,
                        user=ticket.first_contact_user_id.name,
                    )
                )

    @api.constrains("complainant_count")
    def _check_complainant_count(self):
        for ticket in self:
            if ticket.complainant_count < 1:
                raise ValidationError(
                    self.env._("A ticket has at least one complainant.")
                )

    @api.constrains("complaint_amount")
    def _check_amount(self):
        for ticket in self:
            if ticket.complaint_amount < 0:
                raise ValidationError(
                    self.env._("The amount at stake cannot be negative.")
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        now = fields.Datetime.now()
        for vals in vals_list:
            check_input_types(model, vals)
            # A form or client sending an empty value of a lifecycle field
            # sets nothing; the lifecycle's own values apply.
            for name in PROTECTED_FIELDS & set(vals):
                if vals[name] in (False, None, 0, "") and not in_lifecycle_env(
                    self.env
                ):
                    del vals[name]
            check_protected(model, vals, PROTECTED_FIELDS)
            model._normalize_phone_vals(vals)
            if not self.env.su and "first_contact_user_id" in vals:
                model._check_first_contact_on_create(vals["first_contact_user_id"])
            # Explicit values beat any default_* a caller puts in the context.
            vals.setdefault("date_received", now)
            for name in ("reexamination_count", "escalation_count", "repeat_count"):
                vals.setdefault(name, 0)
        tickets = super(
            HelpdeskTicket, tracked(without_protected_defaults(self, PROTECTED_FIELDS))
        ).create(vals_list)
        tickets = tickets.with_env(self.env)
        with_user_lang(tickets)._check_born_received()
        tickets._flag_duplicates()
        tickets.filtered(lambda t: not t.grade_manual)._apply_auto_grade()
        return tickets

    def _check_first_contact_on_create(self, user_id):
        """Only a manager names someone else as first-contact owner."""
        if user_id in (False, self.env.uid):
            return
        if not self.env.user.has_group("complaint_core.group_complaint_manager"):
            raise UserError(
                self.env._(
                    "Only a complaint manager may name another user as "
                    "first-contact owner."
                )
            )

    def _check_born_received(self):
        """A new ticket starts in the received step (受理), whatever stage a
        caller or a default_stage_id asked for (issue 9: no ticket born
        closed)."""
        for ticket in self:
            if ticket.stage_id.complaint_step not in (False, "received"):
                raise UserError(
                    self.env._(
                        "A new ticket starts in the step Received; stage "
                        "%(stage)s cannot be given on creation.",
                        stage=ticket.stage_id.display_name,
                    )
                )

    def write(self, vals):
        tickets = with_user_lang(self)
        vals = dict(vals)
        check_input_types(tickets, vals)
        check_protected(tickets, vals, PROTECTED_FIELDS)
        tickets._normalize_phone_vals(vals)
        if "first_contact_user_id" in vals and not self.env.su:
            tickets._check_can_change_first_contact()
        if "company_id" in vals and not self.env.su:
            tickets._check_can_change_company(vals["company_id"])
        auto_grade = in_lifecycle_env(self.env) and self.env.context.get(
            "complaint_auto_grade"
        )
        if "grade_id" in vals and not auto_grade:
            vals.setdefault("grade_manual", bool(vals["grade_id"]))
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            tickets._check_stage_change(stage, vals)
            date_field = STEP_DATE_FIELDS.get(stage.complaint_step)
            if date_field and any(
                t.complaint_step != stage.complaint_step for t in self
            ):
                vals[date_field] = fields.Datetime.now()
        res = super(HelpdeskTicket, tracked(self)).write(vals)
        if GRADING_FIELDS & set(vals) and not auto_grade:
            self.filtered(lambda t: not t.grade_manual)._apply_auto_grade()
        return res

    def _check_can_change_company(self, company_id):
        """A ticket leaves its branch by escalation or dispatch, not by a
        write; head office may re-file it."""
        if in_lifecycle_env(self.env) or self.env.user.has_group(
            "complaint_core.group_complaint_head_office"
        ):
            return
        if any(ticket.company_id.id != company_id for ticket in self):
            raise UserError(
                self.env._(
                    "A ticket moves to another company only by escalation; "
                    "ask head office to re-file it."
                )
            )

    @api.model
    def _normalize_phone_vals(self, vals):
        phone = vals.get("complainant_phone")
        if phone:
            try:
                vals["complainant_phone"] = rules_contact.normalize_phone(phone)
                vals["complainant_phone_key"] = rules_contact.phone_key(phone)
            except RuleError as exc:
                raise ValidationError(
                    self.env._(
                        "The phone number %(phone)s is not a valid Chinese mobile, "
                        "landline or service number.",
                        phone=phone,
                    )
                ) from exc
        elif "complainant_phone" in vals:
            vals["complainant_phone_key"] = False

    # ------------------------------------------------------------------
    # Lifecycle (single gatekeeper for every stage change, kanban included)
    # ------------------------------------------------------------------
    def _complaint_role(self):
        """Role of the current user for complaint_rules.lifecycle: from who
        the user is (integrity.complaint_role), never from the context."""
        return complaint_role(self.env)

    def _check_stage_change(self, stage, vals):
        role = self._complaint_role()
        target = stage.complaint_step
        for ticket in self:
            source = ticket.complaint_step
            if source == target:
                continue
            try:
                rules_lifecycle.check_transition(
                    source,
                    target,
                    role,
                    reexamination_count=ticket.reexamination_count,
                    has_new_evidence=in_lifecycle_env(self.env)
                    and bool(
                        vals.get("reexamination_evidence")
                        or self.env.context.get("complaint_new_evidence")
                    ),
                    # The complainant's own acceptance stands for the revisit
                    # (S004-R126); a declined revisit is not required.
                    revisit_required=role != "complainant"
                    and not vals.get(
                        "complainant_accepted", ticket.complainant_accepted
                    )
                    and rules_lifecycle.revisit_required(
                        vals.get("complaint_kind") or ticket.complaint_kind,
                        declined=bool(
                            vals.get("revisit_declined", ticket.revisit_declined)
                        ),
                    ),
                )
            except InvalidTransitionError as exc:
                raise UserError(ticket._transition_error_message(exc, stage)) from exc
            except RuleError as exc:
                raise UserError(rules_error_message(self.env, exc)) from exc
            ticket._check_step_requirements(target, vals)

    def _transition_error_message(self, exc, stage):
        steps = dict(self._fields["complaint_step"]._description_selection(self.env))
        code = getattr(exc, "code", "")
        if code == "reexamination_limit":
            return self.env._(
                "Ticket %(ticket)s has already been re-examined once; a second "
                "re-examination request is refused.",
                ticket=self.display_name,
            )
        if code == "revisit_required":
            return self.env._(
                "Ticket %(ticket)s must be revisited before it is closed.",
                ticket=self.display_name,
            )
        if code == "reexamination_needs_evidence":
            return self.env._(
                "A re-examination of ticket %(ticket)s needs new evidence.",
                ticket=self.display_name,
            )
        return self.env._(
            "Ticket %(ticket)s cannot move from step %(from_step)s to stage "
            "%(stage)s (step %(target)s) for your role.",
            ticket=self.display_name,
            from_step=steps.get(self.complaint_step, self.complaint_step),
            stage=stage.display_name,
            target=steps.get(stage.complaint_step, stage.complaint_step),
        )

    def _check_step_requirements(self, target, vals):
        self.ensure_one()

        def value(name):
            return vals[name] if name in vals else self[name]

        if target in ("replied", "closed"):
            blocking = self.sudo().settlement_ids.filtered(
                lambda s: s.state in ("review", "pending", "rejected")
            )
            if blocking:
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s has a settlement proposal that is pending "
                        "approval or was rejected (%(names)s): it cannot be replied "
                        "to or closed until the proposal is approved or cancelled.",
                        ticket=self.display_name,
                        names=", ".join(blocking.mapped("name")),
                    )
                )
        if target == "closed":
            if not value("closing_conclusion_id") or not value("substantiation"):
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s cannot be closed without a closing "
                        "conclusion and a substantiation finding.",
                        ticket=self.display_name,
                    )
                )
        elif target == "rejected" and not value("rejection_reason_id"):
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s cannot be rejected without a "
                    "non-acceptance reason.",
                    ticket=self.display_name,
                )
            )
        elif target == "replied" and not value("reply_content"):
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s cannot be marked replied without the reply "
                    "given to the complainant.",
                    ticket=self.display_name,
                )
            )
        elif target == "merged" and not value("duplicate_id"):
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s can only be merged into another ticket.",
                    ticket=self.display_name,
                )
            )

    def _check_can_change_first_contact(self):
        if self.env.user.has_group("complaint_core.group_complaint_manager"):
            return
        if any(ticket.first_contact_user_id for ticket in self):
            raise UserError(
                self.env._(
                    "Only a complaint manager may change the first-contact owner."
                )
            )

    def _complaint_stage(self, step):
        """The stage standing for ``step`` that applies to this ticket's team."""
        self.ensure_one()
        Stage = self.env["helpdesk.ticket.stage"]
        base = [
            ("complaint_step", "=", step),
            "|",
            ("company_id", "=", False),
            ("company_id", "=", self.company_id.id),
        ]
        stage = Stage
        if self.team_id:
            stage = Stage.search([*base, ("team_ids", "in", self.team_id.ids)], limit=1)
        if not stage:
            stage = Stage.search(
                [*base, ("team_ids", "=", False)],
                order="complaint_preferred desc, sequence, id",
                limit=1,
            )
        if not stage:
            steps = dict(
                self._fields["complaint_step"]._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "No stage is configured for the lifecycle step %(step)s.",
                    step=steps.get(step, step),
                )
            )
        return stage

    def _move_to_step(self, step, extra_vals=None, **ctx):
        for ticket in self:
            vals = dict(extra_vals or {})
            vals["stage_id"] = ticket._complaint_stage(step).id
            lifecycle(ticket).with_context(**ctx).write(vals)

    # ------------------------------------------------------------------
    # Duplicates and grading
    # ------------------------------------------------------------------
    def _duplicate_domain(self):
        self.ensure_one()
        if self.partner_id:
            who = [("partner_id", "=", self.partner_id.id)]
        elif self.complainant_phone_key:
            who = [("complainant_phone_key", "=", self.complainant_phone_key)]
        else:
            return None
        window = self.company_id.complaint_duplicate_window_days or 30
        # The window of complaint_rules.grading.count_repeats (one home).
        since = rules_grading.window_start(
            self.date_received or fields.Datetime.now(), window
        )
        return [
            *who,
            ("id", "!=", self.id),
            ("classification_id", "=", self.classification_id.id),
            ("date_received", ">=", since),
            # Through the stage: the stored step of a new ticket is only
            # computed at the next flush, which would cost an UPDATE more.
            ("stage_id.complaint_step", "!=", "merged"),
        ]

    def _flag_duplicates(self):
        """多口归一 (S002-R008): same complainant and matter within the window."""
        Ticket = self.sudo().with_context(active_test=False)
        for ticket in self:
            domain = ticket._duplicate_domain()
            if domain is None:
                continue
            # One bounded query: the latest earlier ticket and how many there
            # are (the window count is taken before the LIMIT), instead of
            # fetching every earlier ticket of a frequent complainant.
            query = Ticket._search(domain, order="date_received desc, id desc", limit=1)
            # execute_query flushes the fields the query reads.
            rows = self.env.execute_query(
                query.select(
                    SQL.identifier("helpdesk_ticket", "id"), SQL("count(*) OVER ()")
                )
            )
            if rows:
                lifecycle(ticket).with_context(complaint_auto_grade=True).write(
                    {"possible_duplicate_id": rows[0][0], "repeat_count": rows[0][1]}
                )

    def _grading_facts(self):
        self.ensure_one()
        digits = self.complaint_currency_id.decimal_places or 2
        return rules_grading.TicketFacts(
            kind=self.complaint_kind,
            channel=self.channel_code or "hotline",
            regulator_involved=self.regulator_involved
            or self.channel_code == "regulator",
            media_involved=self.media_involved,
            complainant_count=self.complainant_count or 1,
            repeat_count=self.repeat_count,
            upgrade_count=self.appeal_count,
            # Monetary is rounded to the currency: exact as a fixed-point string.
            amount=Decimal(f"{self.complaint_amount or 0:.{digits}f}"),
            harm=self.harm or "none",
            conduct=self.conduct or "none",
            impact=self.impact or "none",
            flags=frozenset(self.fact_flag_ids.mapped("code")),
        )

    def _apply_auto_grade(self):
        Grade = self.env["complaint.grade"]
        for ticket in self:
            scheme = ticket.company_id.complaint_grade_scheme
            if not scheme:
                continue
            try:
                grade, rule = Grade._evaluate(scheme, ticket._grading_facts())
            except RuleError as exc:
                raise ValidationError(rules_error_message(self.env, exc)) from exc
            if grade and (grade != ticket.grade_id or rule != ticket.grade_rule_ref):
                lifecycle(ticket).with_context(complaint_auto_grade=True).write(
                    {"grade_id": grade.id, "grade_rule_ref": rule}
                )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _open_action_wizard(self, action):
        self.ensure_one()
        wizard_action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_core.complaint_action_wizard_action"
        )
        wizard_action["context"] = {
            "default_ticket_id": self.id,
            "default_action": action,
        }
        # Titled by its action (派单, 答复, 回访 ...), not "Complaint action".
        wizard_action["name"] = self.env["complaint.action.wizard"]._action_title(
            action
        )
        return wizard_action

    def action_complaint_dispatch(self):
        return self._open_action_wizard("dispatch")

    def action_complaint_start(self):
        return self.complaint_start()

    def action_complaint_reply(self):
        return self._open_action_wizard("reply")

    def action_complaint_revisit(self):
        return self._open_action_wizard("revisit")

    def action_complaint_close(self):
        return self._open_action_wizard("close")

    def action_complaint_reject(self):
        return self._open_action_wizard("reject")

    def action_complaint_reopen(self):
        self.complaint_reopen()
        return True

    def action_complaint_reexamine(self):
        return self._open_action_wizard("reexamine")

    def action_complaint_escalate(self):
        return self._open_action_wizard("escalate")

    def action_complaint_merge(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_core.complaint_merge_wizard_action"
        )
        action["context"] = {
            "default_ticket_id": self.id,
            "default_master_id": self.possible_duplicate_id.id,
        }
        return action

    # Business methods: called by the wizards, by other addons and over RPC.
    # Each takes ids or records and plain values, checks the step it starts
    # from under a row lock, and returns a plain value (see README, "RPC").
    def _lifecycle_begin(self, action, target=None):
        """Lock the ticket's row and check, on its current step, that
        ``action`` starts here (towards ``target``).

        The lock makes two concurrent actions on one ticket run one after
        the other: the second waits for nothing (NOWAIT), fails with a
        concurrency error that Odoo's request layer retries, and the retry
        sees the first action's result and is refused with a clear message.
        """
        self.ensure_one()
        ticket = with_user_lang(self)
        lock_rows(self, ["stage_id", "complaint_step", "company_id"])
        if target is None:
            return ticket
        transition = rules_lifecycle.TRANSITIONS.get((self.complaint_step, target))
        if transition is None or transition.action != action:
            steps = dict(
                self._fields["complaint_step"]._description_selection(ticket.env)
            )
            raise UserError(
                ticket.env._(
                    "Ticket %(ticket)s is in step %(step)s: the action %(action)s "
                    "does not start from there.",
                    ticket=self.display_name,
                    step=steps.get(self.complaint_step, self.complaint_step),
                    action=dict(
                        self.env["complaint.action.wizard"]
                        ._fields["action"]
                        ._description_selection(ticket.env)
                    ).get(action, action),
                )
            )
        return ticket

    def _lifecycle_result(self, **extra):
        self.ensure_one()
        return {
            "ticket_id": self.id,
            "number": self.number,
            "step": self.complaint_step,
            "stage_id": self.stage_id.id,
            "company_id": self.company_id.id,
            **extra,
        }

    def complaint_dispatch(
        self, unit_company, instructions, deadline, team=None, user=None
    ):
        """Issue a dispatch order (交办单) and move to 派单. Returns the
        ticket's state with ``dispatch_order_id`` and its number."""
        ticket = self._lifecycle_begin("dispatch", "dispatched")
        env = ticket.env
        unit_company = to_record(env, "res.company", unit_company)
        team = to_record(env, "helpdesk.ticket.team", team)
        user = to_record(env, "res.users", user)
        if not unit_company:
            raise UserError(env._("A dispatch order needs the handling unit."))
        order = lifecycle(env["complaint.dispatch.order"]).create(
            {
                "ticket_id": ticket.id,
                "unit_company_id": unit_company.id,
                "team_id": team.id,
                "user_id": user.id,
                "instructions": instructions,
                "deadline": fields.Datetime.to_datetime(deadline),
            }
        )
        vals = {}
        if team:
            vals["team_id"] = team.id
        if user:
            vals["user_id"] = user.id
        ticket._move_to_step("dispatched", vals)
        ticket.message_post(
            body=env._(
                "Dispatch order %(number)s issued to %(unit)s, due %(deadline)s.",
                number=order.number,
                unit=unit_company.display_name,
                deadline=order._local_deadline(),
            )
        )
        return ticket._lifecycle_result(
            dispatch_order_id=order.id, dispatch_order_number=order.number
        )

    def complaint_start(self):
        """The handling unit takes the dispatched ticket (派单 -> 处理)."""
        for ticket in self:
            ticket._lifecycle_begin("start", "handling")._move_to_step("handling")
        return True

    def complaint_reply(
        self, content, channel, reply_date=None, conclusion=None, substantiation=None
    ):
        """Record the answer given to the complainant (答复). The handling's
        finding (closing conclusion and substantiation) may be recorded with
        it; closing then keeps it."""
        for ticket in self:
            ticket = ticket._lifecycle_begin("reply", "replied")
            if not (content or "").strip():
                raise UserError(
                    ticket.env._(
                        "Ticket %(ticket)s cannot be marked replied without the "
                        "reply given to the complainant.",
                        ticket=ticket.display_name,
                    )
                )
            vals = {
                "reply_content": content,
                "reply_channel": channel,
                "reply_date": fields.Datetime.to_datetime(reply_date)
                or fields.Datetime.now(),
            }
            vals.update(ticket._finding_vals(conclusion, substantiation))
            check_input_types(ticket, vals)
            ticket._move_to_step("replied", vals)
        return True

    def _finding_vals(self, conclusion, substantiation):
        """The handling's finding (closing conclusion, substantiation) given
        by id or record, as values; what is not given is kept."""
        vals = {}
        conclusion = to_record(self.env, "complaint.closing.conclusion", conclusion)
        if conclusion:
            vals["closing_conclusion_id"] = conclusion.id
        if substantiation:
            vals["substantiation"] = substantiation
        return vals

    def complaint_revisit(self, satisfaction, note=None):
        """Record the revisit (回访, S000-R120). A dissatisfied result stays in
        the revisit step for a manager's screening (甄别, S000-R121), who then
        reopens handling (complaint_reopen) or escalates (S004-R127)."""
        ticket = self._lifecycle_begin("revisit", "revisit")
        vals = {"satisfaction": satisfaction, "revisit_note": note}
        check_input_types(ticket, vals)
        if not satisfaction:
            raise UserError(ticket.env._("Please give the complainant's satisfaction."))
        ticket._move_to_step("revisit", vals)
        if satisfaction == "dissatisfied":
            manager = ticket._nearest_manager()
            ticket.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=(manager or self.env.user).id,
                summary=ticket.env._("Dissatisfied revisit: reopen or escalate"),
            )
        return True

    def _nearest_manager(self):
        """The branch manager of the ticket's company, else of the nearest
        parent company (res.company._complaint_nearest_managers, the one
        lookup the suite uses)."""
        self.ensure_one()
        company = self.company_id
        return company._complaint_nearest_managers()[company.id]

    def complaint_reopen(self, note=None):
        """Reopen handling after a dissatisfied revisit (S000-R121)."""
        for ticket in self:
            ticket = ticket._lifecycle_begin("reopen", "handling")
            ticket._move_to_step("handling")
            if note:
                ticket.message_post(body=note)
        return True

    def complaint_close(self, conclusion=None, substantiation=None, note=None):
        """Close (办结) with the closing conclusion and substantiation; when
        omitted, those recorded with the reply are kept."""
        for ticket in self:
            ticket = ticket._lifecycle_begin("close", "closed")
            vals = {"closing_note": note}
            vals.update(ticket._finding_vals(conclusion, substantiation))
            check_input_types(ticket, vals)
            ticket._move_to_step("closed", vals)
        return True

    def complaint_accept(self):
        """The complainant accepts the answer (S004-R126), from the portal.

        Acceptance is not a withdrawal (S000-R159/R173): it is recorded as
        the complainant's acceptance and satisfaction. The ticket closes
        with the conclusion the handling recorded; without one it stays for
        the handler to close, with an activity."""
        ticket = self._lifecycle_begin("accept")
        if ticket.complaint_step not in ("replied", "revisit"):
            raise UserError(
                ticket.env._(
                    "Ticket %(ticket)s has not been answered yet; there is "
                    "nothing to accept.",
                    ticket=ticket.display_name,
                )
            )
        if ticket.complainant_accepted:
            raise UserError(
                ticket.env._(
                    "You have already accepted the answer to ticket %(ticket)s.",
                    ticket=ticket.display_name,
                )
            )
        vals = {
            "complainant_accepted": True,
            "date_accepted": fields.Datetime.now(),
            "satisfaction": ticket.satisfaction or "satisfied",
        }
        # sudo: a portal user has no write right on tickets; the lifecycle
        # still checks the transition for the complainant's role.
        ticket_su = lifecycle(ticket.sudo())
        if ticket.closing_conclusion_id and ticket.substantiation:
            ticket_su._move_to_step("closed", vals)
        else:
            ticket_su.write(vals)
            owner = ticket.user_id or ticket.first_contact_user_id
            ticket_su.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=owner.id or self.env.ref("base.user_admin").id,
                summary=ticket.env._(
                    "The complainant accepted the answer: close with the conclusion"
                ),
            )
        ticket_su.message_post(
            body=ticket.env._("The complainant accepted the answer."),
            author_id=self.env.user.partner_id.id,
        )
        return ticket._lifecycle_result(accepted=True)

    def complaint_reject(self, reason, note=None):
        """Not accepted (不予受理) with a reason; the proper channel is
        notified once (S000-R170)."""
        ticket = self._lifecycle_begin("reject", "rejected")
        env = ticket.env
        reason = to_record(env, "complaint.rejection.reason", reason)
        if not reason:
            raise UserError(
                env._(
                    "Ticket %(ticket)s cannot be rejected without a "
                    "non-acceptance reason.",
                    ticket=ticket.display_name,
                )
            )
        ticket._move_to_step("rejected", {"rejection_reason_id": reason.id})
        if not ticket.rejection_notice_sent:
            notice = reason.proper_channel_notice or reason.name
            body = env._(
                "Your matter cannot be accepted: %(reason)s. %(notice)s",
                reason=reason.name,
                notice=notice,
            )
            if note:
                body = f"{body}\n{note}"
            ticket.message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=ticket.partner_id.ids,
            )
            lifecycle(ticket.sudo()).write({"rejection_notice_sent": True})
        return True

    def complaint_reexamine(self, evidence):
        """复查: allowed once, on new evidence (S000-R175)."""
        ticket = self._lifecycle_begin("reexamine", "handling")
        if not (evidence or "").strip():
            raise UserError(
                ticket.env._(
                    "A re-examination of ticket %(ticket)s needs new evidence.",
                    ticket=ticket.display_name,
                )
            )
        ticket._move_to_step(
            "handling",
            {"reexamination_evidence": evidence},
            complaint_new_evidence=True,
        )
        lifecycle(ticket.sudo()).write(
            {"reexamination_count": ticket.reexamination_count + 1}
        )
        return True

    def complaint_escalate(self, reason, trigger="manual"):
        """Move the ticket one level up the company hierarchy. Returns the
        ticket's state with ``escalation_id``."""
        ticket = self._lifecycle_begin("escalate")
        env = ticket.env
        if not (reason or "").strip():
            raise UserError(env._("An escalation needs a reason."))
        # One home for where an escalation leaves the ticket and who may
        # make the move: complaint_rules.lifecycle.ESCALATION_TARGETS.
        try:
            target = rules_lifecycle.escalation_target(
                ticket.complaint_step, ticket._complaint_role()
            )
        except RuleError as exc:
            raise UserError(
                env._(
                    "Ticket %(ticket)s cannot be escalated in its current step by "
                    "your role.",
                    ticket=ticket.display_name,
                )
            ) from exc
        parent = ticket.company_id.parent_id
        if not parent:
            raise UserError(
                env._(
                    "Ticket %(ticket)s is already at head office; it cannot be "
                    "escalated further.",
                    ticket=ticket.display_name,
                )
            )
        source = ticket.company_id
        # Step and message first, while the ticket is still in the branch of
        # the user who escalates (they may lose sight of it afterwards).
        if target != ticket.complaint_step:
            # The higher level takes it as a fresh dispatch (S000-R112/R113).
            ticket._move_to_step(target)
        ticket.message_post(
            body=env._(
                "Escalated from %(from_company)s to %(to_company)s: %(reason)s",
                from_company=source.display_name,
                to_company=parent.display_name,
                reason=reason,
            )
        )
        escalation = (
            self.env["complaint.escalation"]
            .sudo()
            .create(
                {
                    "ticket_id": ticket.id,
                    "from_company_id": source.id,
                    "to_company_id": parent.id,
                    "reason": reason,
                    "trigger": trigger,
                }
            )
        )
        vals = {
            "company_id": parent.id,
            "escalation_count": ticket.escalation_count + 1,
        }
        if parent.complaint_team_id:
            vals["team_id"] = parent.complaint_team_id.id
        # sudo: the escalating user needs no rights in the parent company.
        lifecycle(ticket.sudo()).write(vals)
        return ticket._lifecycle_result(escalation_id=escalation.id)

    def complaint_merge_into(self, master):
        """Link this duplicate to ``master`` and close it as merged (多口归一,
        S002-R008)."""
        ticket = self._lifecycle_begin("merge", "merged")
        env = ticket.env
        master = to_record(env, "helpdesk.ticket", master)
        if not master:
            raise UserError(env._("Choose the ticket to merge into."))
        if master == ticket:
            raise UserError(env._("A ticket cannot be merged into itself."))
        if master.complaint_step in ("merged", "rejected"):
            raise UserError(
                env._(
                    "Ticket %(master)s is itself merged or rejected; choose an "
                    "open master ticket.",
                    master=master.display_name,
                )
            )
        master.check_access("write")
        ticket._move_to_step("merged", {"duplicate_id": master.id})
        lifecycle(master).write({"repeat_count": master.repeat_count + 1})
        if ticket.partner_id:
            master.message_subscribe(partner_ids=ticket.partner_id.ids)
        master.message_post(
            body=env._(
                "Ticket %(ticket)s was merged into this ticket.",
                ticket=ticket.display_name,
            )
        )
        ticket.message_post(
            body=env._("Merged into ticket %(master)s.", master=master.display_name)
        )
        return True

    def complaint_state(self):
        """Plain summary of each ticket for RPC clients: step, stage, company,
        decisions."""
        return [
            ticket._lifecycle_result(
                grade=ticket.grade_id.code or False,
                satisfaction=ticket.satisfaction or False,
                accepted=ticket.complainant_accepted,
                closing_conclusion_id=ticket.closing_conclusion_id.id,
                substantiation=ticket.substantiation or False,
            )
            for ticket in self
        ]

    # ------------------------------------------------------------------
    # Scheduled jobs
    # ------------------------------------------------------------------
    @api.model
    def _cron_flag_unresolved_month(self, batch_size=500):
        """S003-R034: a valid complaint still unresolved one month after its
        receipt becomes major. Flags the fact on open tickets (the grading
        scheme decides what it means) and re-grades them.

        Set-based: one indexed query finds the candidates (received at least
        28 days ago, open, not yet flagged); the month itself is
        complaint_rules' rule."""
        flag = self.env.ref(
            "complaint_core.fact_flag_unresolved_one_month", raise_if_not_found=False
        )
        if not flag:
            return 0
        now = fields.Datetime.now()
        candidates = self.search(
            [
                ("complaint_step", "in", list(rules_lifecycle.OPEN_STEPS)),
                ("complaint_kind", "=", "complaint"),
                ("date_received", "<=", now - timedelta(days=28)),
                ("fact_flag_ids", "not in", flag.ids),
            ],
            limit=batch_size,
        )
        due = candidates.filtered(
            lambda t: rules_grading.unresolved_for_a_month(t.date_received, now)
        )
        if due:
            due.write({"fact_flag_ids": [Command.link(flag.id)]})
            for ticket in due:
                ticket._message_log(
                    body=self.env._(
                        "Unresolved one month after receipt: graded again (S003-R034)."
                    )
                )
        return len(due)

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_progress(self):
        """Move the demo tickets along the lifecycle with the real methods,
        as the head-office administrator."""
        self = self.with_user(self.env.ref("base.user_admin"))
        ref = self.env.ref
        telecom = self.browse(ref("complaint_core.ticket_telecom_demo").id)
        telecom.complaint_dispatch(
            ref("complaint_core.company_city_a_demo"),
            "核查漫游话单并回电客户。",
            fields.Datetime.now() + timedelta(days=1),
            user=ref("complaint_core.user_staff_demo"),
        )
        repeat = self.browse(ref("complaint_core.ticket_telecom_repeat_demo").id)
        repeat.complaint_merge_into(telecom)
        hospital = self.browse(ref("complaint_core.ticket_hospital_demo").id)
        hospital._move_to_step("dispatched")
        hospital._move_to_step("handling")
        hospital.complaint_reply("挂号员已当面道歉；排队规则已张贴公示。", "phone")
        prop = self.browse(ref("complaint_core.ticket_property_demo").id)
        prop._move_to_step("dispatched")
        prop._move_to_step("handling")
        prop.complaint_reply("3号楼楼道灯已更换为LED灯。", "visit")
        prop.complaint_revisit("satisfied", "居民确认灯光已正常。")
        prop.complaint_close(
            ref("complaint_core.closing_conclusion_enterprise_fault"), "substantiated"
        )
        # One settlement proposal per row of the seed-001 matrix, on the
        # insurer complaint, proposed by the administrator (S001-R011..R019).
        insurer = ref("complaint_core.ticket_insurer_demo")
        Settlement = self.env["complaint.settlement"]
        surrender = ref("complaint_core.settlement_item_surrender_by_agreement")
        proposals = [
            # (cash value, total refund, total premium): over cash value X and
            # share of premium: 1,500 / 60 %, 6,000 / 60 %, 1,500 / 85 %,
            # 12,000 / 90 %.
            (surrender, _surrender(4500, 6000, 10000)),
            (surrender, _surrender(0, 6000, 10000)),
            (surrender, _surrender(7000, 8500, 10000)),
            (surrender, _surrender(6000, 18000, 20000)),
        ] + [
            (ref(f"complaint_core.settlement_item_{code}"), {})
            for code in (
                "agent_change",
                "late_fee_waiver",
                "premium_callback",
                "advance_payment",
                "commission_freeze",
                "co_handling",
            )
        ]
        for item, amounts in proposals:
            Settlement.create(
                {
                    "ticket_id": insurer.id,
                    "line_ids": [Command.create({"item_id": item.id, **amounts})],
                }
            ).action_submit()


def _surrender(cash_value, refund_total, total_premium):
    return {
        "cash_value": cash_value,
        "refund_total": refund_total,
        "total_premium": total_premium,
    }

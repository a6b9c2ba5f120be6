# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from odoo.addons.complaint_core.integrity import (
    check_protected,
    in_lifecycle,
    lifecycle,
    with_user_lang,
    without_protected_defaults,
)
from odoo.addons.complaint_core.tools import local_time_text
from odoo.addons.complaint_sla.tools import aware, naive

from complaint_rules import appeal as rules_appeal
from complaint_rules.calendar import fraction_point
from complaint_rules.errors import RuleError

from .regulator_appeal_stage import DONE_FIELDS
from .regulator_body import _number

_logger = logging.getLogger(__name__)

#: The SLA track of an appeal with a plan (complaint_rules.sla.policy).
TRACK = "regulator_appeal"
# S000-R155 sources and classes (complaint_rules.appeal.classify).
APPEAL_SOURCES = [
    ("ministry", "Forwarded by the telecom ministry"),
    ("other_authority", "Forwarded by another authority"),
    ("direct", "Direct appeal"),
]
APPEAL_FILED = [("filed", "Filed (立案)"), ("non_filed", "Non-filed (非立案)")]
APPEAL_CLASSES = [
    ("filed", "Filed appeal"),
    ("non_filed", "Non-filed appeal"),
    ("other_authority", "Forwarded by another authority"),
    ("direct", "Direct appeal"),
]
TIMELINESS = [
    ("on_time", "Replied on time"),
    ("late", "Late"),
    ("pending", "Pending"),
]
# Written by this addon's own code only (complaint_core.integrity).
APPEAL_PROTECTED = frozenset(
    {
        "regulator_due_at",
        "appeal_class",
        "appeal_branch_feedback_at",
        "appeal_reply_sent_at",
        "appeal_reply_attachment_id",
        "appeal_rung_id",
        "appeal_overdue_since",
    }
)
# A change of these re-plans the appeal's deadlines.
PLAN_INPUTS = frozenset(
    {"regulator_body_id", "appeal_plan_id", "appeal_received_at", "appeal_source"}
)
# A change of these recounts the customer's appeals (S000-R155).
COUNT_INPUTS = frozenset(
    {
        "original_appeal_id",
        "partner_id",
        "regulator_body_id",
        "appeal_source",
        "appeal_received_at",
    }
)
OPEN_LINE_STATES = ("open", "paused")


def timeliness(sent_at, due_at, now):
    """on_time / late / pending of an appeal's reply against the regulator's
    deadline (returns, S000-R157)."""
    if sent_at:
        return "late" if due_at and sent_at > due_at else "on_time"
    if due_at and now > due_at:
        return "late"
    return "pending"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    regulator_body_id = fields.Many2one(
        "regulator.body", string="Regulator", tracking=True, index="btree_not_null"
    )
    regulator_ref = fields.Char(
        string="Regulator reference",
        tracking=True,
        copy=False,
        help="The regulator's own number of the appeal; unique per regulator.",
    )
    appeal_source = fields.Selection(
        APPEAL_SOURCES, string="Appeal source", tracking=True, index=True
    )
    appeal_filed = fields.Selection(
        APPEAL_FILED,
        string="Filed / non-filed",
        tracking=True,
        help="Only for appeals forwarded by the telecom ministry (S000-R155).",
    )
    appeal_class = fields.Selection(
        APPEAL_CLASSES,
        compute="_compute_appeal_class",
        store=True,
        index=True,
        help="S000-R155: filed, non-filed, forwarded by another authority, or "
        "direct appeal.",
    )
    is_regulator_appeal = fields.Boolean(
        string="Regulator appeal",
        compute="_compute_is_regulator_appeal",
        store=True,
        index=True,
    )
    regulator_received_at = fields.Datetime(
        string="Received by the regulator", tracking=True
    )
    appeal_received_at = fields.Datetime(
        string="Forwarded to us",
        tracking=True,
        copy=False,
        index="btree_not_null",
        help="When the company received the forwarded appeal: the plan's "
        "deadlines count from here (S000-R156).",
    )
    regulator_due_at = fields.Datetime(
        string="Regulator deadline",
        compute="_compute_regulator_due_at",
        store=True,
        readonly=True,
        tracking=True,
        help="The deadline of the regulator's clock marked as its deadline "
        "(S001-R140, S003-R102, S004-R021, S000-R156).",
    )
    appeal_plan_id = fields.Many2one(
        "regulator.appeal.plan",
        string="Appeal plan",
        compute="_compute_appeal_plan_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    original_appeal_id = fields.Many2one(
        "helpdesk.ticket",
        string="Re-appeal of",
        tracking=True,
        index="btree_not_null",
        copy=False,
        help="The earlier appeal of the same customer on the same matter: "
        "this one counts as a re-appeal for grading (S000-R155).",
    )
    reappeal_ids = fields.One2many(
        "helpdesk.ticket", "original_appeal_id", string="Re-appeal tickets"
    )
    reappeal_count = fields.Integer(
        string="Re-appeals", compute="_compute_reappeal_count"
    )
    appeal_finding = fields.Text(
        string="Findings for the regulator",
        tracking=True,
        help="Investigation, handling and result reported in writing to the "
        "regulator (申诉反馈, S000-R152).",
    )
    appeal_responsibility = fields.Boolean(
        string="Enterprise responsibility", tracking=True
    )
    appeal_branch_feedback_at = fields.Datetime(
        string="Branch feedback", readonly=True, copy=False, tracking=True
    )
    appeal_reply_sent_at = fields.Datetime(
        string="Reply sent to the regulator", readonly=True, copy=False, tracking=True
    )
    appeal_reply_attachment_id = fields.Many2one(
        "ir.attachment", string="Reply sent", readonly=True, copy=False
    )
    appeal_overdue_since = fields.Datetime(readonly=True, copy=False)
    appeal_rung_id = fields.Many2one(
        "regulator.appeal.rung",
        string="Supervision",
        readonly=True,
        copy=False,
        tracking=True,
    )
    appeal_supervision_ids = fields.One2many(
        "regulator.appeal.supervision", "ticket_id", string="Supervision notices"
    )
    appeal_timeliness = fields.Selection(
        TIMELINESS, string="Timeliness", compute="_compute_appeal_timeliness"
    )

    _sql_constraints = [
        (
            "regulator_ref_unique",
            "unique(regulator_body_id, regulator_ref)",
            "This regulator reference is already recorded for this regulator.",
        )
    ]

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------
    @api.depends("appeal_source", "appeal_filed")
    def _compute_appeal_class(self):
        for ticket in self:
            ticket.appeal_class = ticket._appeal_classify_code()

    def _appeal_classify_code(self):
        if not self.appeal_source:
            return False
        filed = None
        if self.appeal_source == "ministry":
            filed = {"filed": True, "non_filed": False}.get(self.appeal_filed)
        try:
            return rules_appeal.classify_appeal(self.appeal_source, filed).code
        except RuleError:
            return False

    @api.constrains("appeal_source", "appeal_filed")
    def _check_appeal_class(self):
        for ticket in self:
            if ticket.appeal_source == "ministry" and not ticket.appeal_filed:
                raise ValidationError(
                    self.env._(
                        "An appeal forwarded by the telecom ministry is filed or "
                        "non-filed (S000-R155): say which on ticket %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )
            if ticket.appeal_filed and ticket.appeal_source != "ministry":
                raise ValidationError(
                    self.env._(
                        "Only appeals forwarded by the telecom ministry are filed "
                        "or non-filed (S000-R155); ticket %(ticket)s is not one.",
                        ticket=ticket.display_name,
                    )
                )

    @api.depends("regulator_body_id", "appeal_source")
    def _compute_is_regulator_appeal(self):
        for ticket in self:
            ticket.is_regulator_appeal = bool(
                ticket.regulator_body_id or ticket.appeal_source
            )

    @api.depends("regulator_body_id", "appeal_source")
    def _compute_appeal_plan_id(self):
        for ticket in self:
            if ticket.regulator_body_id:
                ticket.appeal_plan_id = ticket.regulator_body_id.plan_id
            elif not ticket.appeal_plan_id and ticket.appeal_source == "direct":
                # S000-R155 direct appeals to head office or the province
                # follow the telecom plan (S000-R156).
                ticket.appeal_plan_id = self.env.ref(
                    "regulator_appeal.regulator_appeal_plan_telecom_appeal",
                    raise_if_not_found=False,
                )

    @api.depends(
        "regulator_body_id.clock_ids",
        "regulator_received_at",
        "appeal_received_at",
        "company_id",
    )
    def _compute_regulator_due_at(self):
        for ticket in self:
            ticket.regulator_due_at = ticket._appeal_regulator_due()

    def _appeal_regulator_due(self):
        """The regulator's deadline: complaint_rules.appeal.body_deadlines
        over the body's clocks, from the dates the clocks start at."""
        body = self.regulator_body_id
        due_clock = body.clock_ids.filtered("sets_due")[:1]
        if not due_clock:
            return False
        dates = {
            "appeal_received": self.appeal_received_at,
            "regulator_received": self.regulator_received_at,
        }
        cal = self._appeal_cal()
        events = {}
        for clock in body.clock_ids:
            value = dates.get(clock.start_source)
            if value:
                events.setdefault(clock.starts, aware(value, cal.tz_name))
        if not events:
            return False
        try:
            due = rules_appeal.body_deadlines(body._to_rules(), events, cal)
        except (RuleError, ValidationError) as exc:
            _logger.warning("No regulator deadline for ticket %s: %s", self.id, exc)
            return False
        value = due.get(due_clock.code)
        return naive(value) if value else False

    @api.depends("appeal_count")
    def _compute_reappeal_count(self):
        for ticket in self:
            ticket.reappeal_count = max(0, (ticket.appeal_count or 0) - 1)

    @api.depends_context("uid")
    @api.depends("appeal_reply_sent_at", "regulator_due_at")
    def _compute_appeal_timeliness(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.appeal_timeliness = (
                timeliness(ticket.appeal_reply_sent_at, ticket.regulator_due_at, now)
                if ticket.is_regulator_appeal
                else False
            )

    @api.constrains("original_appeal_id")
    def _check_original_appeal(self):
        for ticket in self:
            seen = ticket
            original = ticket.original_appeal_id
            while original:
                if original in seen:
                    raise ValidationError(
                        self.env._(
                            "Ticket %(ticket)s cannot be a re-appeal of itself.",
                            ticket=ticket.display_name,
                        )
                    )
                seen |= original
                original = original.original_appeal_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        for vals in vals_list:
            # An empty value of a protected field sets nothing (a form sends
            # them); any other value is refused.
            for name in APPEAL_PROTECTED & set(vals):
                if vals[name] in (False, None, "") and not in_lifecycle(self.env):
                    del vals[name]
            check_protected(model, vals, APPEAL_PROTECTED)
            model._appeal_clean_ref(vals)
            model._check_regulator_ref(
                vals.get("regulator_body_id"), vals.get("regulator_ref")
            )
        tickets = super(
            HelpdeskTicket, without_protected_defaults(self, APPEAL_PROTECTED)
        ).create(vals_list)
        appeals = tickets.filtered("is_regulator_appeal")
        if appeals:
            appeals._appeal_update_count()
        return tickets

    def write(self, vals):
        tickets = with_user_lang(self)
        vals = dict(vals)
        check_protected(tickets, vals, APPEAL_PROTECTED)
        tickets._appeal_clean_ref(vals)
        if {"regulator_body_id", "regulator_ref"} & set(vals):
            for ticket in tickets:
                tickets._check_regulator_ref(
                    vals.get("regulator_body_id", ticket.regulator_body_id.id),
                    vals.get("regulator_ref", ticket.regulator_ref),
                    exclude=self.ids,
                )
        res = super().write(vals)
        if PLAN_INPUTS & set(vals):
            appeals = self.filtered("is_regulator_appeal")
            if appeals:
                # The track may have changed: the SLA opens the slots of the
                # plan, then every running plan line takes the plan's deadline.
                appeals._sla_replan(fields.Datetime.now())
                appeals._appeal_replan()
        if COUNT_INPUTS & set(vals):
            appeals = self.filtered("is_regulator_appeal")
            if appeals:
                appeals._appeal_update_count()
        return res

    @api.model
    def _appeal_clean_ref(self, vals):
        if isinstance(vals.get("regulator_ref"), str):
            vals["regulator_ref"] = vals["regulator_ref"].strip() or False

    @api.model
    def _check_regulator_ref(self, body_id, ref, exclude=()):
        """A regulator's reference is recorded once: a duplicate is refused
        naming the ticket that holds it (the SQL constraint is the backstop
        of concurrent creations)."""
        if not body_id or not ref:
            return
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("regulator_body_id", "=", body_id),
                    ("regulator_ref", "=", ref),
                    ("id", "not in", list(exclude)),
                ],
                limit=1,
            )
        )
        if existing:
            body = self.env["regulator.body"].browse(body_id)
            raise ValidationError(
                self.env._(
                    "Reference %(ref)s of %(body)s is already recorded on ticket "
                    "%(ticket)s: open that ticket instead of registering the "
                    "appeal twice.",
                    ref=ref,
                    body=body.display_name,
                    ticket=existing.number or existing.display_name,
                )
            )

    # ------------------------------------------------------------------
    # Plan and SLA
    # ------------------------------------------------------------------
    def _sla_profile(self):
        """An appeal with a plan is on the track of the appeal policy, whose
        slots carry the plan's stages (S000-R156)."""
        profile = super()._sla_profile()
        if self._appeal_planned():
            return replace(profile, track=TRACK)
        return profile

    def _appeal_planned(self):
        self.ensure_one()
        return bool(
            self.is_regulator_appeal
            and self.appeal_plan_id.stage_ids
            and self.appeal_received_at
        )

    def _appeal_cal(self, calendar=None):
        self.ensure_one()
        company = self.company_id or self.env.company
        calendar = calendar or company.sudo()._complaint_sla_calendar()
        return self.env["resource.calendar"]._complaint_work_calendar(calendar.id)

    def _appeal_done(self, cal):
        """Actual ends of the plan's stages, by stage code."""
        done = {}
        for stage in self.appeal_plan_id.stage_ids:
            field = DONE_FIELDS.get(stage.done_event)
            if field and self[field] and self[field] >= self.appeal_received_at:
                done[stage.code] = aware(self[field], cal.tz_name)
        return done

    def _appeal_plan_result(self, cal):
        """complaint_rules.appeal.plan_deadlines for this appeal."""
        self.ensure_one()
        return rules_appeal.plan_deadlines(
            self.appeal_plan_id._to_rules(),
            aware(self.appeal_received_at, cal.tz_name),
            cal,
            done=self._appeal_done(cal),
        )

    def _appeal_line_vals(self, stage_code, calendar, warn_ratio):
        """Start, deadline and warning of the plan line of ``stage_code``
        (``cap``: the overall limit)."""
        self.ensure_one()
        cal = self._appeal_cal(calendar)
        plan = self.appeal_plan_id
        try:
            result = self._appeal_plan_result(cal)
            if stage_code == "cap":
                start, due = result.received_at, result.cap_at
                amount, unit = plan.cap, plan.cap_unit
            else:
                stage = plan.stage_ids.filtered(lambda s: s.code == stage_code)[:1]
                if not stage:
                    return {}
                deadline = result.stage(stage_code)
                start, due = deadline.start, deadline.due_at
                amount, unit = stage.closes, stage.unit
            warning = None
            if warn_ratio:
                warning = fraction_point(
                    start,
                    _number(amount),
                    unit,
                    Decimal(str(warn_ratio)),
                    cal,
                )
                if warning >= due:
                    warning = None
        except RuleError as exc:
            _logger.warning(
                "No plan deadline for ticket %s, stage %s: %s", self.id, stage_code, exc
            )
            return {}
        return {
            "start": naive(start),
            "deadline": naive(due),
            "original_deadline": naive(due),
            "warning_at": naive(warning),
            "amount": float(amount),
            "unit": unit,
        }

    def _appeal_open_lines(self):
        return (
            self.env["complaint.ticket.deadline"]
            .sudo()
            .search(
                [
                    ("ticket_id", "in", self.ids),
                    ("appeal_stage", "!=", False),
                    ("state", "in", OPEN_LINE_STATES),
                ]
            )
        )

    def _appeal_replan(self):
        """Running plan lines take the plan's deadline again (after a change
        of receipt, plan, or the actual end of a stage). Breached lines keep
        theirs: the breach happened."""
        for line in self._appeal_open_lines():
            ticket = line.ticket_id
            if line.breached_at or line.state != "open" or not ticket._appeal_planned():
                continue
            vals = ticket._appeal_line_vals(
                line.appeal_stage, line.calendar_id, line.warn_ratio
            )
            if vals and (
                vals["deadline"] != line.deadline or vals["start"] != line.start
            ):
                line._appeal_write_plan(vals)

    # ------------------------------------------------------------------
    # Re-appeals (S000-R155)
    # ------------------------------------------------------------------
    def _appeal_customer_key(self):
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        if partner:
            return ("partner", partner.id)
        if self.complainant_phone_key:
            return ("phone", self.complainant_phone_key)
        return ("ticket", self.id)

    def _appeal_chain(self):
        """The first appeal of this matter and every appeal linked to it."""
        self.ensure_one()
        root = self.sudo()
        while root.original_appeal_id:
            root = root.original_appeal_id
        chain = root
        frontier = root
        while frontier:
            frontier = (
                self.sudo()
                .with_context(active_test=False)
                .search([("original_appeal_id", "in", frontier.ids)])
            ) - chain
            chain |= frontier
        return root, chain

    def _appeal_update_count(self):
        """appeal_count (complaint_core, graded S000-R155) = the customer's
        own appeals on the matter up to this one, counted by
        complaint_rules.appeal.appeal_count: internal escalations (升级,
        督办) are in the history but never counted."""
        for ticket in self:
            root, chain = ticket._appeal_chain()
            records = []
            for member in chain.filtered("is_regulator_appeal"):
                records.append(
                    rules_appeal.AppealRecord(
                        customer=member._appeal_customer_key(),
                        matter=root.id,
                        origin="customer",
                        received_at=member.appeal_received_at or member.date_received,
                    )
                )
                records.extend(
                    rules_appeal.AppealRecord(
                        customer=member._appeal_customer_key(),
                        matter=root.id,
                        origin="internal_escalation",
                        received_at=escalation.create_date,
                    )
                    for escalation in member.escalation_ids
                )
            until = ticket.appeal_received_at or ticket.date_received
            count = rules_appeal.appeal_count(
                records, ticket._appeal_customer_key(), root.id, until=until
            )
            if count != ticket.appeal_count:
                lifecycle(ticket.sudo()).write({"appeal_count": count})

    # ------------------------------------------------------------------
    # Actions: branch feedback, reply to the regulator
    # ------------------------------------------------------------------
    def _appeal_check(self):
        for ticket in self:
            if not ticket.is_regulator_appeal:
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s is not a regulator appeal.",
                        ticket=ticket.display_name,
                    )
                )

    def action_appeal_branch_feedback(self):
        """The branch reports its handling to head office (分公司处理反馈,
        S000-R087): the branch stage ends and the head-office stage is
        counted from now (S000-R156)."""
        tickets = with_user_lang(self)
        tickets._appeal_check()
        now = fields.Datetime.now()
        for ticket in tickets:
            ticket.check_access("write")
            if ticket.appeal_branch_feedback_at:
                raise UserError(
                    ticket.env._(
                        "The branch already fed back on appeal %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )
            lifecycle(ticket.sudo()).write({"appeal_branch_feedback_at": now})
            ticket._appeal_open_lines().filtered(
                lambda line: line.appeal_stage == "branch"
            )._close(now)
            ticket._appeal_replan()
            ticket.message_post(
                body=ticket.env._(
                    "The branch fed back to head office (S000-R087, S000-R156)."
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_appeal_send_reply(self):
        """Head office sends its written reply to the regulator (申诉反馈,
        S000-R152): the report as PDF, attached and recorded; the plan's
        clocks stop (S000-R156)."""
        tickets = with_user_lang(self)
        tickets._appeal_check()
        env = tickets.env
        if not env.user.has_group("complaint_core.group_complaint_manager"):
            raise UserError(
                env._("Only a complaint manager sends the reply to a regulator.")
            )
        now = fields.Datetime.now()
        for ticket in tickets:
            ticket.check_access("write")
            if ticket.appeal_reply_sent_at:
                raise UserError(
                    env._(
                        "The reply on appeal %(ticket)s was already sent.",
                        ticket=ticket.display_name,
                    )
                )
            if not (ticket.appeal_finding or "").strip():
                raise UserError(
                    env._(
                        "Write the findings for the regulator on appeal "
                        "%(ticket)s before sending the reply.",
                        ticket=ticket.display_name,
                    )
                )
            if not ticket.closing_conclusion_id:
                raise UserError(
                    env._(
                        "Choose the appeal conclusion (S000-R159) of %(ticket)s "
                        "before sending the reply.",
                        ticket=ticket.display_name,
                    )
                )
            report = env.ref("regulator_appeal.action_report_appeal_reply")
            pdf, _type = (
                env["ir.actions.report"]
                .sudo()
                .with_context(lang=env.context.get("lang"))
                ._render_qweb_pdf(report.report_name, ticket.ids)
            )
            attachment = (
                env["ir.attachment"]
                .sudo()
                .create(
                    {
                        "name": env._(
                            "Appeal reply %(ref)s.pdf",
                            ref=ticket.regulator_ref or ticket.number,
                        ),
                        "raw": pdf,
                        "mimetype": "application/pdf",
                        "res_model": ticket._name,
                        "res_id": ticket.id,
                    }
                )
            )
            ticket._appeal_record_reply(now, attachment)
        return True

    def _appeal_record_reply(self, now, attachment=None):
        """Record the reply sent to the regulator: the time, the file, the
        plan's clocks stopped (S000-R156), a note in the chatter."""
        self.ensure_one()
        attachment = attachment or self.env["ir.attachment"]
        lifecycle(self.sudo()).write(
            {
                "appeal_reply_sent_at": now,
                "appeal_reply_attachment_id": attachment.id,
            }
        )
        self._appeal_open_lines()._close(now)
        self.message_post(
            body=self.env._(
                "Reply sent to %(body)s (reference %(ref)s), %(when)s.",
                body=self.regulator_body_id.display_name or "-",
                ref=self.regulator_ref or "-",
                when=local_time_text(now, self._appeal_cal().tz_name),
            ),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )

    def _appeal_report_time(self, value):
        """A date of the reply report in the company's timezone."""
        self.ensure_one()
        return local_time_text(value, self._appeal_cal().tz_name) if value else ""

    # ------------------------------------------------------------------
    # Supervision ladder (S000-R158)
    # ------------------------------------------------------------------
    @api.model
    def _cron_appeal_supervision(self, now=None):
        """催办 → 督办 → 通报 of overdue appeals, in one set-based pass.

        One query finds the appeals with a running plan line past its
        deadline (partial index); complaint_rules.appeal.supervision_status
        gives the rungs each has reached; the rungs not yet recorded are
        created in one ``create`` (unique per appeal and rung, so a second
        run records nothing twice); each new rung escalates the appeal its
        levels up complaint_core's chain, tightens the running deadlines
        when the rung says so, and is noted in the chatter. Returns the
        number of rungs recorded.
        """
        now = now or fields.Datetime.now()
        env = self.env
        system = env(user=SUPERUSER_ID)
        env.flush_all()
        env.cr.execute(
            SQL(
                """SELECT l.ticket_id, min(l.deadline)
                     FROM complaint_ticket_deadline l
                     JOIN helpdesk_ticket t ON t.id = l.ticket_id
                    WHERE l.appeal_stage IS NOT NULL AND l.state = 'open'
                      AND l.deadline <= %s
                      -- appeals with a rung of their ladder still to reach
                      AND (SELECT count(*) FROM regulator_appeal_supervision s
                            WHERE s.ticket_id = t.id)
                        < (SELECT count(*) FROM regulator_appeal_rung r
                            WHERE r.plan_id = t.appeal_plan_id)
                 GROUP BY l.ticket_id""",
                now,
            )
        )
        overdue = dict(env.cr.fetchall())
        if not overdue:
            return 0
        Ticket = system["helpdesk.ticket"].with_context(lang=self._appeal_job_lang())
        tickets = Ticket.browse(list(overdue)).filtered("appeal_plan_id.rung_ids")
        Supervision = system["regulator.appeal.supervision"]
        existing = {
            (row["ticket_id"][0], row["rung_code"])
            for row in Supervision.search_read(
                [("ticket_id", "in", tickets.ids)], ["ticket_id", "rung_code"]
            )
        }
        vals_list, since_vals, news = [], {}, {}
        for ticket in tickets:
            cal = ticket._appeal_cal()
            since = ticket.appeal_overdue_since or overdue[ticket.id]
            if not ticket.appeal_overdue_since:
                since_vals[ticket.id] = since
            rungs = {rung.code: rung for rung in ticket.appeal_plan_id.rung_ids}
            try:
                status = rules_appeal.supervision_status(
                    ticket.appeal_plan_id._to_ladder(),
                    aware(since, cal.tz_name),
                    aware(now, cal.tz_name),
                    cal,
                )
            except (RuleError, ValidationError) as exc:
                _logger.warning("Supervision of ticket %s: %s", ticket.id, exc)
                continue
            new = [
                reached
                for reached in status.reached
                if (ticket.id, reached.rung.code) not in existing
            ]
            if not new:
                continue
            news[ticket.id] = [(rungs[item.rung.code], item) for item in new]
            assess = ticket._appeal_assessable(cal, now)
            vals_list.extend(
                {
                    "ticket_id": ticket.id,
                    "rung_id": rungs[item.rung.code].id,
                    "rung_code": item.rung.code,
                    "overdue_since": since,
                    "due_at": naive(item.due_at),
                    "recorded_at": now,
                    "branch_company_id": ticket.company_id.id,
                    "assessable": assess,
                }
                for item in new
            )
        if since_vals:
            # One UPDATE: the instant each appeal first became overdue, kept
            # so that its ladder does not move when a line closes.
            env.cr.execute(
                SQL(
                    """UPDATE helpdesk_ticket AS t
                          SET appeal_overdue_since = v.since
                         FROM (VALUES %s) AS v(id, since)
                        WHERE t.id = v.id""",
                    SQL(", ").join(
                        SQL("(%s, %s::timestamp)", ticket_id, since)
                        for ticket_id, since in since_vals.items()
                    ),
                )
            )
            Ticket.browse(list(since_vals)).invalidate_recordset(
                ["appeal_overdue_since"]
            )
        if not vals_list:
            return 0
        rows = Supervision.create(vals_list)
        by_key = {(row.ticket_id.id, row.rung_code): row for row in rows}
        for ticket in Ticket.browse(list(news)):
            ticket._appeal_climb(news[ticket.id], by_key, now)
        return len(rows)

    @api.model
    def _appeal_job_lang(self):
        return self.env.company.partner_id.lang or self.env.user.lang or "en_US"

    def _appeal_assessable(self, cal, now):
        """S000-R158 (TC-29): complaint_rules.appeal.assessable from the
        branch stage's deadline, the branch feedback and the regulator's
        deadline."""
        self.ensure_one()
        try:
            result = self._appeal_plan_result(cal)
            branch = next(
                (s for s in result.stages if s.code == "branch"), result.stages[-1]
            )
        except (RuleError, ValidationError):
            return False
        regulator_due = (
            aware(self.regulator_due_at, cal.tz_name)
            if self.regulator_due_at
            else result.cap_at
        )
        return rules_appeal.assessable(
            branch.due_at,
            aware(self.appeal_branch_feedback_at, cal.tz_name),
            regulator_due,
            aware(now, cal.tz_name),
        )

    def _appeal_climb(self, reached, rows, now):
        """Act on the rungs just recorded: escalate, tighten, note."""
        self.ensure_one()
        env = self.env
        cal = self._appeal_cal()
        names = []
        for rung, item in reached:
            row = rows[(self.id, rung.code)]
            names.append(rung.name)
            vals = {}
            for _level in range(rung.escalate_levels):
                reason = env._(
                    "%(rung)s: appeal %(ref)s overdue since %(since)s (%(rules)s).",
                    rung=rung.name,
                    ref=self.regulator_ref or self.number,
                    since=local_time_text(self.appeal_overdue_since, cal.tz_name),
                    rules=rung.rule_ref or "S000-R158",
                )
                try:
                    with env.cr.savepoint():
                        self.complaint_escalate(reason, trigger="supervision")
                    vals["escalated_to_company_id"] = self.company_id.id
                except UserError as exc:
                    self._message_log(
                        body=env._(
                            "%(rung)s could not escalate the appeal: %(error)s",
                            rung=rung.name,
                            error=exc.args[0] if exc.args else str(exc),
                        )
                    )
                    break
            if rung.tighten_working_days:
                limit = naive(
                    cal.add_working_days(item.due_at, rung.tighten_working_days)
                )
                for line in self._appeal_open_lines().filtered(
                    lambda line, limit=limit: line.deadline > limit
                ):
                    line._appeal_write_plan({"deadline": limit, "warning_at": False})
                vals["deadline_tightened_to"] = limit
            if vals:
                row.write(vals)
        lifecycle(self).write({"appeal_rung_id": reached[-1][0].id})
        self._message_log(
            body=env._(
                "Appeal overdue: %(rungs)s recorded (S000-R085, S000-R098, S000-R158).",
                rungs=", ".join(names),
            )
        )

    # ------------------------------------------------------------------
    # Demo data
    # ------------------------------------------------------------------
    @api.model
    def _demo_regulator_appeals(self):
        """Appeals at every stage, a 督办, a re-appeal and one exported
        return, moved with the real methods as the administrator."""
        self = self.with_user(self.env.ref("base.user_admin"))
        ref = self.env.ref
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        city_a = ref("complaint_core.company_city_a_demo")
        city_b = ref("complaint_core.company_city_b_demo")
        ministry = ref("regulator_appeal.regulator_body_telecom_ministry")
        association = ref("regulator_appeal.regulator_body_consumers_association")
        zhang = ref("complaint_core.partner_zhang_demo")
        chen = ref("complaint_core.partner_chen_demo")
        regulator = ref("complaint_core.channel_regulator")
        billing = ref("complaint_core.classification_billing_charges")

        def appeal(number, subject, hours_ago, company, partner, **extra):
            vals = {
                "name": subject,
                "description": f"<p>{subject}</p>",
                "company_id": company.id,
                "partner_id": partner.id,
                "classification_id": billing.id,
                "channel_id": regulator.id,
                "regulator_body_id": ministry.id,
                "regulator_ref": number,
                "appeal_source": "ministry",
                "appeal_filed": "filed",
                "regulator_received_at": now - timedelta(hours=hours_ago + 20),
                "appeal_received_at": now - timedelta(hours=hours_ago),
            }
            vals.update(extra)
            ticket = self.with_company(company).create(vals)
            created.append((number, ticket))
            return ticket

        created = []

        deadline = now + timedelta(days=2)
        appeal("GXB-DEMO-001", "申诉：宽带提速未生效仍按新资费收费", 2, city_a, zhang)
        dispatched = appeal(
            "GXB-DEMO-002",
            "申诉：国际漫游流量费争议",
            20,
            city_a,
            chen,
            appeal_filed="non_filed",
        )
        dispatched.complaint_dispatch(city_a, "核实漫游话单，24小时内反馈。", deadline)
        fed_back = appeal("GXB-DEMO-003", "申诉：携号转网被拒", 30, city_a, chen)
        fed_back.complaint_dispatch(city_a, "核实转网限制原因。", deadline)
        fed_back.complaint_start()
        fed_back.action_appeal_branch_feedback()
        replied = appeal(
            "GXB-DEMO-004", "申诉：套餐变更未经本人同意", 96, city_a, zhang
        )
        replied.complaint_dispatch(city_a, "调取变更录音并回访用户。", deadline)
        replied.complaint_start()
        replied.action_appeal_branch_feedback()
        replied.write(
            {
                "appeal_finding": "经调取录音核实，变更系营业员误操作；"
                "已恢复原套餐并退还差价。",
                "appeal_responsibility": True,
            }
        )
        replied.complaint_reply(
            "已恢复原套餐并退还差价，向您致歉。",
            "phone",
            conclusion=ref("complaint_core.closing_conclusion_enterprise_fault"),
            substantiation="substantiated",
        )
        # The PDF is rendered when a user sends the reply; the demo records
        # the sending without a print server.
        replied._appeal_record_reply(now)
        # A re-appeal of the same customer on the same matter (S000-R155).
        appeal(
            "GXB-DEMO-005",
            "再次申诉：套餐变更差价退还不足",
            1,
            city_a,
            zhang,
            original_appeal_id=replied.id,
        )
        # Forwarded by the consumers' association (S000-R151), city B.
        appeal(
            "XH-DEMO-001",
            "消协转办：宽带安装超期",
            5,
            city_b,
            chen,
            regulator_body_id=association.id,
            appeal_source="other_authority",
            appeal_filed=False,
        )
        # 督办: an appeal left undispatched two weeks ago, supervised when
        # its 督办 fell due (S000-R085, S000-R098).
        late = appeal(
            "GXB-DEMO-006", "申诉：停机保号期间被扣月租", 24 * 14, city_b, zhang
        )
        line = late._appeal_open_lines().filtered(
            lambda line: line.appeal_stage == "dispatch"
        )
        cal = late._appeal_cal()
        schedule = rules_appeal.rung_schedule(
            late.appeal_plan_id._to_ladder(), aware(line.deadline, cal.tz_name), cal
        )
        supervision = next(item for item in schedule if item.rung.code == "supervision")
        self.sudo()._cron_appeal_supervision(
            now=naive(supervision.due_at) + timedelta(minutes=1)
        )
        # One exported return of this month, as the administrator.
        today = fields.Date.context_today(self)
        export = self.env["regulator.return.export"].create(
            {
                "name": f"申诉报表 {today:%Y-%m}",
                "body_id": ministry.id,
                "period": "month",
                "date_from": today.replace(day=1),
                "date_to": today,
            }
        )
        export._run()
        # The demo records go with the addon on uninstall (xmlids).
        xmlids = [
            (f"demo_appeal_{number.lower().replace('-', '_')}", ticket)
            for number, ticket in created
        ] + [("demo_return_export", export)]
        self.env["ir.model.data"].sudo().create(
            [
                {
                    "module": "regulator_appeal",
                    "name": name,
                    "model": record._name,
                    "res_id": record.id,
                    "noupdate": True,
                }
                for name, record in xmlids
            ]
        )

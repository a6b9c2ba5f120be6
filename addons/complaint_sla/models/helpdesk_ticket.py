# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import defaultdict
from datetime import datetime, time

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from odoo.addons.complaint_core.models.helpdesk_ticket import STEP_DATE_FIELDS

from complaint_rules import deadline_status as rules_status
from complaint_rules import sla as rules_sla
from complaint_rules.errors import RuleError

from ..tools import FOLLOWED_KEY, FollowedPairs, aware

_logger = logging.getLogger(__name__)

SLA_STATUSES = [
    ("none", "No deadline"),
    ("on_time", "On time"),
    ("warning", "Warning"),
    ("overdue", "Overdue"),
    ("paused", "Paused"),
]
# A change of these re-plans the clocks that have not fired yet (the
# reporter's anonymity too: S000-R174).
REPLAN_FIELDS = {
    "grade_id",
    "complaint_kind",
    "channel_id",
    "company_id",
    "complainant_anonymous",
}
OPEN_STATES = ("open", "paused")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    sla_deadline_ids = fields.One2many(
        "complaint.ticket.deadline", "ticket_id", string="Deadlines"
    )
    sla_pause_ids = fields.One2many("complaint.sla.pause", "ticket_id", string="Pauses")
    sla_status = fields.Selection(
        SLA_STATUSES,
        string="Deadline status",
        compute="_compute_sla",
        search="_search_sla_status",
    )
    sla_next_deadline = fields.Datetime(string="Next deadline", compute="_compute_sla")
    sla_remaining = fields.Char(string="Time left", compute="_compute_sla")
    sla_due_today = fields.Boolean(
        string="Due today", compute="_compute_sla", search="_search_sla_due_today"
    )
    sla_paused = fields.Boolean(string="Clock paused", compute="_compute_sla")
    sla_provisional_year = fields.Integer(
        string="Deadline without holiday data",
        compute="_compute_sla",
        search="_search_sla_provisional_year",
        help="A running deadline reaches a year whose public holidays are not "
        "loaded yet: it counts weekends only until head office loads the year.",
    )

    # ------------------------------------------------------------------
    # Computes and searches
    # ------------------------------------------------------------------
    @api.depends_context("uid")
    @api.depends(
        "sla_deadline_ids.state",
        "sla_deadline_ids.deadline",
        "sla_deadline_ids.warning_at",
        "sla_deadline_ids.warned_at",
        "sla_deadline_ids.breached_at",
        "sla_deadline_ids.provisional_year",
    )
    def _compute_sla(self):
        now = fields.Datetime.now()
        start, end = self._sla_today_bounds()
        for ticket in self:
            lines = ticket.sla_deadline_ids.filtered(
                lambda line: line.state in OPEN_STATES
            )
            ticket.sla_status = (
                rules_status.worst([line._status(now) for line in lines]) or "none"
            )
            next_line = lines.sorted("deadline")[:1]
            ticket.sla_next_deadline = next_line.deadline
            ticket.sla_remaining = (
                next_line._remaining_text(now) if next_line else False
            )
            ticket.sla_due_today = any(
                start <= line.deadline <= end for line in lines if line.state == "open"
            )
            ticket.sla_paused = any(line.state == "paused" for line in lines)
            ticket.sla_provisional_year = min(
                (y for y in lines.mapped("provisional_year") if y), default=0
            )

    def _search_sla_provisional_year(self, operator, value):
        return [
            (
                "sla_deadline_ids",
                "any",
                [("state", "in", OPEN_STATES), ("provisional_year", operator, value)],
            )
        ]

    def _sla_today_bounds(self):
        """Today in the user's timezone, as naive UTC bounds."""
        tz = pytz.timezone(self.env.user.tz or "Asia/Shanghai")
        today = fields.Datetime.now().replace(tzinfo=pytz.utc).astimezone(tz).date()
        start = tz.localize(datetime.combine(today, time.min))
        end = tz.localize(datetime.combine(today, time.max))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    @api.model
    def _sla_status_domains(self):
        """Ticket domain of each status, built from the one rule
        (complaint_rules.deadline_status.CONDITIONS): a ticket has the worst
        status of its running lines, so it has status S when a line meets
        S's condition and none meets a worse one's."""
        now = fields.Datetime.now()
        Deadline = self.env["complaint.ticket.deadline"]

        def any_line(status):
            return [
                ("sla_deadline_ids", "any", Deadline._status_condition(status, now))
            ]

        domains = {}
        worse = []
        for status in rules_status.RUNNING_STATUSES:
            domains[status] = expression.AND(
                [any_line(status), *(["!", *any_line(w)] for w in worse)]
            )
            worse.append(status)
        running = [("sla_deadline_ids", "any", [("state", "in", OPEN_STATES)])]
        domains["none"] = ["!", *running]
        return domains

    def _search_sla_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the deadline status."))
        values = [value] if isinstance(value, str) or not value else list(value)
        values = [v or "none" for v in values]
        domains = self._sla_status_domains()
        domain = expression.OR([domains[v] for v in values if v in domains])
        if operator in ("!=", "not in"):
            domain = ["!", *domain]
        return domain

    def _search_sla_due_today(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on 'due today'."))
        start, end = self._sla_today_bounds()
        domain = [
            (
                "sla_deadline_ids",
                "any",
                [
                    ("state", "=", "open"),
                    ("deadline", ">=", start),
                    ("deadline", "<=", end),
                ],
            )
        ]
        positive = (operator == "=") == bool(value)
        return domain if positive else ["!", *domain]

    # ------------------------------------------------------------------
    # CRUD hooks: open and close step clocks
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super(
            HelpdeskTicket, self.with_context(complaint_sla_no_replan=True)
        ).create(vals_list)
        tickets = tickets.with_env(self.env)
        tickets._sla_open(fields.Datetime.now(), new=True)
        return tickets

    def write(self, vals):
        moving = bool(vals.get("stage_id"))
        replan = bool(REPLAN_FIELDS & set(vals)) and not self.env.context.get(
            "complaint_sla_no_replan"
        )
        if not (moving or replan or "active" in vals):
            return super().write(vals)
        before = {ticket.id: ticket.complaint_step for ticket in self} if moving else {}
        res = super().write(vals)
        now = fields.Datetime.now()
        if moving:
            moved = self.filtered(lambda t: t.complaint_step != before.get(t.id))
            if moved:
                moved._sla_step_changed(now)
        if replan:
            self._sla_replan(now)
        if "active" in vals and not vals["active"]:
            self._sla_open_lines().with_context(active_test=False)._close(
                now, "cancelled"
            )
        return res

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        # An SLA scan subscribes its activities' assignees in one batch
        # (complaint.ticket.deadline._sla_follow); mail.activity's create
        # then asks again per assignee: the pairs just subscribed are not
        # looked up a second time.
        followed = self.env.context.get(FOLLOWED_KEY)
        if (
            self.env.su
            and isinstance(followed, FollowedPairs)
            and partner_ids
            and not subtype_ids
            and followed.covers(self.ids, partner_ids)
        ):
            return True
        return super().message_subscribe(
            partner_ids=partner_ids, subtype_ids=subtype_ids
        )

    def _sla_open_lines(self):
        return (
            self.env["complaint.ticket.deadline"]
            .sudo()
            .search([("ticket_id", "in", self.ids), ("state", "in", OPEN_STATES)])
        )

    def _sla_profile(self):
        self.ensure_one()
        return rules_sla.TicketProfile(
            kind=self.complaint_kind or "complaint",
            grade=self.grade_id.id or None,
            channel=self.channel_code or None,
            level=self.org_level or None,
            company=self.company_id.id or None,
            scheme=self.company_id.complaint_grade_scheme or "",
            # S000-R174: some limits are owed to real-name reporters only.
            anonymous=bool(self.complainant_anonymous),
        )

    def _sla_step_start(self, now):
        self.ensure_one()
        date_field = STEP_DATE_FIELDS.get(self.complaint_step)
        return (date_field and self[date_field]) or now

    def _sla_open(self, now, new=False, open_keys=None):
        """Open the clocks of each ticket's current step (one create call).

        ``open_keys``: ticket id -> slots already running (not re-opened).
        A date outside the holiday data is logged, never blocks the ticket.
        """
        Deadline = self.env["complaint.ticket.deadline"].sudo()
        policies, line_ids = self.env["complaint.sla.policy"]._sla_policies()
        if not policies:
            return Deadline
        if open_keys is None:
            open_keys = {} if new else self._sla_open_keys()
        Calendar = self.env["resource.calendar"]
        vals_list = []
        for ticket in self:
            step = ticket.complaint_step
            if step not in rules_sla.STEPS or not ticket.active:
                continue
            chosen = rules_sla.limits_starting(
                rules_sla.select_limits(policies, ticket._sla_profile()), step
            )
            running = open_keys.get(ticket.id, ())
            chosen = [s for s in chosen if s.limit.key not in running]
            if not chosen:
                continue
            calendar = ticket.company_id._complaint_sla_calendar()
            cal = Calendar._complaint_work_calendar(calendar.id)
            start = aware(ticket._sla_step_start(now), cal.tz_name)
            for selected in chosen:
                try:
                    clock = rules_sla.plan(selected.limit, start, cal)
                except RuleError as exc:
                    _logger.warning(
                        "No deadline for ticket %s, step %s: %s", ticket.id, step, exc
                    )
                    continue
                vals_list.append(
                    Deadline._open_vals(
                        ticket,
                        selected,
                        clock,
                        calendar,
                        line_ids.get((selected.policy.code, selected.limit.key)),
                    )
                )
        return Deadline._insert(vals_list)

    def _sla_open_keys(self):
        keys = defaultdict(set)
        for line in self._sla_open_lines():
            keys[line.ticket_id.id].add((line.step, line.end_step or ""))
        return keys

    def _sla_step_changed(self, now):
        """Stop the clocks the new step ends and start those it begins."""
        lines = self._sla_open_lines()
        paused = lines.filtered(lambda line: line.state == "paused")
        if paused:
            # Work resumes when the ticket moves on.
            paused.ticket_id._sla_end_pauses(now)
            paused._resume(now)
        ending = lines.filtered(
            lambda line: rules_sla.closes(
                line.step, line.end_step or "", line.ticket_id.complaint_step
            )
        )
        ending._close(now)
        open_keys = defaultdict(set)
        for line in lines - ending:
            open_keys[line.ticket_id.id].add((line.step, line.end_step or ""))
        self._sla_open(now, open_keys=open_keys)

    def _sla_replan(self, now):
        """Re-plan after a change of grade, kind, channel or company.

        Clocks that already warned, breached, were paused or extended keep
        their deadline; the others take the limit now chosen for their slot
        (from their original start), or are cancelled when no policy covers
        the slot any more. Slots of the current step that now apply open.
        """
        policies, line_ids = self.env["complaint.sla.policy"]._sla_policies()
        lines = self._sla_open_lines()
        by_ticket = defaultdict(lambda: lines.browse())
        for line in lines:
            by_ticket[line.ticket_id.id] |= line
        Calendar = self.env["resource.calendar"]
        cancel = lines.browse()
        open_keys = defaultdict(set)
        for ticket in self:
            chosen = rules_sla.select_limits(policies, ticket._sla_profile())
            for line in by_ticket.get(ticket.id, ()):
                key = (line.step, line.end_step or "")
                open_keys[ticket.id].add(key)
                fired = (
                    line.warned_at
                    or line.breached_at
                    or line.extension_count
                    or line.paused_seconds
                    or line.state == "paused"
                )
                if fired:
                    continue
                selected = chosen.get(key)
                if selected is None:
                    cancel |= line
                    continue
                line_id = line_ids.get((selected.policy.code, key))
                if line_id == line.policy_line_id.id:
                    continue
                calendar = ticket.company_id._complaint_sla_calendar()
                cal = Calendar._complaint_work_calendar(calendar.id)
                try:
                    clock = rules_sla.plan(
                        selected.limit, aware(line.start, cal.tz_name), cal
                    )
                except RuleError as exc:
                    _logger.warning("Cannot re-plan deadline %s: %s", line.id, exc)
                    continue
                vals = line._open_vals(ticket, selected, clock, calendar, line_id)
                vals.pop("ticket_id")
                line.write(vals)
        cancel._close(now, "cancelled")
        self._sla_open(now, open_keys=open_keys)

    # ------------------------------------------------------------------
    # Pause (挂起) and resume
    # ------------------------------------------------------------------
    def sla_pause(self, reason):
        """Stop the clocks while waiting on the complainant."""
        if not (reason or "").strip():
            raise UserError(self.env._("A pause needs a reason."))
        now = fields.Datetime.now()
        lines = self._sla_open_lines()
        for ticket in self:
            if ticket.sla_paused:
                raise UserError(
                    self.env._(
                        "The clock of ticket %(ticket)s is already paused.",
                        ticket=ticket.display_name,
                    )
                )
            running = lines.filtered(
                lambda line, t=ticket: (
                    line.ticket_id == t
                    and line.state == "open"
                    and not line.breached_at
                    and line.deadline >= now
                )
            )
            if not running:
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s has no running deadline to pause.",
                        ticket=ticket.display_name,
                    )
                )
            running.write({"state": "paused", "paused_since": now})
        self.env["complaint.sla.pause"].sudo().create(
            [
                {
                    "ticket_id": ticket.id,
                    "reason": reason,
                    "date_start": now,
                    "user_id": self.env.user.id,
                }
                for ticket in self
            ]
        )
        for ticket in self:
            ticket.message_post(
                body=self.env._("Clock paused: %(reason)s", reason=reason),
                subtype_xmlid="mail.mt_note",
            )

    def sla_resume(self):
        """Restart the clocks; deadlines move by the time paused."""
        now = fields.Datetime.now()
        lines = self._sla_open_lines().filtered(lambda line: line.state == "paused")
        if not lines:
            raise UserError(self.env._("No paused clock to resume."))
        lines._resume(now)
        self._sla_end_pauses(now)
        for ticket in lines.ticket_id:
            ticket.message_post(
                body=self.env._("Clock resumed; deadlines moved by the time paused."),
                subtype_xmlid="mail.mt_note",
            )

    def _sla_end_pauses(self, now):
        self.env["complaint.sla.pause"].sudo().search(
            [("ticket_id", "in", self.ids), ("date_end", "=", False)]
        ).write({"date_end": now})

    def sla_request_extension(self, deadline, amount, unit, reason):
        """Ask a manager to extend (延期) one running deadline."""
        self.ensure_one()
        return self.env["complaint.sla.extension"].create(
            {
                "deadline_id": deadline.id,
                "amount": amount,
                "unit": unit or deadline.extension_unit or deadline.unit,
                "reason": reason,
            }
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_sla_pause(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_sla.complaint_sla_pause_wizard_action"
        )
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_sla_plan(self):
        """Open the clocks of the current step (e.g. for tickets that existed
        before the SLA module was installed)."""
        self._sla_open(fields.Datetime.now())
        return True

    @api.model
    def _sla_demo_plan(self):
        tickets = self.search([("complaint_step", "in", list(rules_sla.STEPS))])
        tickets._sla_open(fields.Datetime.now())

    def action_sla_resume(self):
        self.sla_resume()
        return True

    def action_sla_extension(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_sla.complaint_sla_extension_wizard_action"
        )
        action["context"] = {"default_ticket_id": self.id}
        return action

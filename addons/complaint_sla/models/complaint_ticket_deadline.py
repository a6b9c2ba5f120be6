# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import timedelta

import pytz
from markupsafe import Markup

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL

from odoo.addons.complaint_core.tools import local_time_text

from complaint_rules import deadline_status as rules_status
from complaint_rules import sla as rules_sla
from complaint_rules.errors import RuleError

from ..tools import (
    BREACH_ACTIONS,
    CAP_MODES,
    END_STEPS,
    FOLLOWED_KEY,
    SLA_STEPS,
    UNITS,
    FollowedPairs,
    aware,
    naive,
    sla_error_message,
    step_limit,
)

_logger = logging.getLogger(__name__)

# The codes are complaint_rules.deadline_status.STATES.
STATES = [
    ("open", "Running"),
    ("paused", "Paused"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
STATUSES = [
    ("on_time", "On time"),
    ("warning", "Warning"),
    ("overdue", "Overdue"),
    ("paused", "Paused"),
    ("met", "Met"),
    ("missed", "Missed"),
    ("cancelled", "Cancelled"),
]
OUTCOMES = [("met", "Met"), ("missed", "Missed")]
DEFAULT_BATCH_SIZE = 1000
ESCALATING = ("escalate", "both")
# What each scan stamps, the indexed column it compares with "now" and the
# columns the stamp empties: complaint_rules.deadline_status.SCANS.
SCANS = rules_status.SCANS


class ComplaintTicketDeadline(models.Model):
    """One running or finished step clock of a ticket.

    Opened when the ticket enters the step of a policy line (the limit is
    copied, so later policy edits do not move running clocks), closed when
    the ticket leaves the slot (complaint_rules.sla.closes). The warning and
    breach scans (``_cron_warn`` / ``_cron_breach``) stamp ``warned_at`` /
    ``breached_at`` in one ``UPDATE ... RETURNING`` over a partial index and
    act on the stamped rows in the same transaction, so each warning and each
    breach fires exactly once.
    """

    _name = "complaint.ticket.deadline"
    _description = "Complaint Step Deadline"
    _order = "ticket_id, start, id"
    _rec_name = "step"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    step = fields.Selection(SLA_STEPS, required=True, readonly=True)
    end_step = fields.Selection(END_STEPS, string="Until step", readonly=True)
    policy_id = fields.Many2one(
        "complaint.sla.policy", ondelete="set null", readonly=True
    )
    policy_line_id = fields.Many2one(
        "complaint.sla.policy.line", ondelete="set null", readonly=True
    )
    calendar_id = fields.Many2one(
        "resource.calendar", string="Working time", ondelete="set null", readonly=True
    )
    rule_ref = fields.Char(string="Rules", readonly=True)
    # Snapshot of the limit ------------------------------------------------------
    amount = fields.Float(digits=(16, 2), readonly=True)
    unit = fields.Selection(UNITS, readonly=True)
    warn_ratio = fields.Float(digits=(16, 2), readonly=True)
    breach_action = fields.Selection(BREACH_ACTIONS, readonly=True)
    max_extensions = fields.Integer(readonly=True)
    extension_cap = fields.Float(digits=(16, 2), readonly=True)
    extension_unit = fields.Selection(UNITS, readonly=True)
    extension_cap_mode = fields.Selection(CAP_MODES, readonly=True)
    # Clock --------------------------------------------------------------------------
    start = fields.Datetime(required=True, readonly=True)
    deadline = fields.Datetime(required=True, readonly=True, index=True)
    original_deadline = fields.Datetime(readonly=True)
    warning_at = fields.Datetime(string="Warning time", readonly=True)
    warned_at = fields.Datetime(readonly=True, copy=False)
    breached_at = fields.Datetime(string="Overdue since", readonly=True, copy=False)
    done_at = fields.Datetime(readonly=True, copy=False)
    paused_since = fields.Datetime(readonly=True, copy=False)
    paused_seconds = fields.Integer(string="Time paused (s)", readonly=True)
    extension_count = fields.Integer(readonly=True)
    extension_ids = fields.One2many("complaint.sla.extension", "deadline_id")
    # No plain index: the partial indexes of init() serve the scans.
    state = fields.Selection(STATES, required=True, default="open", readonly=True)
    # Scan columns: the warning / deadline time while it may still fire, else
    # empty. Each scan reads one indexed column whose statistics describe only
    # the rows that can still fire, so the planner picks the index.
    warn_due = fields.Datetime(
        compute="_compute_due", store=True, precompute=True, readonly=True
    )
    breach_due = fields.Datetime(
        compute="_compute_due", store=True, precompute=True, readonly=True
    )
    # The first year the clock reaches for which no holiday data is loaded
    # (weekends only): the deadline is provisional until head office loads it.
    provisional_year = fields.Integer(
        string="Year without holidays",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The deadline runs into a year whose public holidays and make-up "
        "days are not loaded yet: it counts weekends only and is recomputed "
        "when the year is loaded.",
    )
    # Stored when the line closes, for the KPIs.
    outcome = fields.Selection(OUTCOMES, readonly=True, copy=False, index=True)
    late_hours = fields.Float(
        string="Late by (working hours)",
        digits=(16, 2),
        readonly=True,
        copy=False,
        help="Working time between the deadline and the end of the step, for "
        "a missed step.",
    )
    status = fields.Selection(
        STATUSES, compute="_compute_status", search="_search_status"
    )
    remaining = fields.Char(compute="_compute_status", string="Time left")

    def init(self):
        # Partial indexes of the two scans: only rows that may still fire.
        self.env.cr.execute(
            SQL(
                """
                CREATE INDEX IF NOT EXISTS complaint_ticket_deadline_warn_due_idx
                    ON complaint_ticket_deadline (warn_due, id)
                 WHERE warn_due IS NOT NULL;
                CREATE INDEX IF NOT EXISTS complaint_ticket_deadline_breach_due_idx
                    ON complaint_ticket_deadline (breach_due, id)
                 WHERE breach_due IS NOT NULL;
                CREATE INDEX IF NOT EXISTS complaint_ticket_deadline_open_idx
                    ON complaint_ticket_deadline (ticket_id)
                 WHERE state IN ('open', 'paused');
                """
            )
        )

    @api.depends("state", "warning_at", "warned_at", "deadline", "breached_at")
    def _compute_due(self):
        for line in self:
            due = rules_status.scan_due(**line._status_values())
            line.warn_due = due["warn_due"] or False
            line.breach_due = due["breach_due"] or False

    def _status_values(self, with_done=False):
        """The fields complaint_rules.deadline_status reads."""
        self.ensure_one()
        values = {
            "state": self.state or "open",
            "deadline": self.deadline or None,
            "warning_at": self.warning_at or None,
            "warned_at": self.warned_at or None,
            "breached_at": self.breached_at or None,
        }
        if with_done:
            values["done_at"] = self.done_at or None
        return values

    @api.depends_context("uid")
    @api.depends(
        "state", "deadline", "warning_at", "warned_at", "breached_at", "done_at"
    )
    def _compute_status(self):
        now = fields.Datetime.now()
        for line in self:
            line.status = line._status(now)
            line.remaining = line._remaining_text(now)

    @api.model
    def _status_domain(self, status, now):
        """Domain of the lines in ``status`` at ``now``, read off the one rule
        (complaint_rules.deadline_status): a running status is its condition
        and not a worse one's, a finished one its stored outcome."""
        if status in ("met", "missed"):
            return [("state", "=", "done"), ("outcome", "=", status)]
        if status == "cancelled":
            return [("state", "=", "cancelled")]
        domain = self._status_condition(status, now)
        for worse in rules_status.RUNNING_STATUSES:
            if worse == status:
                break
            domain = expression.AND(
                [domain, ["!", *self._status_condition(worse, now)]]
            )
        return domain

    @api.model
    def _status_condition(self, status, now):
        """Domain of complaint_rules.deadline_status.CONDITIONS[status]."""
        state, any_of = rules_status.CONDITIONS[status]
        terms = [
            [(cond.field, "!=", False)]
            if cond.op == "set"
            else [(cond.field, cond.op, now)]
            for cond in any_of
        ]
        domain = [("state", "=", state)]
        return expression.AND([domain, expression.OR(terms)]) if terms else domain

    def _search_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise UserError(self.env._("Unsupported search on the deadline status."))
        values = [value] if isinstance(value, str) else list(value or ())
        now = fields.Datetime.now()
        domain = expression.OR(
            [self._status_domain(v, now) for v in values if v in dict(STATUSES)]
        )
        return ["!", *domain] if operator in ("!=", "not in") else domain

    @api.depends("step", "end_step", "deadline")
    def _compute_display_name(self):
        steps = dict(self._fields["step"]._description_selection(self.env))
        ends = dict(self._fields["end_step"]._description_selection(self.env))
        for line in self:
            label = steps.get(line.step, line.step or "")
            if line.end_step:
                label = f"{label} → {ends.get(line.end_step, line.end_step)}"
            if line.deadline:
                label = f"{label} ({fields.Datetime.to_string(line.deadline)[:16]})"
            line.display_name = label

    def _status(self, now):
        self.ensure_one()
        if self.state == "done" and self.outcome:
            return self.outcome
        return rules_status.line_status(now, **self._status_values(with_done=True))

    def _remaining_text(self, now):
        if self.state not in ("open", "paused") or not self.deadline:
            return False
        delta = self.deadline - now
        late = delta < timedelta(0)
        minutes = int(abs(delta).total_seconds() // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, minutes = divmod(rest, 60)
        if days:
            text = self.env._("%(d)s d %(h)s h", d=days, h=hours)
        else:
            text = self.env._("%(h)s h %(m)s min", h=hours, m=minutes)
        return self.env._("%(time)s late", time=text) if late else text

    def _check_access(self, operation):
        # A deadline is visible to whoever may see its ticket (helpdesk_mgmt_sla
        # forwards the same way).
        result = super()._check_access(operation)
        if result or self.env.su:
            return result
        ticket_result = self.sudo().ticket_id.with_env(self.env)._check_access("read")
        if not ticket_result:
            return None
        forbidden_tickets, error_func = ticket_result
        forbidden = self.sudo().filtered(
            lambda line: line.ticket_id in forbidden_tickets
        )
        return forbidden.with_env(self.env), error_func

    # ------------------------------------------------------------------
    # Limits and clocks
    # ------------------------------------------------------------------
    def _limit(self):
        """The copied limit as a :class:`complaint_rules.sla.StepLimit`."""
        self.ensure_one()
        return step_limit(self)

    def _work_calendar(self):
        self.ensure_one()
        calendar = (
            self.calendar_id or self.ticket_id.company_id._complaint_sla_calendar()
        )
        return self.env["resource.calendar"]._complaint_work_calendar(calendar.id)

    def _clock(self, cal):
        self.ensure_one()
        return rules_sla.Clock(
            aware(self.start, cal.tz_name),
            aware(self.deadline, cal.tz_name),
            aware(self.warning_at, cal.tz_name),
        )

    @api.model
    def _clock_vals(self, clock, cal):
        return {
            "deadline": naive(clock.deadline),
            "warning_at": naive(clock.warning_at),
            "provisional_year": self._provisional_year(clock, cal),
        }

    @api.model
    def _provisional_year(self, clock, cal):
        """First year without holiday data from the start to the deadline."""
        years = cal.provisional_years_between(clock.start, clock.deadline)
        return years[0] if years else 0

    @api.model
    def _open_vals(self, ticket, selected, clock, calendar, line_id):
        limit = selected.limit
        return {
            "ticket_id": ticket.id,
            "step": limit.step,
            "end_step": limit.end_step or False,
            "policy_id": int(selected.policy.code),
            "policy_line_id": line_id,
            "calendar_id": calendar.id,
            "rule_ref": " ".join(limit.rule_ids) or False,
            "amount": float(limit.amount),
            "unit": limit.unit.value,
            "warn_ratio": float(limit.warn_ratio),
            "breach_action": limit.breach_action,
            "max_extensions": limit.max_extensions,
            "extension_cap": float(limit.extension_cap or 0),
            "extension_unit": limit.extension_unit.value
            if limit.extension_unit
            else False,
            "extension_cap_mode": limit.extension_cap_mode,
            "start": naive(clock.start),
            "deadline": naive(clock.deadline),
            "original_deadline": naive(clock.deadline),
            "warning_at": naive(clock.warning_at),
            "provisional_year": self._provisional_year(
                clock,
                self.env["resource.calendar"]._complaint_work_calendar(calendar.id),
            ),
            "state": "open",
        }

    @api.model
    def _insert(self, vals_list):
        """Insert opened clocks (:meth:`_open_vals`) in one statement.

        Ticket creation must stay cheap: the ORM create of these plain rows
        spends about a millisecond per line on field bookkeeping, one INSERT a
        fraction of that. The rows have no computed field but the two scan
        columns, given by complaint_rules.deadline_status.scan_due.
        """
        if not vals_list:
            return self.browse()
        now = fields.Datetime.now()
        columns = list(vals_list[0])
        rows = SQL(", ").join(
            SQL(
                "(%s, %s, %s, %s, %s, %s, %s)",
                SQL(", ").join(
                    None if vals[column] is False else vals[column]
                    for column in columns
                ),
                *(
                    rules_status.scan_due(
                        state=vals["state"],
                        deadline=vals["deadline"],
                        warning_at=vals["warning_at"] or None,
                    ).values()
                ),
                self.env.uid,
                now,
                self.env.uid,
                now,
            )
            for vals in vals_list
        )
        self.env.cr.execute(
            SQL(
                """INSERT INTO complaint_ticket_deadline (%s, warn_due, breach_due,
                       create_uid, create_date, write_uid, write_date)
                   VALUES %s RETURNING id""",
                SQL(", ").join(SQL.identifier(column) for column in columns),
                rows,
            )
        )
        lines = self.browse([row[0] for row in self.env.cr.fetchall()])
        self._request_holiday_years(vals_list)
        self.env["helpdesk.ticket"].browse(
            {vals["ticket_id"] for vals in vals_list}
        ).invalidate_recordset(
            [
                "sla_deadline_ids",
                "sla_status",
                "sla_next_deadline",
                "sla_remaining",
                "sla_due_today",
                "sla_paused",
                "sla_provisional_year",
            ]
        )
        return lines

    @api.model
    def _request_holiday_years(self, vals_list):
        """One activity for head office per calendar and year that running
        deadlines reach without holiday data (not one per ticket)."""
        wanted = {
            (vals["calendar_id"], vals["provisional_year"])
            for vals in vals_list
            if vals.get("provisional_year") and vals.get("calendar_id")
        }
        if wanted:
            self.env["complaint.sla.holiday.year"]._request_load(wanted)

    def write(self, vals):
        res = super().write(vals)
        if vals.get("provisional_year"):
            self._request_holiday_years(
                [
                    {
                        "calendar_id": line.calendar_id.id,
                        "provisional_year": line.provisional_year,
                    }
                    for line in self
                ]
            )
        return res

    def _sla_recompute(self):
        """Re-plan running clocks after the holidays of a year they reach were
        loaded: the limit from the original start, then the approved
        extensions and the pauses again; a warning not yet sent keeps its
        lead before the deadline. Each ticket gets one note."""
        notes = {}
        for line in self:
            cal = line._work_calendar()
            limit = line._limit()
            start = aware(line.start, cal.tz_name)
            try:
                clock = rules_sla.plan(limit, start, cal)
                planned = clock
                for extension in line.extension_ids.filtered(
                    lambda e: e.state == "approved"
                ).sorted("id"):
                    clock = rules_sla.extend_clock(
                        clock,
                        extension.amount,
                        extension.unit,
                        cal,
                        limit_unit=line.unit,
                    )
                for pause in line.ticket_id.sla_pause_ids.filtered(
                    lambda p, s=line.start: p.date_start >= s and p.date_end
                ).sorted("date_start"):
                    clock = rules_sla.resume_clock(
                        clock,
                        aware(pause.date_start, cal.tz_name),
                        aware(pause.date_end, cal.tz_name),
                        line.unit,
                        cal,
                        warned=bool(line.warned_at),
                    )
            except RuleError as exc:
                _logger.warning("Cannot recompute deadline %s: %s", line.id, exc)
                continue
            vals = self._clock_vals(clock, cal)
            vals["original_deadline"] = naive(planned.deadline)
            if line.warned_at:
                vals.pop("warning_at")
            old = line.deadline
            line.write(vals)
            if line.deadline != old:
                notes.setdefault(line.ticket_id.id, []).append(line)
        for ticket_id, lines in notes.items():
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Deadlines recomputed with the holidays now loaded."),
                Markup("").join(
                    Markup("<li>%s</li>") % line.display_name for line in lines
                ),
            )
            notes[ticket_id] = body
        if notes:
            self.env["helpdesk.ticket"].sudo().browse(list(notes))._message_log_batch(
                bodies=notes
            )

    def _close(self, now, state="done"):
        """Stop the clocks (the step ended, or the ticket was archived)."""
        if not self:
            return
        self.write({"state": state, "done_at": now, "paused_since": False})
        if state == "done":
            self._store_outcome()
        # Warning and breach activities of a finished step are obsolete.
        alerted = self.filtered(lambda line: line.warned_at or line.breached_at)
        if alerted:
            tickets = alerted.ticket_id
            still_alerted = self.search(
                [
                    ("ticket_id", "in", tickets.ids),
                    ("state", "in", ("open", "paused")),
                    "|",
                    ("warned_at", "!=", False),
                    ("breached_at", "!=", False),
                ]
            ).ticket_id
            (tickets - still_alerted).sudo().activity_unlink(
                [
                    "complaint_sla.mail_activity_type_sla_warning",
                    "complaint_sla.mail_activity_type_sla_breach",
                ]
            )

    def _store_outcome(self):
        """Store met / missed (complaint_rules.deadline_status.outcome) and,
        for a missed step, the working time it ran late."""
        by_value = {}
        for line in self:
            result = rules_status.outcome(
                line.deadline, line.done_at, line.breached_at or None
            )
            late = 0.0
            if result == "missed" and line.done_at > line.deadline:
                cal = line._work_calendar()
                try:
                    late = round(
                        cal.working_time_between(
                            aware(line.deadline, cal.tz_name),
                            aware(line.done_at, cal.tz_name),
                        ).total_seconds()
                        / 3600,
                        2,
                    )
                except RuleError as exc:
                    _logger.warning("Late time of deadline %s: %s", line.id, exc)
            by_value.setdefault((result, late), []).append(line.id)
        for (result, late), ids in by_value.items():
            self.browse(ids).write({"outcome": result, "late_hours": late})

    # ------------------------------------------------------------------
    # Scheduled scans: warnings and breaches
    # ------------------------------------------------------------------
    @api.model
    def _cron_warn(self, now=None, batch_size=None):
        """Send the due warnings (S000-R122). Returns how many fired."""
        return self._in_company_lang()._sla_scan("warn", now, batch_size)

    @api.model
    def _cron_breach(self, now=None, batch_size=None):
        """Mark the breached steps overdue and run their breach action
        (escalate one level up, S000-R113, and/or notify). Returns how many
        fired."""
        return self._in_company_lang()._sla_scan("breach", now, batch_size)

    @api.model
    def _in_company_lang(self):
        """Notes and activities are stored text: a scheduled job writes them
        in the company's language (its partner's), not the job user's."""
        if self.env.context.get("lang") and not self.env.user._is_superuser():
            return self
        # The company's language alone, in one query: a scan is short, and
        # reading the company and its partner through the ORM cost more than
        # a steady tick's own work.
        self.env.cr.execute(
            SQL(
                """SELECT p.lang FROM res_company c
                     JOIN res_partner p ON p.id = c.partner_id
                    WHERE c.id = %s""",
                self.env.company.id,
            )
        )
        row = self.env.cr.fetchone()
        lang = (row and row[0]) or self.env.user.lang
        return self.with_context(lang=lang) if lang else self

    @api.model
    def _sla_scan(self, kind, now, batch_size):
        now = now or fields.Datetime.now()
        size = batch_size or int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("complaint_sla.cron_batch_size", DEFAULT_BATCH_SIZE)
        )
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        done = remaining = 0
        while True:
            fired = self._sla_scan_batch(kind, now, size)
            done += fired
            if fired < size:
                break
            if in_cron:
                # One batch per call: the cron runner commits and calls again.
                remaining = self._sla_count_due(kind, now)
                break
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    @api.model
    def _sla_due_where(self, kind, now, alias=None):
        """The condition of a due row of scan ``kind``
        (complaint_rules.deadline_status.SCANS): its scan column has passed,
        and the instant the scan must precede (the deadline, for a warning)
        has not."""
        scan = SCANS[kind]

        def column(name):
            return SQL.identifier(alias, name) if alias else SQL.identifier(name)

        where = SQL("%s <= %s", column(scan.due), now)
        if scan.before:
            where = SQL("%s AND %s > %s", where, column(scan.before), now)
        return where

    @api.model
    def _sla_count_due(self, kind, now):
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM complaint_ticket_deadline WHERE %s",
                self._sla_due_where(kind, now),
            )
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _sla_scan_batch(self, kind, now, size):
        """Fire one batch; returns the number of rows fired.

        Fast path: one savepoint around :meth:`_sla_fire` (stamp, notes and
        activities, set-based) and :meth:`_sla_after_fire` (breach
        escalations). If anything fails, the savepoint rolls all of it back
        and the batch is retried row by row, each in its own savepoint, so
        one bad ticket neither blocks the others nor keeps a stamp without
        its note (it stays due and is retried on the next run).
        """
        cr = self.env.cr
        try:
            with cr.savepoint():
                rows = self._sla_fire(kind, now, size)
                self._sla_after_fire(kind, rows)
            return len(rows)
        except Exception:
            _logger.exception("SLA %s scan: batch failed, retrying row by row", kind)
        fired = 0
        for line_id in self._sla_due_ids(kind, now, size):
            try:
                with cr.savepoint():
                    rows = self._sla_fire(kind, now, 1, line_id=line_id)
                    self._sla_after_fire(kind, rows)
                fired += len(rows)
            except Exception:
                _logger.exception(
                    "SLA %s for deadline line %s failed; it stays due", kind, line_id
                )
        return fired

    @api.model
    def _sla_due_ids(self, kind, now, size):
        self.env.cr.execute(
            SQL(
                """SELECT id FROM complaint_ticket_deadline
                    WHERE %(where)s
                    ORDER BY %(when)s, id LIMIT %(size)s""",
                where=self._sla_due_where(kind, now),
                when=SQL.identifier(SCANS[kind].due),
                size=size,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _sla_fire(self, kind, now, size, line_id=None):
        """Stamp up to ``size`` due rows, post their notes and activities;
        returns ``[(line id, ticket id, breach action)]``.

        Set-based, in the caller's transaction, so a rollback removes stamps,
        notes and activities together and each warning and each breach fires
        exactly once:

        1. ``UPDATE ... RETURNING`` stamps ``warned_at`` / ``breached_at`` on
           the due rows, found over the partial index of ``warn_due`` /
           ``breach_due`` (``FOR UPDATE SKIP LOCKED`` keeps a concurrent run,
           e.g. "Run manually" beside the cron worker, off them), and returns
           what the notes need;
        2. one log note per ticket listing its due steps
           (``_message_log_batch``) and one ``create`` of all the activities
           (:meth:`_sla_post`), through the mail ORM:
           a warning goes to the handler (assignee, else the first-contact
           owner) and the supervisor (team leader, else the nearest branch
           manager up the company tree); a breach goes to the supervisor when
           the line's action notifies.
        """
        scan = SCANS[kind]
        stamp, when = scan.stamp, scan.due
        # The stamp empties the scan columns the rule says it does (a breach
        # also ends the warning: none fires after the breach).
        cleared = SQL(", ").join(
            SQL("%s = NULL", SQL.identifier(column))
            for column in rules_status.cleared_by(kind)
        )
        env = self.env
        only = SQL("AND l.id = %s", line_id) if line_id else SQL()
        self.flush_model()
        env["helpdesk.ticket"].flush_model()
        env.cr.execute(
            SQL(
                """
                UPDATE complaint_ticket_deadline AS d
                   SET %(stamp)s = %(now)s, %(cleared)s,
                       write_date = %(now)s, write_uid = %(uid)s
                  FROM (SELECT l.id, COALESCE(t.user_id, t.first_contact_user_id)
                               AS handler, team.user_id AS leader, c.parent_path,
                               t.number || ' - ' || t.name AS name, cal.tz
                          FROM complaint_ticket_deadline l
                          JOIN helpdesk_ticket t ON t.id = l.ticket_id
                          JOIN res_company c ON c.id = t.company_id
                     LEFT JOIN helpdesk_ticket_team team ON team.id = t.team_id
                     LEFT JOIN resource_calendar cal ON cal.id = l.calendar_id
                         WHERE %(due)s %(only)s
                         ORDER BY l.%(when)s, l.id
                         LIMIT %(size)s
                           FOR UPDATE OF l SKIP LOCKED) AS due
                 WHERE d.id = due.id AND d.%(when)s IS NOT NULL
             RETURNING d.id, d.ticket_id, d.step, d.deadline, d.rule_ref,
                       d.breach_action, due.tz, due.handler, due.leader,
                       due.parent_path, due.name
                """,
                stamp=SQL.identifier(stamp),
                cleared=cleared,
                due=self._sla_due_where(kind, now, alias="l"),
                when=SQL.identifier(when),
                now=now,
                uid=env.uid,
                only=only,
                size=size,
            )
        )
        rows = env.cr.fetchall()
        if not rows:
            return []
        self.invalidate_model(
            [stamp, *rules_status.cleared_by(kind), "write_date", "write_uid"]
        )
        self._sla_post(kind, rows, now)
        return [(row[0], row[1], row[5]) for row in rows]

    @api.model
    def _sla_post(self, kind, rows, now):
        """Post the notes and create the activities of freshly stamped rows,
        one batch call each."""
        env = self.env
        steps = dict(self._fields["step"]._description_selection(env))
        if kind == "warn":
            title = env._("Deadline warning: a step is close to its time limit.")
            summary = env._("Deadline close: act before it expires")
            xmlid = "complaint_sla.mail_activity_type_sla_warning"
        else:
            title = env._("Deadline missed: the step is overdue.")
            summary = env._("Deadline missed: follow up")
            xmlid = "complaint_sla.mail_activity_type_sla_breach"
        # One note per ticket: the title, then one line per due step. The
        # body is Markup built from escaped parts, flat (a paragraph with line
        # breaks): the mail.message create sanitizes each body twice, and a
        # flat body costs less to parse than a list.
        line_text = env._("%(step)s: due %(deadline)s%(rules)s")
        zones = {}
        tickets = {}
        for (
            _id,
            ticket_id,
            step,
            deadline,
            rule_ref,
            action,
            tz,
            handler,
            leader,
            path,
            name,
        ) in sorted(rows, key=lambda row: (row[3], row[0])):
            ticket = tickets.get(ticket_id)
            if ticket is None:
                zone = tz or "Asia/Shanghai"
                if zone not in zones:
                    zones[zone] = pytz.timezone(zone)
                ticket = tickets[ticket_id] = {
                    "items": [title],
                    "first": deadline,
                    "zone": zones[zone],
                    "tz_name": zone,
                    "notify": False,
                    "handler": handler,
                    "leader": leader,
                    "path": path,
                    "name": name,
                }
            ticket["notify"] |= action in ("notify", "both")
            ticket["items"].append(
                line_text
                % {
                    "step": steps.get(step, step),
                    "deadline": local_time_text(deadline, ticket["tz_name"]),
                    "rules": " (%s)" % rule_ref if rule_ref else "",  # noqa: UP031
                }
            )
        managers = None
        bodies, activities = {}, []
        br = Markup("<br>")
        for ticket_id, ticket in tickets.items():
            bodies[ticket_id] = Markup("<p>%s</p>") % br.join(ticket["items"])
            if kind == "warn" or ticket["notify"]:
                supervisor = ticket["leader"]
                if not supervisor:
                    if managers is None:
                        # complaint_core's one nearest-manager lookup.
                        managers = self.env["res.company"]._complaint_manager_rows()
                    supervisor = next(
                        (
                            uid
                            for uid, mpath in managers
                            if ticket["path"].startswith(mpath)
                        ),
                        None,
                    )
                users = (
                    {ticket["handler"], supervisor}
                    if kind == "warn"
                    else {supervisor or ticket["handler"]}
                )
                local_day = (
                    pytz.utc.localize(ticket["first"]).astimezone(ticket["zone"]).date()
                )
                activities.extend(
                    (ticket_id, local_day, user_id)
                    for user_id in sorted(filter(None, users))
                )
        # The scan is the system's job, whoever runs it: the notes and the
        # activities are written as the superuser (no access check per row).
        Ticket = env["helpdesk.ticket"].sudo()
        # One batch of log notes, no notification (mail.thread's batch API).
        Ticket.browse(list(bodies)).with_context(
            mail_notify_force_send=False
        )._message_log_batch(bodies=bodies, message_type="comment")
        if activities:
            self._sla_create_activities(activities, summary, xmlid)

    @api.model
    def _sla_create_activities(self, activities, summary, xmlid):
        """One ``mail.activity`` create for ``[(ticket id, day, user id)]``.

        What mail.activity's create does per assignee is prepared in batch:
        the assignees and their partners are read once (the create reads
        them again from the cache), the tickets' names once (each activity's
        ``res_name``), and the assignees follow their tickets through one
        subscription per set of assignees (:meth:`_sla_follow`) instead of
        one per assignee, each with its own partner and follower look-ups.
        """
        env = self.env
        Ticket = env["helpdesk.ticket"].sudo()
        users = env["res.users"].sudo().browse({user_id for *_r, user_id in activities})
        active = users.filtered("active")
        activities = [row for row in activities if row[2] in active._ids]
        if not activities:
            return
        # res_name is computed per activity from the ticket's display name
        # (number and name): only those two columns, in one query.
        tickets = Ticket.browse({ticket_id for ticket_id, *_rest in activities})
        tickets.fetch(["number", "name"])
        tickets.mapped("display_name")
        # One read of the partners (prefetched together from the users).
        partners = {user.id: user.partner_id for user in active}
        followed = self._sla_follow(
            Ticket, [(ticket_id, partners[uid]) for ticket_id, _d, uid in activities]
        )
        model_id = env["ir.model"]._get_id("helpdesk.ticket")
        type_id = env["ir.model.data"]._xmlid_to_res_id(xmlid)
        # One create for all (the assignees see the activity at once, one
        # bus notification per assignee); no e-mail per activity (quick
        # update).
        env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True,
            mail_notify_force_send=False,
            **{FOLLOWED_KEY: followed},
        ).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": ticket_id,
                    "activity_type_id": type_id,
                    # The steps and deadlines are in the ticket's note; the
                    # activity only points at it (one sanitized HTML body per
                    # warning instead of three).
                    "summary": summary,
                    "date_deadline": day,
                    "user_id": user_id,
                    "automated": True,
                }
                for ticket_id, day, user_id in activities
            ]
        )

    @api.model
    def _sla_follow(self, tickets, assignments):
        """Make each activity's assignee (``[(ticket id, user's partner)]``)
        a follower of its ticket, as
        mail.activity's create does (``message_subscribe``: active partners
        only, default subtypes, the internal or the external ones for a
        share partner, existing followers kept): one ``_message_subscribe``
        per distinct set of partners, usually one per scan. Returns the
        :class:`FollowedPairs` of the pairs covered."""
        partners = {}
        for ticket_id, partner in assignments:
            if partner.active:
                partners.setdefault(ticket_id, set()).add(partner)
        groups = {}
        for ticket_id, ticket_partners in partners.items():
            groups.setdefault(frozenset(ticket_partners), []).append(ticket_id)
        for group, ticket_ids in groups.items():
            tickets.browse(ticket_ids)._message_subscribe(
                partner_ids=[partner.id for partner in group],
                customer_ids=[partner.id for partner in group if partner.partner_share],
            )
        return FollowedPairs(
            (ticket_id, partner.id)
            for ticket_id, ticket_partners in partners.items()
            for partner in ticket_partners
        )

    @api.model
    def _sla_after_fire(self, kind, rows):
        """Follow-up in Python of fired rows: breaches whose action escalates
        go one level up complaint_core's chain (S000-R113)."""
        if kind != "breach":
            return
        ids = [line_id for line_id, _ticket, action in rows if action in ESCALATING]
        if ids:
            self._sla_escalate(self.browse(ids))

    @api.model
    def _sla_escalate(self, lines):
        """Escalate each ticket once through complaint_core's chain.

        A breach in any open step escalates (S000-R113): the escalation is
        the system's move (complaint_rules.lifecycle.ESCALATION_TARGETS),
        whoever runs the scan; complaint_core moves the ticket to the step
        the table gives and up the company chain.

        Each ticket escalates in its own savepoint, so a refusal (head office
        has no level above) undoes only that ticket's move; the refusals are
        logged in one batch of notes at the end. The lines are grouped by
        ticket in one pass (one read of their steps and rules).
        """
        env = self.env
        system = env(user=SUPERUSER_ID)
        steps = dict(self._fields["step"]._description_selection(env))
        by_ticket = {}
        for line in lines:
            by_ticket.setdefault(line.ticket_id.id, []).append(line)
        refused = {}
        tickets = system["helpdesk.ticket"].browse(list(by_ticket))
        for ticket in tickets:
            ticket_id, ticket_lines = ticket.id, by_ticket[ticket.id]
            step_names = ", ".join(
                steps.get(line.step, line.step) for line in ticket_lines
            )
            rules = ", ".join(filter(None, (line.rule_ref for line in ticket_lines)))
            reason = env._(
                "Time limit of step %(step)s missed (%(rules)s).",
                step=step_names,
                rules=rules or env._("SLA policy"),
            )
            try:
                with env.cr.savepoint():
                    ticket.complaint_escalate(reason, trigger="sla")
            except UserError as exc:
                refused[ticket_id] = env._(
                    "The missed deadline could not be escalated: %(error)s",
                    error=exc.args[0] if exc.args else str(exc),
                )
        if refused:
            system["helpdesk.ticket"].browse(list(refused))._message_log_batch(
                bodies=refused
            )

    # ------------------------------------------------------------------
    # Pause and extension
    # ------------------------------------------------------------------
    def _resume(self, now):
        """Restart paused clocks, moving deadlines by the time paused."""
        for line in self.filtered(lambda line: line.state == "paused"):
            cal = line._work_calendar()
            paused_from = aware(line.paused_since, cal.tz_name)
            paused_to = aware(now, cal.tz_name)
            try:
                clock = rules_sla.resume_clock(
                    line._clock(cal),
                    paused_from,
                    paused_to,
                    line.unit,
                    cal,
                    warned=bool(line.warned_at),
                )
            except RuleError as exc:
                raise UserError(sla_error_message(self.env, exc)) from exc
            vals = self._clock_vals(clock, cal)
            vals.update(
                state="open",
                paused_since=False,
                paused_seconds=line.paused_seconds
                + int((now - line.paused_since).total_seconds()),
            )
            line.write(vals)

    def _apply_extension(self, amount, unit):
        """Move the deadline by an approved extension; re-arm the warning."""
        self.ensure_one()
        cal = self._work_calendar()
        clock = self._clock(cal)
        try:
            amount, unit = rules_sla.check_extension(
                self._limit(),
                self.extension_count,
                amount,
                unit,
                clock=clock,
                cal=cal,
            )
            new_clock = rules_sla.extend_clock(
                clock, amount, unit, cal, limit_unit=self.unit
            )
        except RuleError as exc:
            raise UserError(sla_error_message(self.env, exc)) from exc
        vals = self._clock_vals(new_clock, cal)
        vals.update(warned_at=False, extension_count=self.extension_count + 1)
        self.write(vals)
        return new_clock

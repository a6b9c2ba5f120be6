# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import dataclasses

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.complaint_core.integrity import with_user_lang

from complaint_rules import presets
from complaint_rules.kpi import ConfirmedComplaint, local_day, staff_consequences

#: Seed 002 第二十条 (S002-R040..R048), preset ``kpi_hospital``.
RULES = presets.staff_accountability("hospital")
KINDS = [
    ("suspension", "待岗 (suspension)"),
    ("suspension_effects", "No bonus, no 'excellent' while suspended"),
    ("return_assessment", "Assessment before returning to post"),
    ("head_bonus_deduction", "Department head's bonus deduction"),
    ("bonus_withheld", "Month's bonus withheld"),
    ("department_circular", "Department circular"),
    ("ethics_file", "Entry in the ethics file"),
    ("year_end_unqualified", "Year-end assessment unqualified"),
    ("transfer_review", "Transfer review"),
    ("title_deferral", "Title deferral"),
]
STATES = [
    ("proposed", "Proposed"),
    ("applied", "Applied"),
    ("dismissed", "Dismissed"),
]


class ComplaintStaffRecord(models.Model):
    """A staff member's accountability record (seed 002): the confirmed
    complaints (S002-R038) and the consequences the rules attach to them
    (S002-R040..R048, :func:`complaint_rules.kpi.staff_consequences`), each
    proposed to the manager as an activity and decided by the manager,
    never applied silently."""

    _name = "complaint.staff.record"
    _description = "Staff Accountability Record"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True)
    consequence_ids = fields.One2many(
        "complaint.staff.consequence", "record_id", readonly=True
    )
    confirmed_count = fields.Integer(compute="_compute_counts")
    proposed_count = fields.Integer(compute="_compute_counts")

    _sql_constraints = [
        ("user_uniq", "unique(user_id, company_id)", "One record per person.")
    ]

    @api.depends("consequence_ids.state", "user_id")
    def _compute_counts(self):
        for rec in self:
            rec.confirmed_count = len(rec._confirmed_tickets())
            rec.proposed_count = len(
                rec.consequence_ids.filtered(lambda c: c.state == "proposed")
            )

    def _confirmed_tickets(self):
        self.ensure_one()
        grades = {s.grade for s in RULES.sanctions}
        return (
            self.env["helpdesk.ticket"]
            .sudo()
            .search(
                [
                    ("kpi_staff_user_id", "=", self.user_id.id),
                    ("kpi_grade_confirmed_on", "!=", False),
                    ("grade_id.code", "in", sorted(grades)),
                ]
            )
        )

    @api.model
    def _propose_for(self, users, companies, as_of=None):
        """Create the records of ``users`` if needed and add the new
        proposals of the rules as of ``as_of`` (today)."""
        records = self.browse()
        for user in users:
            company = user.company_id if user.company_id in companies else companies[:1]
            rec = self.sudo().search(
                [("user_id", "=", user.id), ("company_id", "=", company.id)]
            ) or self.sudo().create({"user_id": user.id, "company_id": company.id})
            rec._sync(as_of or fields.Date.context_today(self))
            records |= rec
        return records

    def _sync(self, as_of):
        for rec in self:
            company = rec.company_id
            rules = dataclasses.replace(
                RULES,
                window=company.kpi_staff_window or "calendar",
                bonus_month=company.kpi_bonus_month or "confirmation",
            )
            tickets = rec._confirmed_tickets()
            confirmed = [
                ConfirmedComplaint(
                    complaint=ticket.id,
                    staff=rec.user_id.id,
                    grade=ticket.grade_id.code,
                    confirmed_on=ticket.kpi_grade_confirmed_on,
                    received_on=ticket.date_received
                    and local_day(ticket.date_received),
                    department=ticket.team_id.id or None,
                )
                for ticket in tickets
            ]
            known = {c._key() for c in rec.consequence_ids}
            # Each confirmation is a moment the rules are read at: what a
            # window reached then (S002-R044, S002-R046) stays proposed even
            # when today's window has moved on.
            moments = sorted(
                {c.confirmed_on for c in confirmed if c.confirmed_on <= as_of}
            )
            proposals = [
                proposal
                for moment in moments
                for proposal in staff_consequences(confirmed, rules, as_of=moment)
            ]
            for proposal in proposals:
                values = {
                    "record_id": rec.id,
                    "kind": proposal.kind,
                    "ticket_id": proposal.complaint or False,
                    "rule_ref": ", ".join(proposal.rule_ids),
                    "months": proposal.months,
                    "month": proposal.month or False,
                    "date_start": proposal.start or False,
                    "date_end": proposal.end or False,
                    "share": float(proposal.share) if proposal.share else 0.0,
                }
                key = (
                    values["kind"],
                    values["ticket_id"],
                    values["date_start"] or values["month"] or False,
                )
                if key in known:
                    continue
                known.add(key)
                line = self.env["complaint.staff.consequence"].sudo().create(values)
                rec._notify_manager(line)

    def _manager(self):
        """Who decides: the confirming manager, else the company's intake
        user, else the administrator."""
        self.ensure_one()
        user = self.env.user
        if (
            not user._is_superuser()
            and not user.share
            and user.has_group("complaint_core.group_complaint_manager")
        ):
            return user
        return self.company_id.complaint_intake_user_id or self.env.ref(
            "base.user_admin"
        )

    def _notify_manager(self, line):
        self.ensure_one()
        env = with_user_lang(self).env
        kinds = dict(KINDS)
        summary = env._(
            "Decide: %(kind)s (%(rules)s)",
            kind=kinds.get(line.kind, line.kind),
            rules=line.rule_ref,
        )
        activity = self.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=summary[:200],
            note=Markup("<p>%s</p>")
            % env._(
                "Proposed by the seed-002 rules for %(ticket)s; nothing is "
                "applied until you decide.",
                ticket=line.ticket_id.display_name or "-",
            ),
            user_id=self._manager().id,
        )
        line.activity_id = activity.id


class ComplaintStaffConsequence(models.Model):
    _name = "complaint.staff.consequence"
    _description = "Staff Accountability Consequence"
    _order = "record_id, id"

    record_id = fields.Many2one(
        "complaint.staff.record", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one(related="record_id.user_id", store=True)
    company_id = fields.Many2one(related="record_id.company_id", store=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    rule_ref = fields.Char(string="Rules", readonly=True)
    months = fields.Integer(readonly=True)
    month = fields.Date(string="Bonus month", readonly=True)
    date_start = fields.Date(string="From", readonly=True)
    date_end = fields.Date(string="Until", readonly=True)
    share = fields.Float(string="Bonus share", digits=(16, 2), readonly=True)
    state = fields.Selection(STATES, default="proposed", readonly=True)
    decided_by = fields.Many2one("res.users", readonly=True)
    decided_on = fields.Datetime(readonly=True)
    activity_id = fields.Many2one("mail.activity", readonly=True)

    def _key(self):
        return (
            self.kind,
            self.ticket_id.id or False,
            self.date_start or self.month or False,
        )

    def _decide(self, state):
        if not self.env.user.has_group("complaint_core.group_complaint_manager"):
            raise AccessError(
                with_user_lang(self).env._(
                    "Only a complaint manager decides accountability consequences."
                )
            )
        env = with_user_lang(self).env
        for line in self.sudo():
            if line.state != "proposed":
                continue
            line.write(
                {
                    "state": state,
                    "decided_by": self.env.uid,
                    "decided_on": fields.Datetime.now(),
                }
            )
            if line.activity_id.exists():
                line.activity_id.action_feedback(feedback=state)
            line.record_id.message_post(
                body=env._(
                    "%(kind)s for %(ticket)s: %(state)s by %(user)s.",
                    kind=dict(KINDS).get(line.kind),
                    ticket=line.ticket_id.display_name or "-",
                    state=dict(STATES)[state],
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_apply(self):
        return self._decide("applied")

    def action_dismiss(self):
        return self._decide("dismissed")

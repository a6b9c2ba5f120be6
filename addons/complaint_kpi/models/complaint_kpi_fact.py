# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.complaint_core.models.helpdesk_ticket import KINDS

from complaint_rules.kpi import StepFact, TicketFacts

from .kpi_sql import KPI

CLOSURES = [("met", "Met"), ("missed", "Missed"), ("pending", "Pending")]
KPI_SATISFACTION = [("satisfied", "Satisfied"), ("dissatisfied", "Dissatisfied")]
# The overall deadline of a ticket: the clock started at receipt that runs
# the furthest (until closed, else revisit, replied ...), the latest one when
# re-opened. Its stored outcome is the closure outcome (S000-R127).
END_STEP_RANK = {
    "closed": 5,
    "revisit": 4,
    "replied": 3,
    "handling": 2,
    "dispatched": 1,
}


def overall_line(lines):
    """The overall deadline among a ticket's deadline lines (dicts with
    ``id``, ``step``, ``end_step``, ``state``), or ``None``: the Python
    reading of the ``closure`` column of the ``steps`` CTE below."""
    candidates = [
        line
        for line in lines
        if line["step"] == "received"
        and line["end_step"]
        and line["state"] != "cancelled"
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda li: (END_STEP_RANK[li["end_step"]], li["id"]))


class ComplaintKpiFact(models.Model):
    """One row per ticket: exactly the facts the KPI formulas read
    (:class:`complaint_rules.kpi.TicketFacts`) and the report dimensions.

    Read from the stored step history and the stored met/missed outcome of
    each ``complaint.ticket.deadline`` (never a status computed again):

    * ``closure`` — outcome of the overall deadline (:func:`overall_line`),
      ``pending`` while it runs or when the ticket has none;
    * ``resolved`` — 结办 (S000-R127): the ticket reached *closed*, which the
      lifecycle allows only after the reply and the revisit (a dissatisfied
      revisit re-opens handling, S000-R121);
    * ``dispatched`` — a dispatch date is stamped (S000-R128);
    * ``escalated`` — received from the group hotline / HQ dispatch, channel
      type *superior* (S000-R137, S000-R139);
    * steps — the ticket's non-cancelled deadline lines: counts of lines,
      pending, met, missed with a delay, and the summed delay of the missed
      ones (``late_hours``, working hours, S000-R130..R132);
    * ``satisfaction`` — satisfied or basically satisfied count as satisfied
      (S000-R129); ``surveyed`` — the revisit took place and was not
      declined;
    * ``qualified`` — the sampling verdict on the ticket (S000-R131,
      S000-R146), empty when not sampled;
    * ``substantiated`` — substantiated or partly, or an enterprise-fault
      conclusion; ``service_caused`` — the classification is flagged as
      service-caused (S000-R150);
    * ``handling_hours`` — working hours from receipt to closure, stored on
      the ticket when it closes (S000-R147);
    * ``day`` — local day of receipt in the time zone of the company's SLA
      working time (S000-R133).
    """

    _name = "complaint.kpi.fact"
    _description = "Complaint KPI Facts"
    _auto = False
    _order = "day desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    classification_id = fields.Many2one("complaint.classification", readonly=True)
    grade_id = fields.Many2one("complaint.grade", readonly=True)
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    user_id = fields.Many2one("res.users", string="Handler", readonly=True)
    staff_user_id = fields.Many2one(
        "res.users", string="Staff held responsible", readonly=True
    )
    confirmed_on = fields.Date(string="Grade confirmed on", readonly=True)
    complaint_kind = fields.Selection(KINDS, string="Kind", readonly=True)
    day = fields.Date(string="Day received", readonly=True)
    received_at = fields.Datetime(readonly=True)
    closed_at = fields.Datetime(readonly=True)
    escalated = fields.Boolean(readonly=True)
    merged = fields.Boolean(readonly=True)
    accepted = fields.Boolean(readonly=True)
    closure = fields.Selection(CLOSURES, readonly=True)
    resolved = fields.Boolean(readonly=True)
    dispatched = fields.Boolean(readonly=True)
    n_steps = fields.Integer("Step deadlines", readonly=True)
    n_pending = fields.Integer("Steps pending", readonly=True)
    n_met = fields.Integer("Steps met", readonly=True)
    n_delayed = fields.Integer("Steps delayed", readonly=True)
    delay_hours = fields.Float(digits=(16, 2), readonly=True)
    surveyed = fields.Boolean(readonly=True)
    satisfaction = fields.Selection(KPI_SATISFACTION, readonly=True)
    qualified = fields.Boolean(readonly=True)
    substantiated = fields.Boolean(readonly=True)
    repeat = fields.Boolean(readonly=True)
    service_caused = fields.Boolean(readonly=True)
    handling_hours = fields.Float(digits=(16, 4), readonly=True)

    def _select_sql(self):
        return """
            WITH steps AS (
                -- One pass over the deadline lines (in ticket_id order): the
                -- step counts and the overall line's outcome (closed >
                -- revisit > replied > handling > dispatched, latest first).
                SELECT d.ticket_id,
                       COUNT(*) AS n_steps,
                       COUNT(*) FILTER (WHERE d.outcome IS NULL) AS n_pending,
                       COUNT(*) FILTER (WHERE d.outcome = 'met') AS n_met,
                       COUNT(*) FILTER (
                           WHERE d.outcome = 'missed' AND d.late_hours > 0
                       ) AS n_delayed,
                       COALESCE(SUM(d.late_hours) FILTER (
                           WHERE d.outcome = 'missed'), 0) AS delay_hours,
                       (ARRAY_AGG(COALESCE(d.outcome, 'pending')
                                  ORDER BY CASE d.end_step
                                      WHEN 'closed' THEN 5 WHEN 'revisit' THEN 4
                                      WHEN 'replied' THEN 3 WHEN 'handling' THEN 2
                                      ELSE 1 END DESC, d.id DESC)
                        FILTER (WHERE d.step = 'received'
                                  AND d.end_step IS NOT NULL))[1] AS closure
                  FROM complaint_ticket_deadline d
                 WHERE d.state <> 'cancelled'
              GROUP BY d.ticket_id
            )
            SELECT t.id AS id,
                   t.id AS ticket_id,
                   t.company_id,
                   t.team_id,
                   t.classification_id,
                   t.grade_id,
                   t.channel_id,
                   t.user_id,
                   t.kpi_staff_user_id AS staff_user_id,
                   t.kpi_grade_confirmed_on AS confirmed_on,
                   t.complaint_kind,
                   (t.date_received AT TIME ZONE 'UTC'
                       AT TIME ZONE COALESCE(cal.tz, 'Asia/Shanghai'))::date AS day,
                   t.date_received AS received_at,
                   t.closed_date AS closed_at,
                   COALESCE(t.channel_code = 'superior', FALSE) AS escalated,
                   COALESCE(t.complaint_step = 'merged', FALSE) AS merged,
                   COALESCE(t.complaint_step <> 'rejected', TRUE) AS accepted,
                   COALESCE(s.closure, 'pending') AS closure,
                   COALESCE(t.complaint_step = 'closed', FALSE) AS resolved,
                   t.date_dispatched IS NOT NULL AS dispatched,
                   COALESCE(s.n_steps, 0) AS n_steps,
                   COALESCE(s.n_pending, 0) AS n_pending,
                   COALESCE(s.n_met, 0) AS n_met,
                   COALESCE(s.n_delayed, 0) AS n_delayed,
                   COALESCE(s.delay_hours, 0) AS delay_hours,
                   (t.date_revisit IS NOT NULL
                       AND NOT COALESCE(t.revisit_declined, FALSE)) AS surveyed,
                   CASE WHEN t.satisfaction IN ('satisfied', 'basically_satisfied')
                        THEN 'satisfied'
                        WHEN t.satisfaction = 'dissatisfied' THEN 'dissatisfied'
                   END AS satisfaction,
                   CASE t.kpi_sample WHEN 'qualified' THEN TRUE
                        WHEN 'unqualified' THEN FALSE END AS qualified,
                   COALESCE(t.substantiation IN ('substantiated',
                                               'partly_substantiated')
                       OR cc.enterprise_fault, FALSE) AS substantiated,
                   COALESCE(t.repeat_count, 0) > 0 AS repeat,
                   COALESCE(cls.kpi_service_caused, FALSE) AS service_caused,
                   -- Closed tickets only: an open one has no handling time
                   -- (the stored column holds 0 for tickets that were open
                   -- when the addon was installed).
                   CASE WHEN t.complaint_step = 'closed'
                        THEN t.kpi_handling_hours END AS handling_hours
              FROM helpdesk_ticket t
              JOIN res_company co ON co.id = t.company_id
         LEFT JOIN resource_calendar cal ON cal.id = COALESCE(
                       co.complaint_sla_calendar_id,
                       (SELECT imd.res_id FROM ir_model_data imd
                         WHERE imd.module = 'complaint_sla'
                           AND imd.name = 'resource_calendar_china'),
                       co.resource_calendar_id)
         LEFT JOIN steps s ON s.ticket_id = t.id
         LEFT JOIN complaint_closing_conclusion cc ON cc.id = t.closing_conclusion_id
         LEFT JOIN complaint_classification cls ON cls.id = t.classification_id
             WHERE t.active
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._select_sql()),
            )
        )

    def _ticket_facts(self):
        """These rows as :class:`TicketFacts`, steps read from the deadline
        lines themselves (the Python reading the agreement test compares with
        the SQL columns)."""
        self.env.cr.execute(
            SQL(
                """SELECT id, ticket_id, step, end_step, state, outcome, late_hours
                     FROM complaint_ticket_deadline
                    WHERE ticket_id = ANY(%s) ORDER BY id""",
                list(self.ids),
            )
        )
        lines = {}
        for row in self.env.cr.dictfetchall():
            lines.setdefault(row["ticket_id"], []).append(row)
        self.env.cr.execute(
            SQL(
                "SELECT * FROM %s WHERE id = ANY(%s)",
                SQL.identifier(self._table),
                list(self.ids),
            )
        )
        out = []
        for row in self.env.cr.dictfetchall():
            own = lines.get(row["id"], [])
            overall = overall_line(own)
            qualified = row["qualified"]
            steps = tuple(
                StepFact(
                    line["step"],
                    line["outcome"] or "pending",
                    Decimal(line["late_hours"] or 0)
                    if line["outcome"] == "missed"
                    else Decimal(0),
                    qualified,
                )
                for line in own
                if line["state"] != "cancelled"
            )
            out.append(
                TicketFacts(
                    ticket=row["id"],
                    period_day=row["day"],
                    kind=row["complaint_kind"],
                    company=row["company_id"],
                    staff=row["user_id"],
                    escalated=row["escalated"],
                    merged=row["merged"],
                    accepted=row["accepted"],
                    closure=(overall and overall["outcome"]) or "pending",
                    resolved=row["resolved"],
                    dispatched=row["dispatched"],
                    steps=steps,
                    surveyed=row["surveyed"],
                    satisfaction=row["satisfaction"],
                    qualified=qualified,
                    substantiated=row["substantiated"],
                    repeat=row["repeat"],
                    service_caused=row["service_caused"],
                    handling_hours=row["handling_hours"],
                )
            )
        return out


__all__ = ["KPI", "ComplaintKpiFact", "overall_line"]

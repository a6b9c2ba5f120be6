# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from odoo import api, fields, models

from complaint_rules.calendar import from_utc_naive

SAMPLES = [("qualified", "Qualified"), ("unqualified", "Not qualified")]


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # S000-R131, S000-R146: the verdict of the ticket sampling (content and
    # routing accurate); empty while the ticket was not sampled.
    kpi_sample = fields.Selection(
        SAMPLES,
        string="Sampling verdict",
        copy=False,
        tracking=True,
        groups="complaint_core.group_complaint_manager",
        help="Result of the ticket sampling (工单抽检): content and routing "
        "accurate. Feeds ticket-flow validity and ticket quality; tickets not "
        "sampled are left out of those indicators unless configured otherwise.",
    )
    # S000-R147: closure − acceptance, in working hours of the company's SLA
    # working time; stored when the ticket closes, read by the KPI views.
    kpi_handling_hours = fields.Float(
        string="Handling time (working hours)",
        digits=(16, 4),
        compute="_compute_kpi_handling_hours",
        store=True,
        copy=False,
    )

    @api.depends("date_received", "closed_date", "complaint_step")
    def _compute_kpi_handling_hours(self):
        Calendar = self.env["resource.calendar"]
        for ticket in self:
            if (
                ticket.complaint_step != "closed"
                or not ticket.date_received
                or not ticket.closed_date
                or ticket.closed_date < ticket.date_received
            ):
                ticket.kpi_handling_hours = False
                continue
            company = ticket.company_id or self.env.company
            cal = Calendar._complaint_work_calendar(
                company._complaint_sla_calendar().id
            )
            spent = cal.working_time_between(
                from_utc_naive(ticket.date_received, cal.tz_name),
                from_utc_naive(ticket.closed_date, cal.tz_name),
            )
            hours = Decimal(int(spent.total_seconds())) / Decimal(3600)
            ticket.kpi_handling_hours = float(round(hours, 4))


class HelpdeskTicketStaff(models.Model):
    _inherit = "helpdesk.ticket"

    # S002-R038: the management group confirms the responsibility grade and
    # the person responsible; only then do S002-R040..R048 apply.
    kpi_staff_user_id = fields.Many2one(
        "res.users",
        string="Staff held responsible",
        copy=False,
        tracking=True,
        groups="complaint_core.group_complaint_manager",
        domain="[('share', '=', False)]",
    )
    kpi_grade_confirmed_on = fields.Date(
        string="Grade confirmed on",
        copy=False,
        tracking=True,
        groups="complaint_core.group_complaint_manager",
        help="Day the management group confirmed the grade and the person "
        "responsible (S002-R038). The consequences of seed 002 are then "
        "proposed to the manager on the person's record, never applied "
        "silently.",
    )

    def write(self, vals):
        res = super().write(vals)
        if {"kpi_staff_user_id", "kpi_grade_confirmed_on", "grade_id"} & set(vals):
            confirmed = self.sudo().filtered(
                lambda t: t.kpi_staff_user_id and t.kpi_grade_confirmed_on
            )
            if confirmed:
                self.env["complaint.staff.record"]._propose_for(
                    confirmed.mapped("kpi_staff_user_id"), confirmed.company_id
                )
        return res

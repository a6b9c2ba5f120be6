# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dataclasses import replace

from odoo import api, fields, models

from odoo.addons.complaint_core.tools import local_time_text


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _sla_profile(self):
        """A report is on the track of its opening route (report_approval,
        report_senior, report_evaluation): the policies shipped for each
        give its opening deadline (S000-R013..R015, S000-R071)."""
        profile = super()._sla_profile()
        if self.complaint_kind == "report" and self.wb_route:
            return replace(profile, track=f"report_{self.wb_route}")
        return profile

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        reports = tickets.filtered(lambda t: t.complaint_kind == "report")
        if reports:
            reports._wb_acknowledge_deadlines()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if {"wb_subject_rank", "complainant_anonymous"} & set(vals):
            reports = self.filtered(lambda t: t.complaint_kind == "report")
            if reports:
                # A new route: the clocks of the new track.
                reports._sla_replan(fields.Datetime.now())
        return res

    def _wb_deadline_lines(self):
        self.ensure_one()
        return self._sla_open_lines().sorted("deadline")

    def _wb_deadline_label(self, line):
        """``Received → Dispatched``: which step a clock runs to."""
        steps = dict(line._fields["step"]._description_selection(self.env))
        ends = dict(line._fields["end_step"]._description_selection(self.env))
        label = steps.get(line.step, line.step)
        if line.end_step:
            label = f"{label} → {ends.get(line.end_step, line.end_step)}"
        return label

    def _wb_acknowledge_deadlines(self):
        """The acknowledgement of a report names its running deadlines."""
        for ticket in self:
            tz = ticket.company_id.sudo()._complaint_sla_calendar().tz
            lines = ticket._wb_deadline_lines()
            if not lines:
                continue
            text = "; ".join(
                self.env._(
                    "%(limit)s due %(when)s",
                    limit=ticket._wb_deadline_label(line),
                    when=local_time_text(line.deadline, tz),
                )
                for line in lines
            )
            ticket.sudo().message_post(
                body=self.env._(
                    "Report %(report)s: deadlines %(deadlines)s.",
                    report=ticket.wb_pseudonym,
                    deadlines=text,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    def _wb_public_status(self):
        status = super()._wb_public_status()
        status["deadlines"] = [
            (self._wb_deadline_label(line), line.deadline)
            for line in self.sudo()._wb_deadline_lines()
        ]
        return status

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL


class ComplaintTicketDeadline(models.Model):
    _inherit = "complaint.ticket.deadline"

    appeal_stage = fields.Char(readonly=True, copy=False)

    def init(self):
        res = super().init()
        # The supervision scan: running plan lines by deadline.
        self.env.cr.execute(
            SQL(
                """CREATE INDEX IF NOT EXISTS complaint_ticket_deadline_appeal_idx
                       ON complaint_ticket_deadline (deadline, ticket_id)
                    WHERE appeal_stage IS NOT NULL AND state = 'open'"""
            )
        )
        return res

    @api.model
    def _open_vals(self, ticket, selected, clock, calendar, line_id):
        """A slot of the appeal policy takes the plan's deadline for its
        stage (S000-R156), computed by complaint_rules.appeal.plan_deadlines
        from the appeal's receipt, instead of the step start + amount."""
        vals = super()._open_vals(ticket, selected, clock, calendar, line_id)
        stage = (
            self.env["complaint.sla.policy.line"].browse(line_id).appeal_stage
            if line_id
            else False
        )
        vals["appeal_stage"] = stage or False
        if stage and ticket._appeal_planned():
            plan_vals = ticket._appeal_line_vals(stage, calendar, vals["warn_ratio"])
            if plan_vals:
                vals.update(plan_vals)
        return vals

    def _appeal_write_plan(self, plan_vals):
        """Move a running plan line to the plan's new deadline (the appeal's
        receipt, plan or a stage's actual end changed)."""
        self.ensure_one()
        vals = dict(plan_vals)
        vals.pop("original_deadline", None)
        if (
            self.warned_at
            and vals.get("deadline")
            and (fields.Datetime.to_datetime(vals["deadline"]) != self.deadline)
        ):
            # A new deadline re-arms the warning.
            vals["warned_at"] = False
        self.sudo().write(vals)

    def _sla_recompute(self):
        """After a holiday year is loaded: complaint_sla re-plans each line
        from its start and limit; an appeal's plan lines then take the plan's
        deadline again, so the overall cap (S000-R156, 7 working days) still
        bounds every stage."""
        res = super()._sla_recompute()
        appeals = self.filtered("appeal_stage").ticket_id
        if appeals:
            appeals._appeal_replan()
        return res

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anti-retaliation (S000-R019, S000-R073): a complaint of retaliation by a
protected reporter is linked to the original report and escalated at once,
one level up, so that the management it may concern does not handle it."""

from odoo import SUPERUSER_ID, fields, models
from odoo.exceptions import UserError

from odoo.addons.complaint_core.integrity import lifecycle, to_record

INVESTIGATOR = "whistleblower_reward.group_whistleblower_investigator"


class ComplaintEscalation(models.Model):
    _inherit = "complaint.escalation"

    trigger = fields.Selection(
        selection_add=[("retaliation", "Retaliation against a reporter")],
        ondelete={"retaliation": "set default"},
    )


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def wb_link_retaliation(self, original):
        """Link this ticket, a complaint of retaliation, to report
        ``original`` (id or record); escalate it when that reporter is
        protected. Investigators only (the public follow-up page calls it
        for the reporter, as the system)."""
        self.ensure_one()
        env = self.env
        if not (env.su or env.user.has_group(INVESTIGATOR)):
            raise UserError(
                env._("Only an investigator links a complaint of retaliation.")
            )
        original = to_record(env, "helpdesk.ticket", original)
        if original.complaint_kind != "report" or original == self:
            raise UserError(
                env._("A complaint of retaliation is linked to an earlier report.")
            )
        lifecycle(self.sudo()).write({"wb_retaliation_of_id": original.id})
        original.sudo().message_post(
            body=env._(
                "Complaint of retaliation %(ticket)s linked to this report.",
                ticket=self.number,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if not original.sudo().wb_protected:
            return False
        # The system escalates (S000-R019): not the role of whoever links it.
        ticket = self.with_user(SUPERUSER_ID)
        if not ticket.company_id.parent_id or ticket.complaint_step in (
            "closed",
            "rejected",
            "merged",
        ):
            ticket.message_post(
                body=env._(
                    "Retaliation against protected reporter of %(report)s: "
                    "handled at this level (it cannot be escalated further).",
                    report=original.wb_pseudonym,
                ),
                subtype_xmlid="mail.mt_note",
            )
            return False
        ticket.complaint_escalate(
            env._(
                "Retaliation against the protected reporter of %(report)s "
                "(S000-R019, S000-R073).",
                report=original.wb_pseudonym,
            ),
            trigger="retaliation",
        )
        return True

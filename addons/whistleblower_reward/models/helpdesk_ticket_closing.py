# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Before a report closes: the result fed back to a real-name reporter
(S000-R017, S000-R072) and, for a substantiated case, the remediation
report (S000-R021, S000-R074)."""

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from odoo.addons.complaint_core.integrity import lifecycle

INVESTIGATOR = "whistleblower_reward.group_whistleblower_investigator"
FOUND = ("substantiated", "partly_substantiated")


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    wb_feedback_at = fields.Datetime(string="Result fed back", readonly=True)
    wb_feedback_note = fields.Text(
        string="Feedback to the reporter",
        readonly=True,
        help="How and what the real-name reporter was told (never their name).",
    )
    wb_remediation_report = fields.Html(
        string="Remediation report",
        tracking=True,
        help="S000-R021: the written evaluation and improvement of internal "
        "controls, the measures against those responsible and who was "
        "notified inside and, where needed, outside the company.",
    )

    def wb_record_feedback(self, note):
        """An investigator records that the reporter was told the result."""
        self.ensure_one()
        env = self.env
        if not (env.su or env.user.has_group(INVESTIGATOR)):
            raise UserError(env._("Only an investigator records the feedback."))
        if self.complaint_kind != "report":
            raise UserError(env._("Feedback is recorded on reports."))
        if not (note or "").strip():
            raise UserError(env._("Say how and what the reporter was told."))
        lifecycle(self.sudo()).write(
            {"wb_feedback_at": fields.Datetime.now(), "wb_feedback_note": note}
        )
        self.sudo().message_post(
            body=env._("Result fed back to the reporter: %(note)s", note=note),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _check_step_requirements(self, target, vals):
        super()._check_step_requirements(target, vals)
        if target != "closed" or self.complaint_kind != "report":
            return
        if self.wb_feedback_required and not self.wb_feedback_at:
            raise UserError(
                self.env._(
                    "Report %(report)s is real-name: feed the result back to the "
                    "reporter and record it before closing (S000-R017).",
                    report=self.wb_pseudonym,
                )
            )
        substantiation = vals.get("substantiation", self.substantiation)
        remediation = vals.get("wb_remediation_report", self.wb_remediation_report)
        if substantiation in FOUND and not _has_text(remediation):
            raise UserError(
                self.env._(
                    "Report %(report)s was substantiated: write the remediation "
                    "report before closing (S000-R021).",
                    report=self.wb_pseudonym,
                )
            )


def _has_text(html):
    return bool(html and html2plaintext(html).strip())

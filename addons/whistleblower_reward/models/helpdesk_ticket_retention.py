# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Retention of sealed identities: deleted a set period after the report
closes, with a reminder to the custodians before. The ticket and its
non-identifying facts stay (S000-R021 remediation, S002-R055 archives)."""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from odoo.addons.complaint_core.integrity import lifecycle

CUSTODIAN = "whistleblower_reward.group_whistleblower_custodian"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _wb_retention_months(self):
        self.ensure_one()
        months = self.classification_id.sudo().whistleblower_retention_months
        return months or self.company_id.sudo().whistleblower_retention_months or 60

    def _wb_on_close(self):
        now = fields.Datetime.now()
        for ticket in self:
            closed = ticket.closed_date or now
            lifecycle(ticket.sudo()).write(
                {
                    "wb_retention_date": closed
                    + relativedelta(months=ticket._wb_retention_months())
                }
            )
        self._wb_expire_codes()

    @api.model
    def _cron_wb_retention(self, batch_size=500):
        """Warn the custodians once, then delete the sealed identities whose
        retention has run out (one search each, batched)."""
        now = fields.Datetime.now()
        Ticket = self.sudo().with_context(active_test=False)
        # Bounded by the longest warning period of any company, soonest
        # first: a batch of far-off dates never hides the due ones.
        longest = max(
            self.env["res.company"]
            .sudo()
            .search([])
            .mapped("whistleblower_retention_warn_days")
            or [0]
        )
        to_warn = Ticket.search(
            [
                ("complaint_kind", "=", "report"),
                ("wb_has_identity", "=", True),
                ("wb_identity_purged_at", "=", False),
                ("wb_retention_warned_at", "=", False),
                ("wb_retention_date", "<=", now + relativedelta(days=longest)),
            ],
            order="wb_retention_date, id",
            limit=batch_size,
        ).filtered(
            lambda t: (
                t.wb_retention_date
                - relativedelta(
                    days=t.company_id.whistleblower_retention_warn_days or 0
                )
                <= now
            )
        )
        for ticket in to_warn:
            custodian = self.env.ref(CUSTODIAN).users.filtered(
                lambda u, t=ticket: t.company_id in u.company_ids and not u.share
            )[:1]
            if custodian:
                ticket.activity_schedule(
                    "whistleblower_reward.mail_activity_type_retention",
                    date_deadline=fields.Date.to_date(ticket.wb_retention_date),
                    user_id=custodian.id,
                    summary=self.env._(
                        "The sealed identity of %(report)s will be deleted",
                        report=ticket.wb_pseudonym,
                    ),
                )
        if to_warn:
            lifecycle(to_warn).write({"wb_retention_warned_at": now})
        due = Ticket.search(
            [
                ("complaint_kind", "=", "report"),
                ("wb_identity_purged_at", "=", False),
                ("wb_retention_date", "<=", now),
            ],
            limit=batch_size,
        )
        if due:
            due._wb_purge_identities()
        return len(due)

    def _wb_purge_identities(self):
        identities = (
            self.env["whistleblower.identity"]
            .sudo()
            .search([("ticket_id", "in", self.ids)])
        )
        Log = self.env["whistleblower.identity.log"]
        Log._log(identities, "purge")
        without = self - identities.ticket_id
        if without:
            Log._log(self.env["whistleblower.identity"], "purge", tickets=without)
        attachments = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "whistleblower.identity"),
                    ("res_id", "in", identities.ids),
                ]
            )
        )
        attachments.unlink()
        identities.unlink()
        self.env["whistleblower.receipt"].sudo().search(
            [("ticket_id", "in", self.ids)]
        ).unlink()
        lifecycle(self.sudo()).write(
            {"wb_identity_purged_at": fields.Datetime.now(), "wb_has_identity": False}
        )

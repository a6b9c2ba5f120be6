# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    wb_reward_ids = fields.One2many(
        "whistleblower.reward", "ticket_id", string="Rewards", readonly=True
    )
    wb_reward_count = fields.Integer(
        string="Number of rewards", compute="_compute_wb_reward_count"
    )

    @api.depends("wb_reward_ids")
    def _compute_wb_reward_count(self):
        for ticket in self:
            ticket.wb_reward_count = len(ticket.wb_reward_ids)

    def action_wb_rewards(self):
        """The report's rewards (one per case, one per verified incident
        under a per-incident policy)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "whistleblower_reward.whistleblower_reward_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

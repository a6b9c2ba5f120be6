# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class WhistleblowerRewardDemo(models.AbstractModel):
    _name = "whistleblower.reward.demo"
    _description = "Whistleblower Reward Demo Data"

    @api.model
    def _create_demo_rewards(self):
        """Demo: real-name reports of the main company rewarded under each
        preset (the mine's tier (2), the listed company's major tier, the
        utility's band with the amount fixed), computed by the rules."""
        if self.env["res.lang"]._lang_get("zh_CN"):
            self = self.with_context(lang="zh_CN")
        company = self.env.ref("base.main_company")
        Ticket = self.env["helpdesk.ticket"].with_company(company)
        Reward = self.env["whistleblower.reward"].with_company(company)
        cases = [
            (
                "火工品采购收受回扣",
                "mine",
                {"evidence": "direct", "recovered_loss": 80000.0},
            ),
            (
                "董事未披露的关联交易合同",
                "listed_company",
                {"evidence": "direct", "major": True, "recovered_loss": 750000.0},
            ),
            (
                "为供热用户篡改抄表读数",
                "utility",
                {"incident_value": 62000.0, "fixed_amount": 1200.0},
            ),
        ]
        rewards = Reward.browse()
        for number, (subject, policy, facts) in enumerate(cases, start=1):
            ticket = Ticket.create(
                {
                    "name": subject,
                    "description": f"<p>{subject}。</p>",
                    "company_id": company.id,
                    "complaint_kind": "report",
                    "wb_identity_name": f"演示举报人{number}",
                }
            )
            rewards |= Reward.create(
                {
                    "ticket_id": ticket.id,
                    "policy_code": policy,
                    "case_closed_at": fields.Datetime.now(),
                    **facts,
                }
            )
        return rewards

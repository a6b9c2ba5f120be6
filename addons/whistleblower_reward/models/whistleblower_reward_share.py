# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.complaint_core.integrity import check_input_types, with_user_lang


class WhistleblowerRewardShare(models.Model):
    """One reporter's share of a case's reward (S000-R031, S000-R080): one
    reward per case, split by hand by each one's part, checked with
    ``complaint_rules.reward.check_allocation`` against the case total. A
    share names no one: reporters are told apart by a neutral label."""

    _name = "whistleblower.reward.share"
    _description = "Whistleblower Reward Share"
    _order = "reward_id, sequence, id"

    reward_id = fields.Many2one(
        "whistleblower.reward", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    label = fields.Char(
        required=True,
        default=lambda self: self.env._("Reporter"),
        help="A neutral label (first reporter, co-signer 2 ...), never a name: "
        "the reporters' identities stay sealed.",
    )
    contribution = fields.Char(help="The part this reporter played in the case.")
    company_id = fields.Many2one(related="reward_id.company_id", store=True)
    currency_id = fields.Many2one(related="reward_id.currency_id")
    amount = fields.Monetary(currency_field="currency_id", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        for vals in vals_list:
            check_input_types(model, vals)
        model.env["whistleblower.reward"].browse(
            {vals.get("reward_id") for vals in vals_list if vals.get("reward_id")}
        )._check_split_editable()
        shares = super().create(vals_list)
        shares.reward_id._check_shares_of_rewards()
        return shares

    def write(self, vals):
        shares = with_user_lang(self)
        check_input_types(shares, vals)
        rewards = shares.reward_id
        if vals.get("reward_id"):
            rewards |= rewards.browse(vals["reward_id"])
        rewards._check_split_editable()
        res = super().write(vals)
        shares.reward_id._check_shares_of_rewards()
        return res

    def unlink(self):
        with_user_lang(self).reward_id._check_split_editable()
        return super().unlink()

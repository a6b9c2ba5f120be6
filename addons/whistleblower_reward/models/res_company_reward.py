# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The company's reward policy and its readings of the ambiguous text.

The policy is one of the rulebooks of ``complaint_rules.presets`` (kind
``reward_policy``); where the source text is ambiguous (digest seed-000
§4.8, seed-002 §2.5) the company may read it otherwise than the preset: each
reading is a company field defaulting to the preset's choice, and the
reward's explanation names the reading used."""

import dataclasses

from odoo import api, fields, models

from odoo.addons.complaint_core.tools import DEFAULT_TZ

from complaint_rules import presets
from complaint_rules.calendar import WorkCalendar

# The reward policies of complaint_rules.presets (kind "reward_policy").
REWARD_POLICIES = [
    ("mine", "Mine (seed 000, part 1: office proposes, mine leadership approves)"),
    (
        "listed_company",
        "Listed company (seed 000, part 4: audit department proposes, "
        "board leadership approves)",
    ),
    ("utility", "Utility (seed 002 D2: per verified incident, amount within a band)"),
]
BASIS_READINGS = [
    ("loss", "The recovered loss"),
    ("fine", "The fine"),
    ("higher", "Whichever gives more"),
]
MAJOR_READINGS = [
    ("flag", "Marked major and the loss threshold met"),
    ("threshold", "The loss threshold alone"),
]
EDGE_READINGS = [
    ("upper", "The higher band"),
    ("lower", "The lower band"),
]
MONTH_END_READINGS = [
    ("clamp", "The last day of the shorter month"),
    ("overflow", "The missing days carried into the month after"),
]
# Reading of complaint_rules.reward.READINGS -> company field.
READING_FIELDS = {
    "basis_when_both": "whistleblower_reward_basis_when_both",
    "major_reading": "whistleblower_reward_major_reading",
    "major_needs_direct_evidence": "whistleblower_reward_major_needs_direct",
    "fine_only_rewarded": "whistleblower_reward_fine_only_rewarded",
    "floor_on_zero_base": "whistleblower_reward_floor_on_zero_base",
    "edge_reading": "whistleblower_reward_edge_reading",
    "claim_month_end": "whistleblower_reward_claim_month_end",
}
DEFAULT_POLICY = "mine"


def _preset_reading(name, code=DEFAULT_POLICY):
    return getattr(presets.get("reward_policy", code), name)


class ResCompany(models.Model):
    _inherit = "res.company"

    whistleblower_reward_policy = fields.Selection(
        REWARD_POLICIES,
        string="Reward policy",
        default=DEFAULT_POLICY,
        required=True,
        help="How rewards of reports are computed, proposed, approved and "
        "claimed: the mine's rules (S000-R023..R034), the listed company's "
        "(S000-R077..R083) or the utility's (S002-R066..R068). Rewards keep "
        "the policy they were created under.",
    )
    whistleblower_reward_basis_when_both = fields.Selection(
        BASIS_READINGS,
        string="Loss or fine, when both exist",
        default=lambda self: _preset_reading("basis_when_both"),
        required=True,
        help="'10 % of the recovered loss or 30 % of the fine': which one "
        "applies when a case has both (never both added; digest seed-000 "
        "§4.8 a). Preset: the recovered loss. An approver's explicit choice "
        "on a reward overrides it (S000-R026, S000-R079).",
    )
    whistleblower_reward_major_reading = fields.Selection(
        MAJOR_READINGS,
        string="What makes a case major",
        default=lambda self: _preset_reading("major_reading"),
        required=True,
        help="'Major fraud' is not defined (digest seed-000 §4.8 b). Preset: "
        "the case is marked major and the recovered loss reaches 200,000; "
        "otherwise reaching 200,000 alone makes it major (S000-R029, "
        "S000-R079).",
    )
    whistleblower_reward_major_needs_direct = fields.Boolean(
        string="Major tier needs direct evidence",
        default=lambda self: _preset_reading("major_needs_direct_evidence"),
        help="Tier (3) states no evidence condition. Preset: off (any "
        "evidence level); on: only a report with direct leads or evidence "
        "reaches the major tier (S000-R029, S000-R079).",
    )
    whistleblower_reward_fine_only_rewarded = fields.Boolean(
        string="Reward fine-only cases",
        default=lambda self: _preset_reading("fine_only_rewarded"),
        help="A case with a fine but no recovered loss. Preset: rewarded at "
        "the fine rate of tiers (1)/(2); off: only reports that recover a "
        "loss are rewarded (S000-R077, digest seed-000 §4.8 d).",
    )
    whistleblower_reward_floor_on_zero_base = fields.Boolean(
        string="Floor on a zero base",
        default=lambda self: _preset_reading("floor_on_zero_base"),
        help="Nothing recovered and no fine. Preset: off, no reward (the "
        "100 floor only raises a positive reward); on: the floor of 100 is "
        "paid (S000-R030, S000-R079, digest seed-000 §4.8 g).",
    )
    whistleblower_reward_edge_reading = fields.Selection(
        EDGE_READINGS,
        string="Value exactly at a band edge",
        default=lambda self: _preset_reading("edge_reading"),
        required=True,
        help="An incident worth exactly 50,000 ('below 50,000' / 'from "
        "50,000'). Preset: the higher band (S002-R067, digest seed-002 §2.5).",
    )
    whistleblower_reward_claim_month_end = fields.Selection(
        MONTH_END_READINGS,
        string="Claim month of a notice on the 29th-31st",
        default=lambda self: _preset_reading("claim_month_end"),
        required=True,
        help="The reporter claims within one calendar month of the notice. A "
        "notice on 01-31 ends the month on the last day of February (preset) "
        "or carries the missing days into March (S000-R034, S000-R083, "
        "digest seed-000 §4.8 h).",
    )

    def _whistleblower_reward_policy(self, code=None):
        """The rules' :class:`RewardPolicy` of ``code`` (the company's by
        default) with the company's readings."""
        self.ensure_one()
        company = self.sudo()
        policy = presets.get(
            "reward_policy", code or company.whistleblower_reward_policy
        )
        return dataclasses.replace(
            policy,
            **{name: company[field] for name, field in READING_FIELDS.items()},
        )

    def _whistleblower_work_calendar(self):
        """The company's working calendar: complaint_sla's (its resource
        calendar with the loaded holiday years) when installed, else the
        rules' China calendar in the company's time zone."""
        self.ensure_one()
        company = self.sudo()
        if hasattr(company, "_complaint_sla_calendar"):
            calendar = company._complaint_sla_calendar()
            return self.env["resource.calendar"]._complaint_work_calendar(calendar.id)
        return WorkCalendar(tz_name=company.partner_id.tz or DEFAULT_TZ)

    @api.model
    def _whistleblower_check_reward_policies(self):
        """The selection above lists the reward policies of the rules
        package (kept in step by a test)."""
        return set(presets.codes("reward_policy")) == {
            code for code, _label in REWARD_POLICIES
        }

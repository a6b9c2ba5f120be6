# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reward of a report (举报奖励).

One reward per report ticket, one per verified incident under a
per-incident policy (the utility, S002-R067). The amount is computed by
``complaint_rules.reward.compute_reward`` over the company's policy and the
case facts entered here; nothing of the computation is re-implemented. The
result is stored with its explanation (rendered from the rules' note codes
in the reader's language).

Flow: draft → proposed (the policy's proposer, within 7 working days of the
case's closing: S000-R032, S000-R081) → approved / refused by a holder of
the policy's approver role, frozen at proposal, never the proposer →
notified → claimed within one calendar month, else forfeited by the
scheduled job (S000-R034, S000-R083) → paid (S000-R033, S000-R082).

A reward never names the reporter: the reporter is the sealed identity of
the report; payment goes to "the reporter of WB-…".
"""

import dataclasses
import json
import logging
from decimal import Decimal

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import float_compare, float_is_zero, float_round
from odoo.tools.misc import formatLang

from odoo.addons.complaint_core.integrity import (
    check_input_types,
    check_protected,
    in_lifecycle,
    lifecycle,
    lock_rows,
    tracked,
    with_user_lang,
    without_protected_defaults,
)
from odoo.addons.complaint_core.tools import local_time_text, rules_error_message

from complaint_rules.calendar import from_utc_naive, to_utc_naive
from complaint_rules.errors import RuleError
from complaint_rules.reward import READINGS as RULES_READINGS
from complaint_rules.reward import (
    CaseFacts,
    check_allocation,
    claim_deadline,
    claim_status,
    compute_reward,
    proposal_deadline,
)

from .res_company_reward import READING_FIELDS, REWARD_POLICIES

_logger = logging.getLogger(__name__)

INVESTIGATOR = "whistleblower_reward.group_whistleblower_investigator"
# A split is entered until the reward is paid, forfeited or refused.
SPLIT_STATES = ("draft", "proposed", "approved", "notified", "claimed")

STATES = [
    ("draft", "Draft"),
    ("proposed", "Proposed"),
    ("approved", "Approved"),
    ("refused", "Refused"),
    ("notified", "Reporter notified"),
    ("claimed", "Claimed"),
    ("forfeited", "Forfeited"),
    ("paid", "Paid"),
]
EVIDENCE = [
    ("cooperation", "Reported and cooperated, no effective evidence"),
    ("direct", "Direct leads or evidence"),
]
# Tiers and bands of the presets (complaint_rules.presets mine,
# listed_company, utility).
TIERS = [
    ("cooperation", "Tier (1): reported and cooperated"),
    ("direct", "Tier (2): direct leads or evidence"),
    ("major", "Tier (3): major fraud"),
    ("below_50000", "Infringed value below 50,000"),
    ("from_50000", "Infringed value from 50,000"),
]
BASES = [
    ("loss", "Recovered loss"),
    ("fine", "Fine"),
    ("incident_value", "Infringed value of the incident"),
]
PAYMENT_METHODS = [
    ("transfer", "Bank transfer"),
    ("cash", "Cash"),
    ("expense", "Department expense reimbursement"),
    ("wages", "Paid confidentially with the wages"),
    ("other", "Other"),
]
# complaint_rules.reward.FLAGS -> boolean field of the reward.
FLAG_FIELDS = {
    "anonymous": "flag_anonymous",
    "own_duties": "flag_own_duties",
    "commissioned": "flag_commissioned",
    "audit_staff": "flag_audit_staff",
    "already_rewarded": "flag_already_rewarded",
    "already_discovered": "flag_already_discovered",
    "under_investigation": "flag_under_investigation",
    "measures_taken": "flag_measures_taken",
}
# The case facts: entered by investigators while the reward is a draft.
FACT_FIELDS = frozenset(
    {
        "ticket_id",
        "policy_code",
        "case_closed_at",
        "incident_description",
        "verified",
        "evidence",
        "recovered_loss",
        "fine",
        "major",
        "reporters",
        "joint",
        "incident_value",
        *(field for field in FLAG_FIELDS.values() if field != "flag_anonymous"),
    }
)
# The approver's part: the base chosen and the amount fixed within the band
# (S000-R026, S002-R066/R067); proposed in draft, decided while proposed.
DECISION_INPUTS = frozenset({"basis_choice", "fixed_amount", "approver_note"})
# The payment, recorded once the reporter has claimed (S000-R033, S000-R082).
PAYMENT_INPUTS = frozenset({"payment_method", "payment_date", "payment_reference"})
MONEY_INPUTS = ("recovered_loss", "fine", "incident_value", "fixed_amount")
# Written by the reward's own actions only.
PROTECTED = frozenset(
    {
        "state",
        "flag_anonymous",
        "computed",
        "eligible",
        "has_amount",
        "amount",
        "amount_minimum",
        "amount_maximum",
        "tier",
        "basis",
        "base_amount",
        "rate_percent",
        "raw_text",
        "cap_amount",
        "cap_applied",
        "floor_applied",
        "excluded_by",
        "readings_used",
        "rule_refs",
        "result_data",
        "policy_readings",
        "incident_number",
        "proposal_deadline",
        "proposal_late",
        "proposed_by_id",
        "proposal_date",
        "proposer_role_id",
        "approver_role_id",
        "approver_company_id",
        "approver_user_ids",
        "decided_by_id",
        "decision_date",
        "decision_comment",
        "notified_at",
        "notified_by_id",
        "claim_deadline",
        "claimed_at",
        "forfeited_at",
        "paid_by_id",
    }
)


def to_decimal(value, currency):
    """A monetary float as an exact Decimal at the currency's precision
    (``199999.99`` stays ``199999.99``, never ``199999.98999…``)."""
    rounded = float_round(value or 0.0, precision_rounding=currency.rounding)
    return Decimal(repr(rounded)).quantize(Decimal(10) ** -currency.decimal_places)


class WhistleblowerReward(models.Model):
    _name = "whistleblower.reward"
    _description = "Whistleblower Reward"
    _inherit = ["complaint.mail.sender.mixin", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Report",
        required=True,
        ondelete="restrict",
        index=True,
        domain=[("complaint_kind", "=", "report")],
        tracking=True,
    )
    pseudonym = fields.Char(related="ticket_id.wb_pseudonym", string="Pseudonym")
    payee = fields.Char(
        compute="_compute_payee",
        help="Rewards are paid to the reporter through the report's pseudonym; "
        "the sealed identity never appears on a reward.",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True, copy=False
    )
    policy_code = fields.Selection(
        REWARD_POLICIES,
        string="Reward policy",
        required=True,
        tracking=True,
        help="The company's policy when the reward was created.",
    )
    policy_readings = fields.Text(
        readonly=True, copy=False, help="The readings frozen at the proposal (JSON)."
    )
    incident_number = fields.Integer(
        readonly=True,
        default=1,
        help="Per-incident policies (S002-R067): the number of the verified "
        "incident within the report.",
    )
    incident_description = fields.Char(string="Incident")
    case_closed_at = fields.Datetime(
        string="Case closed",
        tracking=True,
        help="When the case was closed (结案); the proposal is due 7 working "
        "days later under the mine's and the listed company's rules "
        "(S000-R032, S000-R081). Defaults to the report's closing.",
    )
    # -- the case facts ---------------------------------------------------
    verified = fields.Boolean(
        default=True,
        tracking=True,
        help="The report was verified (经查证属实); an unverified report is not "
        "rewarded (S000-R023, S000-R077, S002-R066).",
    )
    evidence = fields.Selection(
        EVIDENCE,
        string="Evidence level",
        tracking=True,
        help="What the reporter gave: tier (1) or (2) of the percentage "
        "policies (S000-R027, S000-R028).",
    )
    recovered_loss = fields.Monetary(
        currency_field="currency_id",
        tracking=True,
        help="Loss recovered (挽回经济损失).",
    )
    fine = fields.Monetary(currency_field="currency_id", tracking=True)
    major = fields.Boolean(
        string="Major fraud",
        tracking=True,
        help="Marked as major fraud (重大舞弊行为, S000-R029, S000-R079).",
    )
    reporters = fields.Integer(
        string="Reporters",
        default=1,
        tracking=True,
        help="Meritorious reporters of the case: one reward for the case, "
        "shared by hand (S000-R031, S000-R080).",
    )
    joint = fields.Boolean(
        string="Joint report",
        help="A co-signed report (联名举报), two signers or more.",
    )
    incident_value = fields.Monetary(
        string="Infringed value",
        currency_field="currency_id",
        tracking=True,
        help="Value infringed by the verified incident (被侵害价值): picks the "
        "band under the utility's policy (S002-R067).",
    )
    flag_anonymous = fields.Boolean(
        string="Anonymous report",
        compute="_compute_flag_anonymous",
        store=True,
        help="From the report: anonymous reports are outside the mine's and "
        "the listed company's rewards (S000-R024, S000-R078).",
    )
    flag_own_duties = fields.Boolean(
        string="Within the reporter's own duties", tracking=True
    )
    flag_commissioned = fields.Boolean(
        string="Reported on the unit's commission", tracking=True
    )
    flag_audit_staff = fields.Boolean(string="Reported by audit staff", tracking=True)
    flag_already_rewarded = fields.Boolean(
        string="Case already rewarded",
        tracking=True,
        help="The same case was rewarded on another report (S000-R031, S000-R080).",
    )
    flag_already_discovered = fields.Boolean(
        string="Already discovered by the department", tracking=True
    )
    flag_under_investigation = fields.Boolean(
        string="Already under investigation", tracking=True
    )
    flag_measures_taken = fields.Boolean(string="Measures already taken", tracking=True)
    # -- the approver's part ---------------------------------------------
    basis_choice = fields.Selection(
        [("loss", "Recovered loss"), ("fine", "Fine")],
        string="Basis chosen",
        tracking=True,
        help="The approver's choice of base when there are both a recovered "
        "loss and a fine; empty: the company's reading (S000-R026, S000-R079).",
    )
    fixed_amount = fields.Monetary(
        string="Amount fixed",
        currency_field="currency_id",
        tracking=True,
        help="Band policies: the amount the approver fixes within the band "
        "(S002-R066, S002-R067).",
    )
    approver_note = fields.Text(
        string="Approver's note", help="The reason of a refusal, a remark."
    )
    # -- the result (complaint_rules.reward.RewardResult) -------------------
    computed = fields.Boolean(readonly=True, copy=False)
    eligible = fields.Boolean(readonly=True, copy=False)
    has_amount = fields.Boolean(readonly=True, copy=False)
    amount = fields.Monetary(
        currency_field="currency_id", readonly=True, copy=False, tracking=True
    )
    amount_minimum = fields.Monetary(
        string="Band minimum", currency_field="currency_id", readonly=True, copy=False
    )
    amount_maximum = fields.Monetary(
        string="Band maximum", currency_field="currency_id", readonly=True, copy=False
    )
    tier = fields.Selection(TIERS, readonly=True, copy=False, tracking=True)
    basis = fields.Selection(BASES, readonly=True, copy=False)
    base_amount = fields.Monetary(
        string="Base", currency_field="currency_id", readonly=True, copy=False
    )
    rate_percent = fields.Float(string="Rate (%)", readonly=True, copy=False)
    raw_text = fields.Char(
        string="Before cap and floor", readonly=True, copy=False, help="Exact."
    )
    cap_amount = fields.Monetary(
        string="Cap", currency_field="currency_id", readonly=True, copy=False
    )
    cap_applied = fields.Boolean(readonly=True, copy=False)
    floor_applied = fields.Boolean(readonly=True, copy=False)
    excluded_by = fields.Char(string="No reward because", readonly=True, copy=False)
    readings_used = fields.Char(readonly=True, copy=False)
    rule_refs = fields.Char(string="Rules", readonly=True, copy=False)
    result_data = fields.Text(readonly=True, copy=False)
    explanation = fields.Text(compute="_compute_explanation")
    # -- deadlines and decisions -------------------------------------------
    proposal_deadline = fields.Datetime(
        readonly=True,
        copy=False,
        help="End of the 7th China working day after the case's closing "
        "(S000-R032, S000-R081); none under the utility's rules.",
    )
    proposal_late = fields.Boolean(readonly=True, copy=False)
    proposed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    proposal_date = fields.Datetime(readonly=True, copy=False)
    proposer_role_id = fields.Many2one(
        "complaint.approval.role", string="Proposer role", readonly=True, copy=False
    )
    approver_role_id = fields.Many2one(
        "complaint.approval.role",
        string="Approver role",
        readonly=True,
        copy=False,
        tracking=True,
    )
    approver_company_id = fields.Many2one("res.company", readonly=True, copy=False)
    approver_user_ids = fields.Many2many(
        "res.users",
        "whistleblower_reward_approver_rel",
        "reward_id",
        "user_id",
        string="Approvers",
        readonly=True,
        copy=False,
    )
    decided_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    decision_date = fields.Datetime(readonly=True, copy=False)
    decision_comment = fields.Text(readonly=True, copy=False)
    can_decide = fields.Boolean(compute="_compute_can_decide")
    notified_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    notified_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    claim_deadline = fields.Datetime(
        readonly=True,
        copy=False,
        index=True,
        help="End of the day one calendar month after the notice; then the "
        "reward is forfeited (S000-R034, S000-R083). None under the utility's "
        "rules.",
    )
    claimed_at = fields.Datetime(readonly=True, copy=False, tracking=True)
    forfeited_at = fields.Datetime(readonly=True, copy=False)
    payment_method = fields.Selection(PAYMENT_METHODS, tracking=True, copy=False)
    payment_date = fields.Date(tracking=True, copy=False)
    payment_reference = fields.Char(copy=False)
    paid_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    share_ids = fields.One2many(
        "whistleblower.reward.share", "reward_id", string="Shares", copy=False
    )

    # ------------------------------------------------------------------
    # Computed fields
    # ------------------------------------------------------------------
    @api.depends("ticket_id.wb_pseudonym", "incident_number", "policy_code")
    def _compute_name(self):
        for reward in self:
            name = reward.ticket_id.wb_pseudonym or reward.ticket_id.number or ""
            if reward.policy_code == "utility":
                name = f"{name}/{reward.incident_number}"
            reward.name = name

    @api.depends("ticket_id.complainant_anonymous")
    def _compute_flag_anonymous(self):
        for reward in self:
            reward.flag_anonymous = bool(reward.ticket_id.complainant_anonymous)

    @api.depends("ticket_id.wb_pseudonym")
    @api.depends_context("lang")
    def _compute_payee(self):
        for reward in self:
            reward.payee = self.env._(
                "The reporter of %(report)s",
                report=reward.ticket_id.wb_pseudonym or "-",
            )

    @api.depends_context("uid")
    @api.depends("state", "approver_user_ids", "proposed_by_id")
    def _compute_can_decide(self):
        for reward in self:
            reward.can_decide = (
                reward.state == "proposed"
                and self.env.user in reward.approver_user_ids
                and self.env.user != reward.proposed_by_id
            )

    # ------------------------------------------------------------------
    # Create, write, unlink
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        Ticket = self.env["helpdesk.ticket"]
        for vals in vals_list:
            check_input_types(model, vals)
            check_protected(model, vals, PROTECTED)
            model._check_money(vals)
            ticket = Ticket.browse(vals.get("ticket_id")).exists()
            if not ticket:
                raise ValidationError(model.env._("A reward belongs to a report."))
            # The investigator works on a report they may see.
            ticket.check_access("read")
            if ticket.complaint_kind != "report":
                raise ValidationError(
                    model.env._(
                        "Ticket %(ticket)s is not a report: only reports are rewarded.",
                        ticket=ticket.number or ticket.id,
                    )
                )
            ticket = ticket.sudo()
            vals.setdefault(
                "policy_code", ticket.company_id.whistleblower_reward_policy
            )
            if not vals.get("case_closed_at") and ticket.closed_date:
                vals["case_closed_at"] = ticket.closed_date
            vals["state"] = "draft"
            vals["incident_number"] = model._next_incident_number(ticket)
        rewards = super(
            WhistleblowerReward,
            lifecycle(without_protected_defaults(self, PROTECTED)),
        ).create(vals_list)
        rewards = rewards.with_env(model.env)
        rewards._check_one_per_case()
        rewards._refresh()
        for reward in rewards:
            reward.message_post(
                body=model.env._(
                    "Reward of report %(report)s opened under the %(policy)s policy.",
                    report=reward.pseudonym or "-",
                    policy=reward._policy_label(),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return rewards

    @api.model
    def _next_incident_number(self, ticket):
        previous = (
            self.sudo()
            .with_context(active_test=False)
            .search([("ticket_id", "=", ticket.id)], order="incident_number desc")
        )
        return (previous[:1].incident_number or 0) + 1

    def write(self, vals):
        rewards = with_user_lang(self)
        vals = dict(vals)
        check_input_types(rewards, vals)
        check_protected(rewards, vals, PROTECTED)
        rewards._check_money(vals)
        keys = set(vals)
        if not in_lifecycle(self.env):
            rewards._check_editable(keys)
        res = super(WhistleblowerReward, tracked(self)).write(vals)
        if keys & (FACT_FIELDS | DECISION_INPUTS) and not in_lifecycle(self.env):
            if "ticket_id" in keys:
                rewards._check_one_per_case()
            rewards._refresh()
        return res

    def unlink(self):
        rewards = with_user_lang(self)
        for reward in rewards:
            if reward.state != "draft":
                raise UserError(
                    rewards.env._(
                        "Reward %(name)s is %(state)s: only a draft reward is "
                        "deleted; the others stay on record.",
                        name=reward.name,
                        state=reward._state_label(),
                    )
                )
        return super().unlink()

    def _check_editable(self, keys):
        """Who may change what, when: the facts by investigators while the
        reward is a draft; the basis chosen and the amount fixed by the
        investigators in draft and by the frozen approvers while proposed;
        the payment by investigators once claimed."""
        env = self.env
        user = env.user
        investigator = env.su or user.has_group(INVESTIGATOR)
        for reward in self:
            facts = keys & FACT_FIELDS
            if facts and (reward.state != "draft" or not investigator):
                raise UserError(
                    env._(
                        "The facts of reward %(name)s are entered by an "
                        "investigator while the reward is a draft; it is "
                        "%(state)s.",
                        name=reward.name,
                        state=reward._state_label(),
                    )
                )
            if keys & DECISION_INPUTS:
                allowed = (reward.state == "draft" and investigator) or (
                    reward.state == "proposed"
                    and user in reward.approver_user_ids
                    and user != reward.proposed_by_id
                )
                if not allowed:
                    raise UserError(
                        env._(
                            "The basis and the amount of reward %(name)s are "
                            "fixed by a holder of the approver role while it is "
                            "proposed.",
                            name=reward.name,
                        )
                    )
            if keys & PAYMENT_INPUTS and (
                reward.state != "claimed" or not investigator
            ):
                raise UserError(
                    env._(
                        "The payment of reward %(name)s is recorded by an "
                        "investigator once the reporter has claimed it.",
                        name=reward.name,
                    )
                )

    def _check_money(self, vals):
        """No negative amount, with a clear message."""
        currency = self.env.company.currency_id
        for name in MONEY_INPUTS:
            value = vals.get(name)
            if (
                value
                and float_compare(value, 0.0, precision_rounding=currency.rounding) < 0
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be negative.",
                        field=self._fields[name].get_description(self.env)["string"],
                    )
                )
        if "reporters" in vals and (vals["reporters"] or 0) < 1:
            raise ValidationError(self.env._("A case has at least one reporter."))

    def _check_one_per_case(self):
        """One reward per case (S000-R031, S000-R080): a second reward of the
        same report is refused unless the first was refused; per-incident
        policies (S002-R067) reward each verified incident."""
        for reward in self:
            if reward.policy_code == "utility":
                continue
            others = (
                self.sudo()
                .search(
                    [
                        ("ticket_id", "=", reward.ticket_id.id),
                        ("id", "!=", reward.id),
                        ("state", "!=", "refused"),
                    ]
                )
                .filtered(lambda r: r.policy_code != "utility")
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "Report %(report)s already has reward %(other)s: one "
                        "reward per case, shared among its reporters "
                        "(S000-R031, S000-R080).",
                        report=reward.pseudonym or "-",
                        other=others[0].name,
                    )
                )

    # ------------------------------------------------------------------
    # The rules
    # ------------------------------------------------------------------
    def _policy(self):
        """The rules' policy of the reward: its preset with the readings
        frozen at the proposal, or the company's readings before."""
        self.ensure_one()
        company = self.company_id.sudo() or self.env.company
        policy = company._whistleblower_reward_policy(self.policy_code)
        if self.policy_readings:
            readings = json.loads(self.policy_readings)
            policy = dataclasses.replace(
                policy,
                **{k: v for k, v in readings.items() if k in RULES_READINGS},
            )
        return policy

    def _calendar(self):
        self.ensure_one()
        return (self.company_id or self.env.company)._whistleblower_work_calendar()

    def _dec(self, value):
        return to_decimal(value, self.currency_id or self.env.company.currency_id)

    def _facts(self, policy):
        self.ensure_one()
        band = policy.method == "band"
        currency = self.currency_id or self.env.company.currency_id
        fixed = (
            self._dec(self.fixed_amount)
            if band
            and not float_is_zero(
                self.fixed_amount, precision_rounding=currency.rounding
            )
            else None
        )
        return CaseFacts(
            verified=bool(self.verified),
            evidence=self.evidence or None,
            recovered_loss=self._dec(self.recovered_loss),
            fine=self._dec(self.fine),
            major=bool(self.major),
            flags=frozenset(flag for flag, field in FLAG_FIELDS.items() if self[field]),
            reporters=self.reporters,
            joint=bool(self.joint),
            basis=self.basis_choice or None,
            incident_value=self._dec(self.incident_value) if band else None,
            fixed_amount=fixed,
        )

    def _check_band(self, policy):
        """The amount fixed lies within the band (S002-R067), compared at
        the currency's precision; a translated error names the band."""
        if policy.method != "band":
            return
        currency = self.currency_id or self.env.company.currency_id
        if float_is_zero(self.fixed_amount, precision_rounding=currency.rounding):
            return
        band = policy.band_for(self._dec(self.incident_value))
        low, high = float(band.minimum), float(band.maximum)
        rounding = currency.rounding
        if (
            float_compare(self.fixed_amount, low, precision_rounding=rounding) < 0
            or float_compare(self.fixed_amount, high, precision_rounding=rounding) > 0
        ):
            raise ValidationError(
                self.env._(
                    "The amount %(amount)s is outside the band of this incident "
                    "(%(band)s: %(low)s to %(high)s, S002-R067).",
                    amount=self._money(self.fixed_amount),
                    band=self._selection_label("tier", band.code),
                    low=self._money(low),
                    high=self._money(high),
                )
            )

    def _compute_result(self, strict):
        """Run ``compute_reward``; with ``strict`` a missing fact is an
        error, otherwise the result is cleared until the facts are
        complete. A fixed amount outside its band is always an error."""
        self.ensure_one()
        policy = self._policy()
        self._check_band(policy)
        try:
            return compute_reward(policy, self._facts(policy))
        except RuleError as exc:
            field = (getattr(exc, "params", None) or {}).get("field")
            if not strict and field in ("evidence", "incident_value"):
                return None
            raise ValidationError(self._rules_message(exc, field)) from exc

    def _rules_message(self, exc, field):
        env = self.env
        if field == "evidence":
            return env._("Enter the evidence level the reporter gave.")
        if field == "basis":
            return env._(
                "The basis chosen has no amount: enter the recovered loss or "
                "the fine it rests on, or clear the choice."
            )
        if field == "reporters":
            return env._(
                "A joint report has at least two signers; a case has at least "
                "one reporter."
            )
        if field == "fixed_amount":
            return env._("The amount fixed is outside the band of the incident.")
        return rules_error_message(env, exc)

    def _refresh(self, strict=False):
        """Compute each reward and store its result and proposal deadline."""
        for reward in self:
            result = reward._compute_result(strict)
            vals = reward._result_vals(result)
            policy = reward._policy()
            deadline = False
            if reward.case_closed_at:
                cal = reward._calendar()
                try:
                    due = proposal_deadline(
                        policy,
                        from_utc_naive(reward.case_closed_at, cal.tz_name),
                        cal,
                    )
                except RuleError as exc:
                    raise UserError(rules_error_message(self.env, exc)) from exc
                deadline = to_utc_naive(due) if due else False
            vals["proposal_deadline"] = deadline
            lifecycle(reward.sudo()).write(vals)

    def _result_vals(self, result):
        if result is None:
            return {
                "computed": False,
                "eligible": False,
                "has_amount": False,
                "amount": 0.0,
                "amount_minimum": 0.0,
                "amount_maximum": 0.0,
                "tier": False,
                "basis": False,
                "base_amount": 0.0,
                "rate_percent": 0.0,
                "raw_text": False,
                "cap_amount": 0.0,
                "cap_applied": False,
                "floor_applied": False,
                "excluded_by": False,
                "readings_used": False,
                "rule_refs": False,
                "result_data": False,
            }
        data = {
            "notes": [[n.code, n.text, list(n.rule_ids)] for n in result.notes],
            "readings": dict(result.readings),
            "alternatives": {k: str(v) for k, v in result.alternatives.items()},
            "excluded_by": list(result.excluded_by),
            "shared_by": result.shared_by,
        }
        return {
            "computed": True,
            "eligible": result.eligible,
            "has_amount": result.amount is not None,
            "amount": float(result.amount or 0),
            "amount_minimum": float(result.minimum),
            "amount_maximum": float(result.maximum),
            "tier": result.tier or False,
            "basis": result.basis or False,
            "base_amount": float(result.base),
            "rate_percent": float(result.rate * 100) if result.rate else 0.0,
            "raw_text": format(result.raw.normalize(), "f")
            if result.raw is not None
            else False,
            "cap_amount": float(result.cap) if result.cap is not None else 0.0,
            "cap_applied": result.cap_applied,
            "floor_applied": result.floor_applied,
            "excluded_by": ", ".join(result.excluded_by) or False,
            "readings_used": ", ".join(
                f"{name}={value}" for name, value in result.readings.items()
            )
            or False,
            "rule_refs": ", ".join(result.rule_ids) or False,
            "result_data": json.dumps(data, ensure_ascii=False),
        }

    # ------------------------------------------------------------------
    # Explanation in the reader's language
    # ------------------------------------------------------------------
    def _money(self, value):
        currency = self.currency_id or self.env.company.currency_id
        return formatLang(self.env, value, currency_obj=currency)

    def _selection_label(self, field, value):
        return dict(self._fields[field]._description_selection(self.env)).get(
            value, value
        )

    def _state_label(self):
        return self._selection_label("state", self.state)

    def _policy_label(self):
        return self._selection_label("policy_code", self.policy_code)

    def _reading_text(self, name, value):
        """``name = value`` of a reading, as the company settings say it."""
        Company = self.env["res.company"]
        field = Company._fields[READING_FIELDS[name]]
        label = field.get_description(self.env)["string"]
        if field.type == "selection":
            shown = dict(field._description_selection(self.env)).get(value, value)
        else:
            shown = self.env._("yes") if value else self.env._("no")
        return f"{label}: {shown}"

    @api.depends("result_data", "amount", "state")
    @api.depends_context("lang")
    def _compute_explanation(self):
        for reward in self:
            if not reward.result_data:
                reward.explanation = reward.env._(
                    "Not computed yet: enter the facts the policy needs (the "
                    "evidence level, or the infringed value of the incident)."
                )
                continue
            data = json.loads(reward.result_data)
            lines = []
            for code, text, rule_ids in data["notes"]:
                line = reward._note_text(code, text, data)
                if rule_ids:
                    line = f"{line} [{', '.join(rule_ids)}]"
                lines.append(line)
            reward.explanation = "\n".join(lines)

    def _note_text(self, code, text, data):
        """One note of the rules, in the reader's language (the rules' English
        sentence for a code this version does not know)."""
        env = self.env
        head, _sep, arg = code.partition(":")
        if head == "not_verified":
            return env._("The report is not verified: no reward.")
        if head == "excluded":
            field = FLAG_FIELDS.get(arg)
            reason = (
                self._fields[field].get_description(env)["string"] if field else arg
            )
            return env._("Excluded: %(reason)s; no reward, no floor.", reason=reason)
        if head == "per_incident":
            return env._(
                "One reward per verified incident; a report verifying several "
                "incidents has one reward per incident."
            )
        if head == "band":
            return env._(
                "Infringed value %(value)s, band: %(band)s; a reward from %(low)s "
                "to %(high)s fixed by the approver.",
                value=self._money(self.base_amount),
                band=self._selection_label("tier", arg),
                low=self._money(self.amount_minimum),
                high=self._money(self.amount_maximum),
            )
        if head == "reading":
            return env._(
                "Reading used: %(reading)s.",
                reading=self._reading_text(arg, data["readings"].get(arg)),
            )
        if head == "fixed":
            return env._(
                "Amount fixed by the approver: %(amount)s.",
                amount=self._money(self.amount),
            )
        if head == "tier":
            return env._(
                "%(tier)s: %(base_name)s %(base)s × %(rate)s %% = %(raw)s, cap "
                "%(cap)s.",
                tier=self._selection_label("tier", arg),
                rate=format(self.rate_percent, "g"),
                base_name=self._selection_label("basis", self.basis),
                base=self._money(self.base_amount),
                raw=self.raw_text or "0",
                cap=self._money(self.cap_amount),
            )
        if head == "major_not_on":
            return env._(
                "The major tier has no rate on the %(basis)s: the ordinary tier "
                "applies.",
                basis=self._selection_label("basis", arg),
            )
        if head == "major_below_threshold":
            return env._(
                "Marked major, but the recovered loss is below the major "
                "threshold: the tier of its evidence applies."
            )
        if head == "cap":
            return env._(
                "Capped at %(cap)s for the case.", cap=self._money(self.cap_amount)
            )
        if head == "floor":
            return env._(
                "Below the floor for the case: raised to %(amount)s.",
                amount=self._money(self.amount),
            )
        if head == "amount":
            return env._(
                "Reward of the case: %(amount)s.", amount=self._money(self.amount)
            )
        if head == "basis" and arg == "chosen":
            return env._(
                "Basis chosen by the approver: %(basis)s.",
                basis=self._selection_label("basis", self.basis),
            )
        if head == "sharing":
            if self.joint:
                return env._(
                    "Joint report: the case total goes to all %(count)s signers; "
                    "the split is entered by hand.",
                    count=self.reporters,
                )
            return env._(
                "%(count)s reporters, one reward for the case: shared by each "
                "one's part, in principle to the first reporter or the biggest "
                "contributor, by hand.",
                count=self.reporters,
            )
        return text

    # ------------------------------------------------------------------
    # Roles
    # ------------------------------------------------------------------
    def _role(self, ref):
        role = (
            self.env["complaint.approval.role"]
            .sudo()
            .search([("code", "=", ref.code)], limit=1)
        )
        if not role:
            raise UserError(
                self.env._(
                    "The approval role %(role)s is missing; ask head office to "
                    "create it.",
                    role=ref.label_en,
                )
            )
        return role

    def _holders(self, role):
        return self.env["complaint.approval.assignment"]._holders(role, self.company_id)

    def _check_investigator(self):
        if not (self.env.su or self.env.user.has_group(INVESTIGATOR)):
            raise UserError(self.env._("Only a whistleblowing investigator does this."))

    def _lock(self):
        """Row lock for a decision (see complaint_core's settlement)."""
        lock_rows(self, ["state"])
        return with_user_lang(self)

    def _check_state(self, *states):
        for reward in self:
            if reward.state not in states:
                allowed = ", ".join(reward._selection_label("state", s) for s in states)
                raise UserError(
                    self.env._(
                        "Reward %(name)s is %(state)s; this needs it %(allowed)s.",
                        name=reward.name,
                        state=reward._state_label(),
                        allowed=allowed,
                    )
                )

    def _log(self, body):
        for reward in self:
            reward.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_compute(self):
        """Recompute a draft with the company's current readings."""
        rewards = with_user_lang(self)
        rewards._check_state("draft")
        rewards._check_investigator()
        rewards._refresh()
        return True

    def action_propose(self, now=None):
        """Propose the reward for approval (S000-R032, S000-R081,
        S002-R066): by an investigator holding the policy's proposer role
        (when the company assigned it), the approvers frozen now."""
        return self._lock()._propose(now or fields.Datetime.now())

    def _propose(self, now):
        self._check_state("draft")
        self._check_investigator()
        env = self.env
        for reward in self:
            policy = reward._policy()
            proposer_role = reward._role(policy.proposer)
            approver_role = reward._role(policy.approver)
            _assignment, proposers = reward._holders(proposer_role)
            if proposers and env.user not in proposers and not env.su:
                raise UserError(
                    env._(
                        "Rewards are proposed by %(role)s: you do not hold that "
                        "role for %(company)s.",
                        role=proposer_role.name,
                        company=reward.company_id.display_name,
                    )
                )
            if policy.proposal_working_days and not reward.case_closed_at:
                raise UserError(
                    env._(
                        "Enter when the case was closed: the reward is proposed "
                        "after the closing (S000-R032, S000-R081)."
                    )
                )
            readings = {name: getattr(policy, name) for name in RULES_READINGS}
            lifecycle(reward.sudo()).write({"policy_readings": json.dumps(readings)})
            reward._refresh(strict=True)
            if not reward.eligible:
                raise UserError(
                    env._(
                        "Reward %(name)s is not due (%(reasons)s): it stays a "
                        "draft with its reasons.",
                        name=reward.name,
                        reasons=reward.excluded_by or "-",
                    )
                )
            assignment, approvers = reward._holders(approver_role)
            approvers -= env.user
            if not approvers:
                raise UserError(
                    env._(
                        "No one other than you holds the role %(role)s for "
                        "%(company)s; ask head office to assign it.",
                        role=approver_role.name,
                        company=reward.company_id.display_name,
                    )
                )
            late = bool(reward.proposal_deadline and now > reward.proposal_deadline)
            lifecycle(reward.sudo()).write(
                {
                    "state": "proposed",
                    "proposed_by_id": env.uid,
                    "proposal_date": now,
                    "proposal_late": late,
                    "proposer_role_id": proposer_role.id,
                    "approver_role_id": approver_role.id,
                    "approver_company_id": assignment.company_id.id,
                    "approver_user_ids": [fields.Command.set(approvers.ids)],
                }
            )
            for user in approvers:
                reward.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=user.id,
                    summary=env._("Approve reward %(name)s", name=reward.name),
                )
            body = env._(
                "Reward %(name)s proposed by %(user)s (%(proposer)s) for "
                "approval by %(approver)s.",
                name=reward.name,
                user=env.user.name,
                proposer=proposer_role.name,
                approver=approver_role.name,
            )
            if late:
                body += " " + env._(
                    "The proposal was due by %(deadline)s.",
                    deadline=reward._local(reward.proposal_deadline),
                )
            reward._log(body)
        return True

    def _local(self, value):
        return local_time_text(value, self._calendar().tz_name)

    def _check_can_decide(self):
        self._check_state("proposed")
        user = self.env.user
        for reward in self:
            if user == reward.proposed_by_id:
                raise UserError(self.env._("You cannot decide on your own proposal."))
            if user not in reward.approver_user_ids:
                raise UserError(
                    self.env._(
                        "Only a holder of the role %(role)s may decide on reward "
                        "%(name)s.",
                        role=reward.approver_role_id.name,
                        name=reward.name,
                    )
                )

    def action_approve(self, comment=None):
        """Approve (S000-R032, S000-R081); under the utility's policy the
        approver has fixed the amount within the band (S002-R066, S002-R067)."""
        return self._lock()._approve(comment)

    def _approve(self, comment):
        self._check_can_decide()
        for reward in self:
            reward._refresh(strict=True)
            if not reward.eligible:
                raise UserError(
                    self.env._("Reward %(name)s is not due.", name=reward.name)
                )
            if not reward.has_amount:
                raise UserError(
                    self.env._(
                        "Fix the amount of reward %(name)s within its band "
                        "(%(low)s to %(high)s) before approving it (S002-R067).",
                        name=reward.name,
                        low=reward._money(reward.amount_minimum),
                        high=reward._money(reward.amount_maximum),
                    )
                )
            reward._check_shares()
        self._decide("approved", comment or self[:1].approver_note)
        return True

    def action_refuse(self, comment=None):
        return self._lock()._refuse(comment)

    def _refuse(self, comment):
        self._check_can_decide()
        comment = comment or self[:1].approver_note
        if not (comment or "").strip():
            raise UserError(self.env._("Please give the reason for the refusal."))
        self._decide("refused", comment)
        return True

    def _decide(self, state, comment):
        env = self.env
        lifecycle(self.sudo()).write(
            {
                "state": state,
                "decided_by_id": env.uid,
                "decision_date": fields.Datetime.now(),
                "decision_comment": comment or False,
            }
        )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        for reward in self:
            reward._log(
                env._(
                    "Reward %(name)s %(state)s by %(user)s: %(amount)s. %(comment)s",
                    name=reward.name,
                    state=reward._state_label(),
                    user=env.user.name,
                    amount=reward._money(reward.amount),
                    comment=comment or "",
                )
            )

    def action_notify(self, now=None):
        """The reporter was told (through the receipt-code follow-up or the
        sealed contact): the claim month starts (S000-R034, S000-R083)."""
        return self._lock()._notify(now or fields.Datetime.now())

    def _notify(self, now):
        self._check_state("approved")
        self._check_investigator()
        env = self.env
        for reward in self:
            policy = reward._policy()
            cal = reward._calendar()
            due = claim_deadline(policy, from_utc_naive(now, cal.tz_name), cal)
            deadline = to_utc_naive(due) if due else False
            lifecycle(reward.sudo()).write(
                {
                    "state": "notified",
                    "notified_at": now,
                    "notified_by_id": env.uid,
                    "claim_deadline": deadline,
                }
            )
            if deadline:
                body = env._(
                    "The reporter of %(report)s was notified of reward %(name)s; "
                    "it must be claimed by %(deadline)s, else it is forfeited.",
                    report=reward.pseudonym or "-",
                    name=reward.name,
                    deadline=reward._local(deadline),
                )
            else:
                body = env._(
                    "The reporter of %(report)s was notified of reward %(name)s "
                    "(no claim deadline under this policy).",
                    report=reward.pseudonym or "-",
                    name=reward.name,
                )
            reward._log(body)
        return True

    def action_claim(self, now=None):
        """The reporter claims the reward: in time up to the end of the
        deadline's day (S000-R034, S000-R083)."""
        return self._lock()._claim(now or fields.Datetime.now())

    def _claim(self, now):
        self._check_state("notified")
        self._check_investigator()
        env = self.env
        for reward in self:
            policy = reward._policy()
            cal = reward._calendar()
            status = claim_status(
                policy,
                from_utc_naive(reward.notified_at, cal.tz_name),
                from_utc_naive(now, cal.tz_name),
                cal,
            )
            if status.forfeited:
                raise UserError(
                    env._(
                        "Reward %(name)s had to be claimed by %(deadline)s: it is "
                        "forfeited (%(rules)s).",
                        name=reward.name,
                        deadline=reward._local(reward.claim_deadline),
                        rules=", ".join(status.rule_ids),
                    )
                )
            lifecycle(reward.sudo()).write({"state": "claimed", "claimed_at": now})
            reward._log(
                env._(
                    "Reward %(name)s claimed by the reporter of %(report)s.",
                    name=reward.name,
                    report=reward.pseudonym or "-",
                )
            )
        return True

    def action_pay(self):
        """Record the payment (method and date, S000-R033, S000-R082); a
        reward of several reporters is paid as split by hand."""
        return self._lock()._pay()

    def _pay(self):
        self._check_state("claimed")
        self._check_investigator()
        env = self.env
        for reward in self:
            if not reward.payment_method or not reward.payment_date:
                raise UserError(
                    env._(
                        "Enter the payment method and date of reward %(name)s.",
                        name=reward.name,
                    )
                )
            reward._check_shares(complete=True)
            lifecycle(reward.sudo()).write({"state": "paid", "paid_by_id": env.uid})
            reward._log(
                env._(
                    "Reward %(name)s of %(amount)s paid to %(payee)s on %(date)s "
                    "(%(method)s).",
                    name=reward.name,
                    amount=reward._money(reward.amount),
                    payee=reward.payee,
                    date=reward.payment_date,
                    method=reward._selection_label(
                        "payment_method", reward.payment_method
                    ),
                )
            )
        return True

    def _check_shares(self, complete=False):
        """The split among several reporters (S000-R031, S000-R080) through
        ``check_allocation``: positive shares within the case total; at
        payment the whole total is allocated."""
        self.ensure_one()
        shares = self.share_ids
        if complete and self.reporters > 1 and not shares:
            raise UserError(
                self.env._(
                    "Reward %(name)s has %(count)s reporters: enter each one's "
                    "share before paying (S000-R031, S000-R080).",
                    name=self.name,
                    count=self.reporters,
                )
            )
        if not shares:
            return
        if len(shares) > self.reporters:
            raise ValidationError(
                self.env._(
                    "Reward %(name)s has %(count)s reporters but %(shares)s shares.",
                    name=self.name,
                    count=self.reporters,
                    shares=len(shares),
                )
            )
        total = self._dec(self.amount if self.has_amount else self.amount_maximum)
        try:
            left = check_allocation(
                total,
                {
                    f"{share.label} #{index}": self._dec(share.amount)
                    for index, share in enumerate(shares, start=1)
                },
            )
        except RuleError as exc:
            raise ValidationError(
                self.env._(
                    "The shares of reward %(name)s must be positive and together "
                    "at most %(total)s (S000-R031, S000-R080).",
                    name=self.name,
                    total=self._money(float(total)),
                )
            ) from exc
        if complete and left:
            raise UserError(
                self.env._(
                    "%(left)s of reward %(name)s is not allocated to a reporter.",
                    left=self._money(float(left)),
                    name=self.name,
                )
            )

    def _check_split_editable(self):
        """Investigators and the reward's approvers split it while it is
        open."""
        user = self.env.user
        investigator = self.env.su or user.has_group(INVESTIGATOR)
        for reward in self.exists():
            if reward.state not in SPLIT_STATES:
                raise UserError(
                    self.env._(
                        "Reward %(name)s is %(state)s: its split can no longer change.",
                        name=reward.name,
                        state=reward._state_label(),
                    )
                )
            if not (investigator or user in reward.approver_user_ids):
                raise UserError(
                    self.env._(
                        "The split of reward %(name)s is entered by an "
                        "investigator or its approver.",
                        name=reward.name,
                    )
                )

    def _check_shares_of_rewards(self):
        for reward in self:
            reward._check_shares()

    # ------------------------------------------------------------------
    # Scheduled job
    # ------------------------------------------------------------------
    @api.model
    def _cron_forfeit_rewards(self, now=None):
        """Rewards not claimed by their deadline are forfeited (逾期作放弃
        奖金处理, S000-R034, S000-R083): one indexed search, one write, a
        note on each."""
        now = now or fields.Datetime.now()
        lapsed = self.sudo().search(
            [("state", "=", "notified"), ("claim_deadline", "<", now)]
        )
        if not lapsed:
            return lapsed
        lifecycle(lapsed).write({"state": "forfeited", "forfeited_at": now})
        for reward in lapsed:
            lang = reward.company_id.partner_id.lang or self.env.lang
            reward.with_context(lang=lang)._log(
                reward.with_context(lang=lang).env._(
                    "Reward %(name)s was not claimed by %(deadline)s: forfeited "
                    "(S000-R034, S000-R083).",
                    name=reward.name,
                    deadline=reward._local(reward.claim_deadline),
                )
            )
        _logger.info("Forfeited %s unclaimed whistleblower rewards", len(lapsed))
        return lapsed

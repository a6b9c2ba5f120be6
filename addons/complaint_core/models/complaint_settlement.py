# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from complaint_rules import approval as rules_approval
from complaint_rules.errors import RuleError

from ..integrity import (
    check_input_types,
    check_protected,
    lifecycle,
    lock_rows,
    tracked,
    with_user_lang,
    without_protected_defaults,
)
from ..tools import rules_error_message

STATES = [
    ("draft", "Draft"),
    ("review", "Under review"),
    ("pending", "Pending approval"),
    ("approved", "Approved"),
    ("rejected", "Rejected by approver"),
    ("cancelled", "Cancelled"),
]


class ComplaintSettlement(models.Model):
    """A settlement proposal on a ticket: what the branch offers the
    complainant. The delegation matrix decides who must approve it
    (S001-R011..R019); the decision is frozen when the proposal is submitted,
    so later changes of the matrix do not change it. Reply and close of the
    ticket wait while a proposal is pending or rejected."""

    _name = "complaint.settlement"
    _description = "Complaint Settlement Proposal"
    _inherit = ["complaint.mail.sender.mixin", "mail.activity.mixin"]
    _order = "create_date desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    line_ids = fields.One2many("complaint.settlement.line", "settlement_id", copy=True)
    state = fields.Selection(
        STATES, default="draft", required=True, tracking=True, index=True
    )
    proposed_by_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, readonly=True
    )
    proposal_date = fields.Datetime(readonly=True, copy=False)
    approver_role_id = fields.Many2one(
        "complaint.approval.role", readonly=True, copy=False, tracking=True
    )
    approver_company_id = fields.Many2one("res.company", readonly=True, copy=False)
    approver_user_ids = fields.Many2many(
        "res.users", string="Approvers", readonly=True, copy=False
    )
    deciding_rule_ref = fields.Char(string="Deciding rule", readonly=True, copy=False)
    # Why this approver, in the reader's language, from the decisions frozen
    # at submission (the items' roles and rules, the deciding rule).
    explanation = fields.Text(compute="_compute_explanation")
    # S001-R020: the plan reviewer (咨诉主管) reviews every plan first.
    reviewer_role_id = fields.Many2one(
        "complaint.approval.role", readonly=True, copy=False, string="Reviewer role"
    )
    reviewer_user_ids = fields.Many2many(
        "res.users",
        "complaint_settlement_reviewer_rel",
        "settlement_id",
        "user_id",
        string="Reviewers",
        readonly=True,
        copy=False,
    )
    reviewed_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    review_date = fields.Datetime(readonly=True, copy=False)
    decided_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    decision_comment = fields.Text(readonly=True, copy=False, tracking=True)
    can_decide = fields.Boolean(compute="_compute_can_decide")

    # Decisions move only through submit / approve / reject / cancel (issue 9).
    _PROTECTED = frozenset(
        {
            "state",
            "proposed_by_id",
            "proposal_date",
            "approver_role_id",
            "approver_company_id",
            "approver_user_ids",
            "deciding_rule_ref",
            "decided_by_id",
            "decision_comment",
            "reviewed_by_id",
            "review_date",
            "reviewer_role_id",
            "reviewer_user_ids",
        }
    )

    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        for vals in vals_list:
            check_input_types(model, vals)
            check_protected(model, vals, self._PROTECTED)
            vals["proposed_by_id"] = self.env.uid
            vals["state"] = "draft"
        settlements = super(
            ComplaintSettlement, without_protected_defaults(self, self._PROTECTED)
        ).create(vals_list)
        settlements = settlements.with_env(self.env)
        for ticket in settlements.ticket_id:
            # A proposal is made on a ticket the user may work on.
            ticket.check_access("write")
        return settlements

    def write(self, vals):
        settlements = with_user_lang(self)
        check_input_types(settlements, vals)
        check_protected(settlements, vals, self._PROTECTED)
        if "ticket_id" in vals or "line_ids" in vals:
            settlements._check_draft()
        return super(ComplaintSettlement, tracked(self)).write(vals)

    def unlink(self):
        with_user_lang(self)._check_draft()
        return super().unlink()

    def _check_lines_editable(self):
        """Items are changed on a draft proposal the user may change."""
        self.check_access("write")
        self._check_draft()

    def _check_draft(self):
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(
                    self.env._(
                        "Settlement %(name)s has been submitted: its items and "
                        "ticket can no longer be changed. Cancel it and make a "
                        "new proposal.",
                        name=settlement.name,
                    )
                )

    @api.depends("ticket_id.number")
    def _compute_name(self):
        for settlement in self:
            settlement.name = (
                f"{settlement.ticket_id.number or ''}/{settlement.id or ''}"
            )

    @api.depends_context("uid")
    @api.depends("state", "approver_user_ids", "reviewer_user_ids", "proposed_by_id")
    def _compute_can_decide(self):
        for settlement in self:
            settlement.can_decide = (
                self.env.user in settlement._deciders()
                and self.env.user != settlement.proposed_by_id
            )

    @api.depends_context("lang")
    @api.depends(
        "state",
        "approver_role_id",
        "deciding_rule_ref",
        "reviewer_role_id",
        "line_ids.role_id",
        "line_ids.rule_refs",
    )
    def _compute_explanation(self):
        for settlement in self:
            if settlement.state == "draft" or not settlement.approver_role_id:
                settlement.explanation = False
                continue
            parts = []
            for index, line in enumerate(settlement.line_ids, start=1):
                parts.append(
                    self.env._(
                        "Item %(index)s, %(item)s: %(role)s (%(rules)s).",
                        index=index,
                        item=line.item_id.name,
                        role=line.role_id.name or "-",
                        rules=line.rule_refs or "-",
                    )
                )
            if settlement.line_ids:
                parts.append(
                    self.env._(
                        "The plan is decided by %(role)s, the highest role of its "
                        "items (rule %(rule)s).",
                        role=settlement.approver_role_id.name,
                        rule=settlement.deciding_rule_ref or "-",
                    )
                )
            else:
                parts.append(
                    self.env._(
                        "No item of the delegation matrix: the plan is approved by "
                        "its review (S001-R020)."
                    )
                )
            if settlement.reviewer_role_id:
                parts.append(
                    self.env._(
                        "%(reviewer)s reviews it first (S001-R020).",
                        reviewer=settlement.reviewer_role_id.name,
                    )
                )
            settlement.explanation = "\n".join(parts)

    def _deciders(self):
        """Who decides now: the reviewers under review, the approvers when
        pending, nobody otherwise."""
        self.ensure_one()
        if self.state == "review":
            return self.reviewer_user_ids
        if self.state == "pending":
            return self.approver_user_ids
        return self.env["res.users"]

    def _lock(self):
        """Row lock: of two concurrent decisions on one proposal, the second
        waits for nothing and is retried by the request layer, then refused
        on the state the first one left."""
        lock_rows(self, ["state"])
        return with_user_lang(self)

    def action_submit(self):
        """Resolve the approver with the matrix in force today and ask them."""
        return self._lock()._submit()

    def _submit(self):
        for settlement in self:
            if settlement.state != "draft":
                raise UserError(self.env._("Only a draft proposal can be submitted."))
            settlement._resolve_and_freeze()
        return True

    def _resolve_and_freeze(self):
        """Freeze who decides: the matrix's approver for the items (the
        highest role of any item, S001-R011..R019) and, first, the plan
        reviewer (S001-R020: every plan, one without matrix items included,
        is reviewed by the 咨诉主管; when that role is also the approver, the
        review is the approval)."""
        self.ensure_one()
        ticket = self.ticket_id
        Role = self.env["complaint.approval.role"].sudo()
        reviewer_role = Role.search([("reviews_all_plans", "=", True)], limit=1)
        if self.line_ids:
            decision = self._matrix_decision()
            role = Role.search([("code", "=", decision.role.code)])
            rule_ref = decision.deciding_rule_id
        elif reviewer_role:
            role, rule_ref = reviewer_role, "S001-R020"
        else:
            raise UserError(self.env._("Add at least one item to the proposal."))
        assignment, approvers = self._role_holders(role)
        vals = {
            "proposal_date": fields.Datetime.now(),
            "approver_role_id": role.id,
            "approver_company_id": assignment.company_id.id,
            "approver_user_ids": [fields.Command.set(approvers.ids)],
            "deciding_rule_ref": rule_ref,
        }
        if reviewer_role and reviewer_role != role:
            _assignment, reviewers = self._role_holders(reviewer_role)
            vals.update(
                state="review",
                reviewer_role_id=reviewer_role.id,
                reviewer_user_ids=[fields.Command.set(reviewers.ids)],
            )
            asked, asked_role = reviewers, reviewer_role
        else:
            vals["state"] = "pending"
            asked, asked_role = approvers, role
        lifecycle(self).write(vals)
        self._ask(asked)
        ticket.message_post(
            body=self.env._(
                "Settlement %(name)s submitted: decided by %(role)s (rule "
                "%(rule)s), asked first of %(asked)s.",
                name=self.name,
                role=role.name,
                rule=rule_ref or "-",
                asked=asked_role.name,
            )
        )

    def _matrix_decision(self):
        ticket = self.ticket_id
        matrix = self.env["complaint.delegation.rule"]._matrix(ticket.company_id)
        Role = self.env["complaint.approval.role"].sudo()
        try:
            decision = rules_approval.resolve_proposal(
                [(line.item_id.code, line._rules_amounts()) for line in self.line_ids],
                matrix,
                on_date=fields.Date.context_today(self),
            )
        except RuleError as exc:
            raise UserError(rules_error_message(self.env, exc)) from exc
        for line, item_decision in zip(self.line_ids, decision.decisions, strict=True):
            lifecycle(line).write(
                {
                    "role_id": Role.search([("code", "=", item_decision.role.code)]).id,
                    "rule_refs": ", ".join(item_decision.rule_ids_matched),
                }
            )
        return decision

    def _role_holders(self, role):
        """(assignment, holders other than the proposer) of ``role`` nearest
        to the ticket's company."""
        company = self.ticket_id.company_id
        assignment, holders = self.env["complaint.approval.assignment"]._holders(
            role, company
        )
        holders -= self.proposed_by_id | self.env.user
        if not holders:
            raise UserError(
                self.env._(
                    "No one other than you holds the role %(role)s for %(company)s; "
                    "ask head office to assign it.",
                    role=role.name,
                    company=company.display_name,
                )
            )
        return assignment, holders

    def _ask(self, users):
        for user in users:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=self.env._("Approve settlement %(name)s", name=self.name),
            )

    def _check_can_decide(self):
        for settlement in self:
            if settlement.state not in ("review", "pending"):
                raise UserError(
                    self.env._("This proposal is not waiting for approval.")
                )
            if self.env.user == settlement.proposed_by_id:
                raise UserError(self.env._("You cannot decide on your own proposal."))
            if self.env.user not in settlement._deciders():
                role = (
                    settlement.reviewer_role_id
                    if settlement.state == "review"
                    else settlement.approver_role_id
                )
                raise UserError(
                    self.env._(
                        "Only a holder of the role %(role)s may decide on this "
                        "proposal now.",
                        role=role.name,
                    )
                )

    def action_approve(self, comment=None):
        return self._lock()._approve(comment)

    def _approve(self, comment):
        self._check_can_decide()
        in_review = self.filtered(lambda s: s.state == "review")
        in_review._reviewed(comment)
        (self - in_review)._decide("approved", comment)
        return True

    def _reviewed(self, comment):
        """S001-R020: the reviewer passes the plan on to the matrix's
        approver, frozen at submission."""
        for settlement in self:
            lifecycle(settlement.sudo()).write(
                {
                    "state": "pending",
                    "reviewed_by_id": self.env.user.id,
                    "review_date": fields.Datetime.now(),
                }
            )
            settlement.sudo().activity_unlink(["mail.mail_activity_data_todo"])
            settlement.sudo()._ask(settlement.approver_user_ids)
            settlement.ticket_id.sudo().message_post(
                body=self.env._(
                    "Settlement %(name)s reviewed by %(user)s and passed to "
                    "%(role)s: %(comment)s",
                    name=settlement.name,
                    user=self.env.user.name,
                    role=settlement.approver_role_id.name,
                    comment=comment or "",
                )
            )

    def action_reject(self, comment=None):
        return self._lock()._reject(comment)

    def _reject(self, comment):
        if not (comment or "").strip():
            raise UserError(self.env._("Please give the reason for the rejection."))
        self._check_can_decide()
        self._decide("rejected", comment)
        return True

    def _decide(self, state, comment):
        # sudo: the approver may sit in a parent company; rights were checked.
        lifecycle(self.sudo()).write(
            {
                "state": state,
                "decided_by_id": self.env.user.id,
                "decision_comment": comment,
            }
        )
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        labels = dict(self._fields["state"]._description_selection(self.env))
        for settlement in self:
            settlement.ticket_id.sudo().message_post(
                body=self.env._(
                    "Settlement %(name)s %(state)s by %(user)s: %(comment)s",
                    name=settlement.name,
                    state=labels[state],
                    user=self.env.user.name,
                    comment=comment or "",
                )
            )

    def action_cancel(self):
        return self._lock()._cancel()

    def _cancel(self):
        is_manager = self.env.user.has_group("complaint_core.group_complaint_manager")
        for settlement in self:
            if settlement.proposed_by_id != self.env.user and not is_manager:
                raise UserError(
                    self.env._(
                        "Only the proposer or a complaint manager may cancel "
                        "settlement %(name)s.",
                        name=settlement.name,
                    )
                )
            if settlement.state == "approved":
                raise UserError(
                    self.env._("An approved settlement cannot be cancelled.")
                )
        lifecycle(self).write({"state": "cancelled"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

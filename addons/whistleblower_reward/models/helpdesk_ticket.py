# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A whistleblowing report (举报) is a ticket of kind ``report``.

The ticket carries what handlers may know: a pseudonym, the person or unit
reported and their rank, the opening route. The reporter's name and contact
never live on the ticket: they are taken from whatever field a form or a
client sends them in and sealed in ``whistleblower.identity`` (S000-R018,
S002-R058..R060), which only an investigator reads under a granted request.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.complaint_core.integrity import (
    check_protected,
    in_lifecycle,
    lifecycle,
    with_user_lang,
)

from complaint_rules import presets
from complaint_rules.reward import route_opening

RANKS = [
    ("ordinary", "Ordinary staff"),
    ("middle", "Middle management"),
    ("senior", "Senior management"),
]
ROUTES = [
    ("evaluation", "Preliminary evaluation"),
    ("approval", "Opening approval"),
    ("senior", "Senior management: to the superior body"),
]
# Fields of helpdesk_mgmt / complaint_core that would name the reporter on
# the ticket: on a report they are moved into the sealed identity.
TICKET_IDENTITY_FIELDS = ("partner_id", "partner_name", "partner_email")
# Write-only inputs of the backend form (never read back: they compute empty).
IDENTITY_INPUTS = {
    "wb_identity_name": "name",
    "wb_identity_phone": "phone",
    "wb_identity_email": "email",
    "wb_identity_address": "address",
    "wb_identity_note": "note",
}
# Written by this module's own code only.
REPORT_PROTECTED = frozenset(
    {
        "wb_pseudonym",
        "wb_route",
        "wb_hidden_from_management",
        "wb_feedback_required",
        "wb_rule_ref",
        "wb_retaliation_of_id",
        "wb_acknowledged_at",
        "wb_retention_date",
        "wb_retention_warned_at",
        "wb_identity_purged_at",
        "wb_has_identity",
        "wb_feedback_at",
        "wb_feedback_note",
    }
)
INVESTIGATOR = "whistleblower_reward.group_whistleblower_investigator"


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"
    _rec_names_search = ["number", "name", "wb_pseudonym"]

    wb_pseudonym = fields.Char(
        string="Pseudonym", readonly=True, copy=False, index="btree_not_null"
    )
    wb_subject = fields.Char(string="Person or unit reported", tracking=True)
    wb_subject_rank = fields.Selection(
        RANKS, string="Rank of the person reported", tracking=True
    )
    wb_reported_user_ids = fields.Many2many(
        "res.users",
        "whistleblower_ticket_reported_user_rel",
        "ticket_id",
        "user_id",
        string="Management reported on",
        help="These users never see the report, whatever their rights "
        "(S000-R015, S000-R071: hidden from the management reported on).",
    )
    wb_route = fields.Selection(ROUTES, string="Opening route", readonly=True)
    wb_decider = fields.Char(string="Opening decided by", compute="_compute_wb_decider")
    wb_hidden_from_management = fields.Boolean(
        string="Sealed from management",
        readonly=True,
        help="A report on senior management: only investigators see it.",
    )
    wb_feedback_required = fields.Boolean(
        string="Result owed to the reporter",
        readonly=True,
        help="Real-name reporters are told the investigation's result, whether "
        "or not a case is opened (S000-R017, S000-R072).",
    )
    wb_rule_ref = fields.Char(string="Opening rules", readonly=True)
    wb_has_identity = fields.Boolean(string="Identity sealed", readonly=True)
    wb_protected = fields.Boolean(
        string="Reporter protected",
        tracking=True,
        help="Anti-retaliation (S000-R019, S000-R073): complaints of "
        "retaliation by this reporter are linked and escalated at once.",
    )
    wb_retaliation_of_id = fields.Many2one(
        "helpdesk.ticket",
        string="Retaliation against the reporter of",
        readonly=True,
        index="btree_not_null",
    )
    wb_retaliation_ids = fields.One2many(
        "helpdesk.ticket", "wb_retaliation_of_id", string="Retaliation complaints"
    )
    wb_acknowledged_at = fields.Datetime(string="Acknowledged", readonly=True)
    wb_retention_date = fields.Datetime(
        string="Identity deleted on",
        readonly=True,
        index="btree_not_null",
        help="The sealed identity is deleted on this date (retention period "
        "after closing).",
    )
    wb_retention_warned_at = fields.Datetime(readonly=True)
    wb_identity_purged_at = fields.Datetime(string="Identity deleted", readonly=True)
    # Write-only inputs of the backend form: what is typed goes into the
    # sealed record; reading them always gives nothing.
    wb_identity_name = fields.Char(
        string="Reporter's name", compute="_compute_wb_identity_inputs"
    )
    wb_identity_phone = fields.Char(
        string="Reporter's phone", compute="_compute_wb_identity_inputs"
    )
    wb_identity_email = fields.Char(
        string="Reporter's e-mail", compute="_compute_wb_identity_inputs"
    )
    wb_identity_address = fields.Char(
        string="Reporter's address", compute="_compute_wb_identity_inputs"
    )
    wb_identity_note = fields.Text(
        string="About the reporter", compute="_compute_wb_identity_inputs"
    )

    def _compute_wb_identity_inputs(self):
        for ticket in self:
            for name in IDENTITY_INPUTS:
                ticket[name] = False

    # ------------------------------------------------------------------
    # Sealing
    # ------------------------------------------------------------------
    @api.model
    def _wb_is_report(self, vals):
        kind = vals.get("complaint_kind") or self.env.context.get(
            "default_complaint_kind"
        )
        return kind == "report"

    @api.model
    def _wb_take_identity(self, vals):
        """Pop every identifying value of ``vals`` into a dict for the sealed
        record (partner fields of helpdesk_mgmt, the complainant's phone, the
        write-only inputs)."""
        identity = {}
        for name, target in IDENTITY_INPUTS.items():
            value = vals.pop(name, False)
            if value:
                identity[target] = value
        partner_id = vals.pop("partner_id", False)
        if partner_id:
            partner = self.env["res.partner"].sudo().browse(partner_id).exists()
            if partner:
                identity["partner_id"] = partner.id
                identity.setdefault("name", partner.name)
                if partner.email:
                    identity.setdefault("email", partner.email)
                if partner.phone or partner.mobile:
                    identity.setdefault("phone", partner.mobile or partner.phone)
        for name, target in (
            ("partner_name", "name"),
            ("partner_email", "email"),
            ("complainant_phone", "phone"),
        ):
            value = vals.pop(name, False)
            if value:
                identity.setdefault(target, value)
        vals.pop("complainant_phone_key", None)
        return identity

    @api.model_create_multi
    def create(self, vals_list):
        model = with_user_lang(self)
        sealed = {}
        for index, vals in enumerate(vals_list):
            check_protected(model, vals, REPORT_PROTECTED)
            if not model._wb_is_report(vals):
                for name in IDENTITY_INPUTS:
                    vals.pop(name, None)
                continue
            if self.env.user.share and not self.env.su:
                # A portal account names its holder: reports go through the
                # confidential channel (/whistleblow), where nobody but an
                # investigator under a grant learns who reported.
                raise UserError(
                    model.env._(
                        "Reports (whistleblowing) are filed on the confidential "
                        "reporting page /whistleblow, not in the customer portal."
                    )
                )
            identity = model._wb_take_identity(vals)
            anonymous = vals.get(
                "complainant_anonymous",
                self.env.context.get("default_complainant_anonymous", False),
            )
            # Anonymous with details given (e.g. a phone for call-backs): the
            # details are sealed like any other, never dropped (no data
            # lost) and never shown; the report is treated as anonymous.
            if not anonymous and not identity.get("name"):
                raise ValidationError(
                    model.env._(
                        "A real-name report needs the reporter's name; tick "
                        "Anonymous for an anonymous report."
                    )
                )
            vals["complainant_anonymous"] = bool(anonymous)
            vals.setdefault("wb_subject_rank", "ordinary")
            vals["wb_has_identity"] = bool(identity)
            # Known before the INSERT, so that deadlines (complaint_sla) open
            # on the report's own route.
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.company.id
            )
            vals.update(
                model._wb_route_values(
                    company, bool(anonymous), vals["wb_subject_rank"]
                ),
                wb_pseudonym=self.env["ir.sequence"]
                .sudo()
                .next_by_code("whistleblower.report"),
            )
            sealed[index] = identity
        tickets = super(
            HelpdeskTicket,
            self.with_context(
                default_partner_id=False,
                default_partner_name=False,
                default_partner_email=False,
                default_complainant_phone=False,
            )
            if sealed
            else self,
        ).create(vals_list)
        reports = self.browse(
            [tickets[index].id for index in range(len(vals_list)) if index in sealed]
        )
        if reports:
            for index, ticket in zip(sorted(sealed), reports, strict=True):
                if sealed[index]:
                    self.env["whistleblower.identity"].sudo().create(
                        {"ticket_id": ticket.id, **sealed[index]}
                    )
            reports._wb_acknowledge()
        return tickets

    def write(self, vals):
        tickets = with_user_lang(self)
        vals = dict(vals)
        check_protected(tickets, vals, REPORT_PROTECTED)
        reports = self.filtered(lambda t: t.complaint_kind == "report")
        if "complaint_kind" in vals and not in_lifecycle(self.env):
            changing = self.filtered(
                lambda t: (
                    (t.complaint_kind == "report")
                    != (vals["complaint_kind"] == "report")
                )
            )
            if changing:
                raise UserError(
                    tickets.env._(
                        "A ticket cannot become a report, nor a report another "
                        "kind of ticket, after intake (the reporter's identity is "
                        "sealed at intake): file a new ticket."
                    )
                )
        inputs = {name: vals.pop(name) for name in IDENTITY_INPUTS if name in vals}
        if reports and not in_lifecycle(self.env):
            sent = [
                name
                for name in (*TICKET_IDENTITY_FIELDS, "complainant_phone")
                if vals.get(name)
            ]
            if sent:
                raise UserError(
                    tickets.env._(
                        "A report never names its reporter on the ticket: enter "
                        "the reporter's name and contact in the reporter fields, "
                        "which are sealed."
                    )
                )
            if (
                "complainant_anonymous" in vals
                and not vals["complainant_anonymous"]
                and not inputs.get("wb_identity_name")
                and any(not t.wb_has_identity for t in reports)
            ):
                raise UserError(
                    tickets.env._(
                        "A report becomes real-name only with the reporter's "
                        "name: enter it in the reporter fields (sealed)."
                    )
                )
            sealing = {"wb_subject_rank", "wb_reported_user_ids"} & set(vals)
            if sealing and not self.env.user.has_group(INVESTIGATOR):
                # Who may see a report depends on these: an investigator's
                # call (S000-R015, S000-R071).
                raise UserError(
                    tickets.env._(
                        "Only an investigator changes the rank of the person "
                        "reported or the management a report is hidden from."
                    )
                )
            if "wb_protected" in vals and not self.env.user.has_group(INVESTIGATOR):
                raise UserError(
                    tickets.env._("Only an investigator protects a reporter.")
                )
        res = super().write(vals)
        if inputs and reports:
            reports._wb_seal_inputs(inputs)
        if {"wb_subject_rank", "complainant_anonymous"} & set(vals) and reports:
            for ticket in reports:
                lifecycle(ticket.sudo()).write(
                    self._wb_route_values(
                        ticket.company_id,
                        bool(ticket.complainant_anonymous),
                        ticket.wb_subject_rank or "ordinary",
                    )
                )
        if vals.get("stage_id") and reports:
            closed = reports.filtered(lambda t: t.closed and not t.wb_retention_date)
            if closed:
                closed._wb_on_close()
        return res

    def _wb_seal_inputs(self, inputs):
        """The reporter's details typed after intake: sealed in a new record;
        an existing sealed record is changed by an investigator only."""
        values = {IDENTITY_INPUTS[name]: v for name, v in inputs.items() if v}
        if not values:
            return
        Identity = self.env["whistleblower.identity"].sudo()
        for ticket in self:
            identity = Identity.search([("ticket_id", "=", ticket.id)], limit=1)
            if ticket.complainant_anonymous:
                raise UserError(
                    self.env._(
                        "Report %(report)s is anonymous: it has no reporter's "
                        "details to record.",
                        report=ticket.wb_pseudonym,
                    )
                )
            if identity:
                # Through the investigator's own rights: the grant decides.
                identity.with_env(self.env).write(values)
            else:
                Identity.create({"ticket_id": ticket.id, **values})
                lifecycle(ticket.sudo()).write({"wb_has_identity": True})

    # ------------------------------------------------------------------
    # Opening (立项) route: S000-R013..R015, S000-R071
    # ------------------------------------------------------------------
    def _wb_opening_rules(self, company=None):
        company = company or self.company_id
        code = company.sudo().whistleblower_rulebook or "mine"
        return presets.get("opening_rules", code)

    @api.model
    def _wb_route_values(self, company, anonymous, rank):
        """The opening route's fields for a report of ``company``."""
        if rank not in dict(RANKS):
            raise ValidationError(
                self.env._("%(rank)s is not a rank of the person reported.", rank=rank)
            )
        route = route_opening(
            self._wb_opening_rules(company), anonymous=anonymous, rank=rank
        )
        return {
            "wb_route": route.route,
            "wb_hidden_from_management": route.hidden_from_management,
            "wb_feedback_required": route.feedback_required,
            "wb_rule_ref": ", ".join(route.rule_ids),
        }

    @api.depends("wb_route", "company_id")
    @api.depends_context("lang")
    def _compute_wb_decider(self):
        """The body that decides the opening, in the reader's language."""
        zh = (self.env.lang or "").startswith("zh")
        for ticket in self:
            decider = False
            if ticket.wb_route:
                rules = ticket._wb_opening_rules(ticket.company_id)
                role = {
                    "evaluation": rules.evaluator,
                    "approval": rules.approver,
                    "senior": rules.senior_approver,
                }[ticket.wb_route]
                decider = role.label_zh if zh else role.label_en
            ticket.wb_decider = decider

    def _wb_acknowledge(self):
        """Acknowledge each new report in its chatter (no name, no contact)."""
        now = fields.Datetime.now()
        for ticket in self:
            ticket.sudo().message_post(
                body=self.env._(
                    "Report %(report)s received; its opening is decided by "
                    "%(decider)s (%(rules)s).",
                    report=ticket.wb_pseudonym,
                    decider=ticket.wb_decider,
                    rules=ticket.wb_rule_ref,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        lifecycle(self.sudo()).write({"wb_acknowledged_at": now})

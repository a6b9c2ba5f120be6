# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from odoo.addons.complaint_sla.tools import UNITS

from complaint_rules import appeal as rules_appeal

from .regulator_body import _ids, _number

PARTIES = [
    ("regulator", "The regulator"),
    ("operator", "The company"),
    ("respondent", "The respondent"),
]
# Which date of the appeal starts a clock (the pure rules name events; the
# record says which ticket date stands for its start event).
START_SOURCES = [
    ("appeal_received", "The company received the forwarded appeal"),
    ("regulator_received", "The regulator received the complaint"),
    ("none", "Another clock's end, or not recorded"),
]


class RegulatorBodyClock(models.Model):
    """One limit of a regulator body: ``amount`` ``unit`` from the event
    ``starts`` (S001-R140, S003-R102, S004-R020..R022, S000-R156)."""

    _name = "regulator.body.clock"
    _description = "Regulator Body Clock"
    _order = "body_id, sequence, id"

    body_id = fields.Many2one(
        "regulator.body", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    name_en = fields.Char(string="English name")
    amount = fields.Float(required=True, digits=(16, 2))
    unit = fields.Selection(UNITS, required=True, default="working_days")
    starts = fields.Char(string="Start event", required=True, default="received")
    ends = fields.Char(
        string="End event",
        help="The event this clock's deadline is the latest instant of; a "
        "clock starting at that event is counted from it (chains).",
    )
    party = fields.Selection(PARTIES, required=True, default="regulator")
    roll_forward = fields.Boolean(
        help="A deadline on a day off moves to the next working day."
    )
    start_source = fields.Selection(
        START_SOURCES, string="Starts at", required=True, default="none"
    )
    sets_due = fields.Boolean(
        string="Regulator deadline",
        help="This clock's deadline is the regulator's deadline shown on the appeal.",
    )
    rule_ref = fields.Char(string="Rules")
    note = fields.Text()

    def _to_rules(self):
        self.ensure_one()
        return rules_appeal.Clock(
            code=self.code,
            label_zh=self.name or "",
            label_en=self.name_en or "",
            amount=_number(self.amount),
            unit=self.unit,
            starts=self.starts,
            party=self.party,
            ends=self.ends or "",
            rule_ids=tuple(_ids(self.rule_ref)),
            roll_forward=self.roll_forward,
        )

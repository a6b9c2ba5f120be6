# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from complaint_rules import presets

# The opening rulebooks of complaint_rules.presets (kind "opening_rules").
RULEBOOKS = [
    ("mine", "Mine anti-fraud rules (seed 000, part 1)"),
    ("listed_company", "Listed company anti-fraud rules (seed 000, part 4)"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    whistleblower_rulebook = fields.Selection(
        RULEBOOKS,
        string="Whistleblowing rulebook",
        default="mine",
        required=True,
        help="Who decides the opening (立项) of a report and by when: the mine's "
        "rules send reports on senior management to the superior company, the "
        "listed company's to the board (S000-R013..R015, S000-R071).",
    )
    whistleblower_retention_months = fields.Integer(
        string="Keep reporters' identities (months)",
        default=60,
        help="Months after a report is closed before its sealed identity is "
        "deleted; a report type (classification) may set its own period.",
    )
    whistleblower_retention_warn_days = fields.Integer(
        string="Warn before deletion (days)",
        default=30,
        help="The custodians get an activity this many days before a sealed "
        "identity is deleted.",
    )
    whistleblower_grant_days = fields.Integer(
        string="Identity access lasts (days)",
        default=7,
        help="How long a granted identity-access request lets the investigator "
        "read the sealed identity.",
    )

    @api.model
    def _whistleblower_check_rulebooks(self):
        """The selection above lists the opening rulebooks of the rules
        package (kept in step by a test)."""
        return set(presets.codes("opening_rules")) == {code for code, _l in RULEBOOKS}

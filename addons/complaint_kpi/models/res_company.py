# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from complaint_rules.kpi import KpiSettings

# The open definitions (complaint_rules.kpi.KpiSettings), defaults as there.
SATISFACTION_BASES = [
    ("surveyed", "Customers surveyed"),
    ("all", "All complainants"),
]
PENDING_READINGS = [
    ("exclude", "Left out until decided"),
    ("missed", "Counted as missed"),
]
UNSAMPLED_READINGS = [
    ("exclude", "Left out"),
    ("valid", "Assumed valid"),
]
HANDLING_BASES = [
    ("closed", "Complaints closed"),
    ("all", "All complaints"),
]
TARGET_COMPARISONS = [
    ("exact", "Exact value"),
    ("rounded", "Rounded value"),
]
WINDOWS = [("calendar", "Calendar year"), ("rolling", "Rolling 12 months")]
BONUS_MONTHS = [
    ("confirmation", "Month of confirmation"),
    ("complaint", "Month of the complaint"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    kpi_satisfaction_base = fields.Selection(
        SATISFACTION_BASES,
        string="Satisfaction base",
        default="surveyed",
        required=True,
        help="S000-R129 allows either denominator: the customers surveyed (or "
        "whose attitude was recorded at the reply), or all complainants.",
    )
    kpi_pending = fields.Selection(
        PENDING_READINGS,
        string="Running deadlines",
        default="exclude",
        required=True,
        help="A deadline still running is left out of the timeliness "
        "indicators until decided, or counted as missed.",
    )
    kpi_unsampled = fields.Selection(
        UNSAMPLED_READINGS,
        string="Tickets not sampled",
        default="exclude",
        required=True,
        help="Ticket-flow validity and ticket quality come from sampling "
        "(S000-R131, S000-R146): tickets not sampled are left out, or assumed "
        "valid.",
    )
    kpi_handling_base = fields.Selection(
        HANDLING_BASES,
        string="Handling-time base",
        default="closed",
        required=True,
        help="S000-R147 divides by the complaints of the period: those closed "
        "(an open one has no handling time) or all of them.",
    )
    kpi_target_comparison = fields.Selection(
        TARGET_COMPARISONS,
        string="Compare targets with",
        default="exact",
        required=True,
        help="Exact: 94.996 % fails a 95 % target; rounded: it passes.",
    )
    kpi_customer_count = fields.Integer(
        string="Customers",
        help="Customers using the business: the denominator of the complaint "
        "rate and the escalated-complaint rate (S000-R126, S000-R142). Empty: "
        "those rates are not computed.",
    )
    kpi_staff_window = fields.Selection(
        WINDOWS,
        string="Accountability year",
        default="calendar",
        required=True,
        help="一年内 (S002-R044, S002-R046): the calendar year or the 12 months "
        "up to the confirmation.",
    )
    kpi_bonus_month = fields.Selection(
        BONUS_MONTHS,
        string="Bonus month",
        default="confirmation",
        required=True,
        help="当月 of the bonus deductions (S002-R040..R042).",
    )

    def _kpi_settings(self):
        """This company's :class:`KpiSettings`."""
        self.ensure_one()
        return KpiSettings(
            satisfaction_base=self.kpi_satisfaction_base or "surveyed",
            pending=self.kpi_pending or "exclude",
            unsampled=self.kpi_unsampled or "exclude",
            handling_base=self.kpi_handling_base or "closed",
            target_comparison=self.kpi_target_comparison or "exact",
        )

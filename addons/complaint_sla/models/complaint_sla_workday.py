# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ComplaintSlaWorkday(models.Model):
    """A make-up working day (调休): a weekend day that is worked.

    Odoo calendars cannot express a working Saturday by themselves, so the
    make-up days of each holiday year are listed here.
    """

    _name = "complaint.sla.workday"
    _inherit = ["complaint.cache.mixin"]
    _description = "Make-up Working Day"
    _order = "date"

    year_id = fields.Many2one(
        "complaint.sla.holiday.year", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True)
    name = fields.Char(string="Holiday", translate=True)

    _sql_constraints = [
        ("date_uniq", "unique(year_id, date)", "A make-up day is listed once a year.")
    ]

    @api.constrains("date", "year_id")
    def _check_year(self):
        for day in self:
            if day.date.year != day.year_id.year:
                raise ValidationError(
                    self.env._(
                        "The make-up day %(date)s does not belong to year %(year)s.",
                        date=day.date,
                        year=day.year_id.year,
                    )
                )

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError

from complaint_rules.calendar import HolidayNoticeError, parse_holiday_notice
from complaint_rules.errors import RuleError


class ComplaintSlaHolidayImport(models.TransientModel):
    """Load a year's public holidays and make-up days from the State
    Council's notice, typed in or as a text/CSV file (format in
    readme/CONFIGURE.md)."""

    _name = "complaint.sla.holiday.import"
    _description = "Import a Holiday Notice"

    year_id = fields.Many2one("complaint.sla.holiday.year", required=True)
    notice = fields.Text(
        string="Notice",
        help="One line per holiday or make-up day: 2027-02-06..2027-02-12 春节 休 "
        "or 2027-02-14 春节 班.",
    )
    file = fields.Binary(string="File")
    filename = fields.Char()

    def _text(self):
        self.ensure_one()
        if self.file:
            raw = base64.b64decode(self.file)
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    return raw.decode(encoding)
                except UnicodeDecodeError:
                    continue
            raise UserError(self.env._("The file is neither UTF-8 nor GB18030 text."))
        return self.notice or ""

    def action_import(self):
        self.ensure_one()
        year = self.year_id.year
        try:
            notice = parse_holiday_notice(self._text(), year)
        except HolidayNoticeError as exc:
            params = exc.params
            raise UserError(
                self.env._(
                    "Line %(line)s of the notice cannot be read: %(text)s. Write a "
                    "date or a range (2027-02-06..2027-02-12), an optional name and "
                    "休 (day off) or 班 (make-up working day), all in %(year)s.",
                    line=params.get("line"),
                    text=params.get("text"),
                    year=year,
                )
            ) from exc
        except RuleError as exc:
            raise UserError(
                self.env._("The notice lists no holiday for %(year)s.", year=year)
            ) from exc
        self.year_id._load_notice(notice)
        return {"type": "ir.actions.act_window_close"}

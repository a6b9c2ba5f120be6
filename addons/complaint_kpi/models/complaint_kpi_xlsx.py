# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX export of KPI reports (xlsxwriter): the same groups and values as
the pivot (``complaint.kpi.report.read_group``), one row per group."""

import base64
import io

import xlsxwriter

from odoo import api, models

from .kpi_sql import TICKET_INDICATORS


def _label(value):
    if isinstance(value, tuple | list):
        return str(value[1]) if len(value) > 1 else str(value[0])
    if value is False or value is None:
        return ""
    return str(value)


def write_workbook(title, headers, rows):
    """Bytes of a one-sheet workbook: a bold header row, then ``rows``."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet(title[:31])
    bold = book.add_format({"bold": True})
    for col, header in enumerate(headers):
        sheet.write(0, col, header, bold)
    for row_no, row in enumerate(rows, start=1):
        for col, cell in enumerate(row):
            if cell is None or cell is False:
                sheet.write_blank(row_no, col, None)
            elif isinstance(cell, int | float):
                sheet.write_number(row_no, col, cell)
            else:
                sheet.write_string(row_no, col, str(cell))
    book.close()
    return out.getvalue()


class ComplaintKpiReport(models.Model):
    _inherit = "complaint.kpi.report"

    @api.model
    def _xlsx_rows(self, domain, groupby):
        """Headers and rows of the pivot grouped by ``groupby``: each
        indicator's value, numerator and denominator per group."""
        fields_ = ["ticket_count"]
        headers = [self._fields[g.split(":")[0]].string for g in groupby]
        headers.append(self._fields["ticket_count"].string)
        for ind in TICKET_INDICATORS:
            for part in ("value", "num", "den"):
                name = f"{ind.code}_{part}"
                fields_.append(name)
                headers.append(self._fields[name].string)
        groups = self.read_group(domain, fields_, groupby, lazy=False)
        rows = []
        for group in groups:
            row = [_label(group.get(g)) for g in groupby]
            row.append(group["ticket_count"])
            for ind in TICKET_INDICATORS:
                for part in ("value", "num", "den"):
                    value = group.get(f"{ind.code}_{part}")
                    row.append(None if value is False else value)
            rows.append(row)
        return headers, rows

    @api.model
    def export_xlsx(self, domain=None, groupby=None):
        """The workbook of the pivot over ``domain`` grouped by ``groupby``
        (company by default) as an attachment download."""
        groupby = groupby or ["company_id"]
        headers, rows = self._xlsx_rows(domain or [], groupby)
        data = write_workbook(self.env._("KPI analysis"), headers, rows)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "kpi_report.xlsx",
                "datas": base64.b64encode(data),
                "mimetype": "application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }


class ComplaintKpiPeriod(models.Model):
    _inherit = "complaint.kpi.period"

    def _xlsx_rows(self):
        self.ensure_one()
        headers = [
            self.env._("Indicator"),
            self.env._("Value"),
            self.env._("Numerator"),
            self.env._("Denominator"),
            self.env._("Verdict"),
        ]
        indicators = dict(
            self.line_ids._fields["indicator"]._description_selection(self.env)
        )
        verdicts = dict(
            self.line_ids._fields["verdict"]._description_selection(self.env)
        )
        rows = [
            [
                indicators.get(line.indicator, line.indicator),
                line.value if line.value_defined else None,
                line.numerator,
                line.denominator,
                verdicts.get(line.verdict, ""),
            ]
            for line in self.line_ids
        ]
        return headers, rows

    def action_export_xlsx(self):
        self.ensure_one()
        headers, rows = self._xlsx_rows()
        data = write_workbook(self.label, headers, rows)
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"kpi_{self.label}.xlsx",
                "datas": base64.b64encode(data),
                "res_model": self._name,
                "res_id": self.id,
                "mimetype": "application/vnd.openxmlformats-officedocument"
                ".spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

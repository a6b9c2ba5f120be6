# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulator returns: the XLSX a compliance user files with a regulator
(S000-R157 appeal statistics per month or year and ad hoc; S001-R139), and
the log of every export (who, what, when).

The workbook is written with plain xlsxwriter in ``constant_memory`` mode
(one row in memory at a time): the cases are read in keyset batches through
the ORM's ``_search`` (record rules apply: a branch sees its own appeals),
written to the "Cases" sheet, and counted on the way; the "Summary" sheet is
written from those counts, so its totals are the rows of the return."""

import logging
import os
import tempfile
from collections import Counter
from datetime import date, datetime, time, timedelta

import pytz
import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .helpdesk_ticket import timeliness

_logger = logging.getLogger(__name__)

PERIODS = [
    ("month", "Month"),
    ("quarter", "Quarter"),
    ("year", "Year"),
    ("range", "Date range"),
]
STATES = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("done", "Done"),
    ("failed", "Failed"),
]
COMPLIANCE_GROUP = "regulator_appeal.group_regulator_compliance"
# Rows read per query: the memory of a return is one batch, whatever its size.
BATCH = 2000
# Columns of the Cases sheet: (code, header, ticket column or key, kind).
CASE_COLUMNS = (
    ("seq", "No.", None, "int"),
    ("ref", "Regulator reference", "regulator_ref", "text"),
    ("number", "Ticket", "number", "text"),
    ("body", "Regulator", "regulator_body_id", "body"),
    ("regulator_received", "Received by the regulator", "regulator_received_at", "dt"),
    ("received", "Forwarded to us", "appeal_received_at", "dt"),
    ("company", "Branch", "company_id", "company"),
    ("customer", "Customer", "partner_name", "customer"),
    ("classification", "Classification", "classification_id", "classification"),
    ("appeal_class", "Appeal class", "appeal_class", "selection"),
    ("grade", "Grade", "grade_id", "grade"),
    ("channel", "Channel", "channel_id", "channel"),
    ("due", "Regulator deadline", "regulator_due_at", "dt"),
    ("replied", "Reply sent", "appeal_reply_sent_at", "dt"),
    ("timeliness", "Timeliness", None, "timeliness"),
    ("conclusion", "Conclusion", "closing_conclusion_id", "conclusion"),
    ("appeals", "Customer appeals", "appeal_count", "int"),
    ("subject", "Subject", "name", "text"),
)
# Columns counted in the Summary (besides timeliness): key -> ticket column.
COUNTED = {
    "classification": "classification_id",
    "appeal_class": "appeal_class",
    "grade": "grade_id",
    "channel": "channel_id",
    "conclusion": "closing_conclusion_id",
}
# Summary sections: (title, key in the counters).
SUMMARY = (
    ("By classification", "classification"),
    ("By appeal class", "appeal_class"),
    ("By grade", "grade"),
    ("By channel", "channel"),
    ("By conclusion", "conclusion"),
    ("By timeliness", "timeliness"),
)


class RegulatorReturnExport(models.Model):
    """One regulator return: what was asked, by whom, when, and the file."""

    _name = "regulator.return.export"
    _description = "Regulator Return Export"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    name = fields.Char(required=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Exported by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    body_id = fields.Many2one("regulator.body", string="Regulator", readonly=True)
    period = fields.Selection(PERIODS, readonly=True)
    date_from = fields.Date(required=True, readonly=True)
    date_to = fields.Date(required=True, readonly=True)
    company_ids = fields.Many2many("res.company", string="Companies", readonly=True)
    state = fields.Selection(
        STATES, required=True, default="queued", readonly=True, tracking=True
    )
    row_count = fields.Integer(string="Cases", readonly=True)
    progress = fields.Integer(string="Progress (%)", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True)
    date_start = fields.Datetime(readonly=True)
    date_done = fields.Datetime(readonly=True)
    error = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(COMPLIANCE_GROUP):
            raise AccessError(
                self.env._("Only compliance staff export regulator returns.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            raise AccessError(
                self.env._("The export log is written by the export itself.")
            )
        return super().write(vals)

    # ------------------------------------------------------------------
    # What the return covers
    # ------------------------------------------------------------------
    def _bounds(self):
        """Naive UTC bounds of the period, in the exporter's timezone."""
        self.ensure_one()
        tz = pytz.timezone(self.user_id.tz or "Asia/Shanghai")
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _domain(self):
        self.ensure_one()
        start, end = self._bounds()
        domain = [
            ("is_regulator_appeal", "=", True),
            ("appeal_received_at", ">=", start),
            ("appeal_received_at", "<", end),
        ]
        if self.body_id:
            domain.append(("regulator_body_id", "=", self.body_id.id))
        if self.company_ids:
            # A company and its branches (Odoo 18 branches).
            domain.append(("company_id", "child_of", self.company_ids.ids))
        return domain

    def _tickets(self):
        """The exporter's view of the tickets: record rules apply (a branch
        exports its own appeals only)."""
        self.ensure_one()
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.user_id)
            .with_context(
                allowed_company_ids=self.user_id.company_ids.ids,
                lang=self.user_id.lang,
                active_test=True,
            )
        )

    # ------------------------------------------------------------------
    # Running
    # ------------------------------------------------------------------
    def _run(self, progress=None):
        """Write the return and attach it; notify the exporter."""
        self.ensure_one()
        sudo = self.sudo()
        sudo.write({"state": "running", "date_start": fields.Datetime.now()})
        handle, path = tempfile.mkstemp(suffix=".xlsx", prefix="regulator_return_")
        os.close(handle)
        try:
            rows = self._write_xlsx(path, progress=progress)
            with open(path, "rb") as stream:
                data = stream.read()
        finally:
            os.unlink(path)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{self.name}.xlsx",
                    "raw": data,
                    "mimetype": "application/vnd.openxmlformats-officedocument"
                    ".spreadsheetml.sheet",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        sudo.write(
            {
                "state": "done",
                "row_count": rows,
                "progress": 100,
                "attachment_id": attachment.id,
                "date_done": fields.Datetime.now(),
            }
        )
        lang = self.user_id.lang or "en_US"
        sudo.with_context(lang=lang).message_post(
            body=self.with_context(lang=lang).env._(
                "Return %(name)s is ready: %(rows)s cases.",
                name=self.name,
                rows=rows,
            ),
            attachment_ids=attachment.ids,
            partner_ids=self.user_id.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return attachment

    @api.model
    def _cron_run_queued(self, limit=5):
        """Write the queued returns in the background, one per call with
        progress; the cron runner calls again while some remain."""
        Cron = self.env["ir.cron"]
        queued = self.sudo().search([("state", "=", "queued")], order="id")
        for export in queued[:limit]:
            total = export._tickets().search_count(export._domain())

            def progress(done, export=export, total=total):
                export.sudo().write(
                    {"progress": int(done * 100 / total) if total else 100}
                )
                Cron._notify_progress(done=done, remaining=max(0, total - done))

            try:
                with self.env.cr.savepoint():
                    export._run(progress=progress)
            except Exception as exc:
                _logger.exception("Regulator return %s failed", export.id)
                export.sudo().write({"state": "failed", "error": str(exc)})
        remaining = max(0, len(queued) - limit)
        Cron._notify_progress(done=min(limit, len(queued)), remaining=remaining)
        return True

    # ------------------------------------------------------------------
    # The workbook
    # ------------------------------------------------------------------
    def _labels(self, Ticket):
        """Translated labels of the selection values written."""
        lang_env = Ticket.env
        return {
            "appeal_class": dict(
                Ticket._fields["appeal_class"]._description_selection(lang_env)
            ),
            "timeliness": dict(
                Ticket._fields["appeal_timeliness"]._description_selection(lang_env)
            ),
        }

    def _write_xlsx(self, path, progress=None):
        """Write the return to ``path``; returns the number of cases."""
        self.ensure_one()
        Ticket = self._tickets()
        env = Ticket.env
        text = self._texts(env)
        columns = self._case_columns()
        labels = self._labels(Ticket)
        names = _NameCache(env)
        tz = pytz.timezone(self.user_id.tz or "Asia/Shanghai")
        offsets = {}
        now = fields.Datetime.now()
        workbook = xlsxwriter.Workbook(
            path, {"constant_memory": True, "tmpdir": tempfile.gettempdir()}
        )
        bold = workbook.add_format({"bold": True})
        when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        summary = workbook.add_worksheet(text["Summary"])
        cases = workbook.add_worksheet(text["Cases"])
        cases.write_row(0, 0, [text[header] for _c, header, _f, _k in columns], bold)
        sql_columns = [
            name
            for name in dict.fromkeys(
                ["id", "partner_id", "complainant_anonymous", "appeal_reply_sent_at"]
                + [field for _c, _h, field, _k in columns if field]
                + ["regulator_due_at", "classification_id", "grade_id"]
                + ["channel_id", "closing_conclusion_id", "appeal_class"]
            )
        ]
        index = {name: position for position, name in enumerate(sql_columns)}
        anonymous = text["Anonymous"]
        none = text["(none)"]
        class_labels = labels["appeal_class"]
        time_labels = labels["timeliness"]
        # Counted by the stored value; named once at the end.
        counts = {key: Counter() for key in COUNTED}
        by_time = Counter()
        counted = [(counts[key], index[column]) for key, column in COUNTED.items()]
        i_sent, i_due = index["appeal_reply_sent_at"], index["regulator_due_at"]
        i_anonymous = index["complainant_anonymous"]
        plan = []
        for col, (_code, _header, field, kind) in enumerate(columns):
            position = index[field] if field else None
            if kind in names.MODELS:
                plan.append((col, "name", position, names.names[kind]))
            else:
                plan.append((col, kind, position, None))
        write_string, write_number = cases.write_string, cases.write_number
        write_datetime = cases.write_datetime
        row = 0
        last_id = 0
        domain = self._domain()
        while True:
            batch = None  # the previous batch is freed before the next is read
            query = Ticket._search(
                [*domain, ("id", ">", last_id)], order="id", limit=BATCH
            )
            batch = env.execute_query(
                query.select(
                    *(SQL.identifier("helpdesk_ticket", name) for name in sql_columns)
                )
            )
            if not batch:
                break
            names.prefetch(batch, index)
            for record in batch:
                row += 1
                state = timeliness(record[i_sent], record[i_due], now)
                by_time[state] += 1
                for counter, position in counted:
                    counter[record[position]] += 1
                for col, kind, position, known in plan:
                    if kind == "text":
                        value = record[position]
                        if value:
                            write_string(row, col, value)
                    elif kind == "name":
                        value = known.get(record[position])
                        if value:
                            write_string(row, col, value)
                    elif kind == "dt":
                        value = record[position]
                        if value:
                            day = value.date()
                            offset = offsets.get(day)
                            if offset is None:
                                offset = offsets[day] = tz.utcoffset(value)
                            write_datetime(row, col, value + offset, when)
                    elif kind == "int":
                        write_number(
                            row, col, row if position is None else record[position] or 0
                        )
                    elif kind == "customer":
                        if record[i_anonymous]:
                            write_string(row, col, anonymous)
                        elif record[position]:
                            write_string(row, col, record[position])
                    elif kind == "timeliness":
                        write_string(row, col, time_labels[state])
                    else:
                        value = class_labels.get(record[position])
                        if value:
                            write_string(row, col, value)
            last_id = batch[-1][0]
            if progress:
                progress(row)
            if len(batch) < BATCH:
                break
        # Summary: from the rows just written, so its totals are the cases.
        counters = {"timeliness": Counter()}
        for state, count in by_time.items():
            counters["timeliness"][time_labels[state]] += count
        for key, counter in counts.items():
            named = counters[key] = Counter()
            for value, count in counter.items():
                label = (
                    class_labels.get(value)
                    if key == "appeal_class"
                    else names.get(key, value)
                )
                named[label or none] += count
        line = 0
        summary.write_row(line, 0, [text["Regulator return"], self.name], bold)
        line += 1
        summary.write_row(
            line,
            0,
            [
                text["Period"],
                f"{self.date_from} - {self.date_to}",
                text["Regulator"],
                self.body_id.display_name or text["All"],
            ],
        )
        line += 1
        summary.write_row(line, 0, [text["Total cases"], row], bold)
        for title, key in SUMMARY:
            line += 2
            summary.write_row(line, 0, [text[title], text["Cases"]], bold)
            for label, count in sorted(counters[key].items()):
                line += 1
                summary.write_row(line, 0, [label, count])
            line += 1
            summary.write_row(line, 0, [text["Total"], row], bold)
        workbook.close()
        return row

    @api.model
    def _texts(self, env):
        """The workbook's fixed texts in the exporter's language, keyed by
        their English source (literal calls, so they are exported for
        translation)."""
        return {
            "Summary": env._("Summary"),
            "Cases": env._("Cases"),
            "Anonymous": env._("Anonymous"),
            "(none)": env._("(none)"),
            "Regulator return": env._("Regulator return"),
            "Period": env._("Period"),
            "Regulator": env._("Regulator"),
            "All": env._("All"),
            "Total cases": env._("Total cases"),
            "Total": env._("Total"),
            "No.": env._("No."),
            "Regulator reference": env._("Regulator reference"),
            "Ticket": env._("Ticket"),
            "Received by the regulator": env._("Received by the regulator"),
            "Forwarded to us": env._("Forwarded to us"),
            "Branch": env._("Branch"),
            "Customer": env._("Customer"),
            "Classification": env._("Classification"),
            "Appeal class": env._("Appeal class"),
            "Grade": env._("Grade"),
            "Channel": env._("Channel"),
            "Regulator deadline": env._("Regulator deadline"),
            "Reply sent": env._("Reply sent"),
            "Timeliness": env._("Timeliness"),
            "Conclusion": env._("Conclusion"),
            "Customer appeals": env._("Customer appeals"),
            "Subject": env._("Subject"),
            "By classification": env._("By classification"),
            "By appeal class": env._("By appeal class"),
            "By grade": env._("By grade"),
            "By channel": env._("By channel"),
            "By conclusion": env._("By conclusion"),
            "By timeliness": env._("By timeliness"),
        }

    def _case_columns(self):
        """The body's return template (its column codes), else all."""
        wanted = [
            code.strip()
            for code in (self.body_id.return_columns or "").split(",")
            if code.strip()
        ]
        if not wanted:
            return CASE_COLUMNS
        return tuple(column for column in CASE_COLUMNS if column[0] in wanted)


class _NameCache:
    """Display names of the few small tables a return names (companies,
    regulators, grades, channels, classifications, conclusions), read once
    per batch for the ids not seen yet."""

    MODELS = {
        "company": "res.company",
        "body": "regulator.body",
        "grade": "complaint.grade",
        "channel": "helpdesk.ticket.channel",
        "classification": "complaint.classification",
        "conclusion": "complaint.closing.conclusion",
    }
    COLUMNS = {
        "company": "company_id",
        "body": "regulator_body_id",
        "grade": "grade_id",
        "channel": "channel_id",
        "classification": "classification_id",
        "conclusion": "closing_conclusion_id",
    }

    def __init__(self, env):
        self.env = env
        self.names = {kind: {} for kind in self.MODELS}

    def prefetch(self, batch, index):
        for kind, column in self.COLUMNS.items():
            if column not in index:
                continue
            position = index[column]
            known = self.names[kind]
            missing = {row[position] for row in batch} - set(known) - {None}
            if missing:
                records = self.env[self.MODELS[kind]].sudo().browse(missing)
                for record in records:
                    known[record.id] = record.display_name

    def get(self, kind, record_id):
        if not record_id:
            return ""
        return self.names[kind].get(record_id, "")


def period_bounds(period, year, month=None, quarter=None, date_from=None, date_to=None):
    """First and last day of a month, quarter, year or range (S000-R157)."""
    if period == "month":
        start = date(year, month, 1)
        return start, start + relativedelta(months=1, days=-1)
    if period == "quarter":
        start = date(year, 3 * (quarter - 1) + 1, 1)
        return start, start + relativedelta(months=3, days=-1)
    if period == "year":
        return date(year, 1, 1), date(year, 12, 31)
    return date_from, date_to


def check_period(env, date_from, date_to):
    if not date_from or not date_to or date_from > date_to:
        raise UserError(env._("Choose a period whose start is not after its end."))

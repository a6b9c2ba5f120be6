#!/usr/bin/env python3
"""Benchmark of regulator_appeal's XLSX return against raw xlsxwriter.

Creates a throwaway database with ``regulator_appeal`` (no demo data),
inserts appeals of the telecom ministry by SQL (100,000 by default, spread
evenly over January-May 2024, so January holds a fifth of them) and, in the
same run, for two returns (January: ~20 %, January-May: 100 %):

* **ours**: ``regulator.return.export._write_xlsx`` as a head-office
  compliance user: the cases read through the ORM's ``_search`` (record
  rules applied) in keyset batches, the Cases sheet written with xlsxwriter
  ``constant_memory``, the Summary counted on the way;
* **raw**: the same cells (values fetched beforehand, not timed) written by
  plain xlsxwriter ``constant_memory`` with the same typed calls and the
  same Summary.

It prints the time of each and their ratio (target <= 1.5x), then the peak
Python memory of each (tracemalloc, separate runs so tracing does not skew
the times; target: flat as the rows grow).

Run it with Odoo's Python, from the repository root::

    /opt/odoo18/venv/bin/python benchmarks/regulator_export.py [--appeals 100000]

The database is dropped at the end unless ``--keep``.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from benchlib import DEFAULT_CONF, REPO, install, say


def setup_data(registry, appeals):
    """A head-office compliance user and ``appeals`` ministry appeals over
    January-May 2024 in two branches, with classes, grades, channels,
    classifications, conclusions and half of them replied."""
    import odoo
    from odoo import Command

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        head = env.ref("base.main_company")
        province = env["res.company"].create(
            {"name": "Bench Province", "parent_id": head.id}
        )
        city = env["res.company"].create(
            {"name": "Bench City", "parent_id": province.id}
        )
        user = env["res.users"].create(
            {
                "name": "Bench Compliance",
                "login": "bench_compliance",
                "company_id": head.id,
                "company_ids": [Command.set((head | province | city).ids)],
                "groups_id": [
                    Command.link(
                        env.ref("regulator_appeal.group_regulator_compliance").id
                    ),
                    Command.link(
                        env.ref("complaint_core.group_complaint_head_office").id
                    ),
                ],
                "tz": "Asia/Shanghai",
            }
        )
        body = env.ref("regulator_appeal.regulator_body_telecom_ministry")
        stage = env.ref("complaint_core.stage_received")
        grades = env["complaint.grade"].search([], limit=4).ids or [None]
        classes = env["complaint.classification"].search([], limit=6).ids or [None]
        channels = env["helpdesk.ticket.channel"].search([], limit=3).ids or [None]
        conclusions = [*env["complaint.closing.conclusion"].search([]).ids, None]
        span = (date(2024, 6, 1) - date(2024, 1, 1)).days * 86400.0
        cr.execute(
            """
            INSERT INTO helpdesk_ticket (
                name, description, number, stage_id, company_id,
                complaint_kind, complaint_step, org_level, complainant_count,
                repeat_count, reexamination_count, escalation_count, appeal_count,
                date_received, active, priority, kanban_state, partner_name,
                complainant_anonymous, regulator_body_id, regulator_ref,
                appeal_source, appeal_filed, appeal_class, is_regulator_appeal,
                regulator_received_at, appeal_received_at, regulator_due_at,
                appeal_reply_sent_at, grade_id, classification_id, channel_id,
                closing_conclusion_id, create_uid, create_date, write_uid,
                write_date, last_stage_update)
            SELECT '申诉 ' || n, '<p>Bench</p>', 'R' || lpad(n::text, 7, '0'),
                   %(stage)s, CASE WHEN n %% 2 = 0 THEN %(city)s ELSE %(province)s END,
                   'complaint', 'received', 'city', 1, 0, 0, 0, 1 + n %% 3,
                   r.received, TRUE, '1', 'normal', '客户' || n,
                   n %% 17 = 0, %(body)s, 'GXB-' || n, 'ministry',
                   CASE WHEN n %% 5 = 0 THEN 'non_filed' ELSE 'filed' END,
                   CASE WHEN n %% 5 = 0 THEN 'non_filed' ELSE 'filed' END, TRUE,
                   r.received - interval '1 day', r.received,
                   r.received + interval '9 days',
                   CASE WHEN n %% 2 = 0
                        THEN r.received + make_interval(days => n %% 12) END,
                   (%(grades)s)[1 + n %% cardinality(%(grades)s)],
                   (%(classes)s)[1 + n %% cardinality(%(classes)s)],
                   (%(channels)s)[1 + n %% cardinality(%(channels)s)],
                   (%(conclusions)s)[1 + n %% cardinality(%(conclusions)s)],
                   1, r.received, 1, r.received, r.received
              FROM generate_series(1, %(count)s) AS n,
                   LATERAL (SELECT timestamp '2023-12-31 16:00:00'
                           + make_interval(secs => (n - 0.5) * %(span)s / %(count)s)
                           AS received) AS r
            """,
            {
                "stage": stage.id,
                "city": city.id,
                "province": province.id,
                "body": body.id,
                "grades": grades,
                "classes": classes,
                "channels": channels,
                "conclusions": conclusions,
                "count": appeals,
                "span": span,
            },
        )
        cr.execute("ANALYZE helpdesk_ticket")
        return user.id, body.id


def make_export(env, user_id, body_id, date_from, date_to):
    Export = env["regulator.return.export"].with_user(user_id)
    return Export.create(
        {
            "name": f"Bench {date_from} {date_to}",
            "body_id": body_id,
            "period": "range",
            "date_from": date_from,
            "date_to": date_to,
        }
    )


def ours(export, path):
    return export._write_xlsx(path)


def fetch_rows(export):
    """The cells of the return, prepared for the raw writer (untimed)."""
    from odoo.addons.regulator_appeal.models.helpdesk_ticket import timeliness

    Ticket = export._tickets()
    env = Ticket.env
    tickets = Ticket.search(export._domain(), order="id")
    now = env.cr.now().replace(tzinfo=None)
    rows = []
    offset = timedelta(hours=8)
    counts = {key: Counter() for key in ("c", "k", "g", "h", "o", "t")}
    for offset_ids in range(0, len(tickets), 5000):
        chunk = tickets[offset_ids : offset_ids + 5000]
        for ticket in chunk:
            state = timeliness(
                ticket.appeal_reply_sent_at, ticket.regulator_due_at, now
            )
            row = (
                ticket.regulator_ref,
                ticket.number,
                ticket.regulator_body_id.display_name,
                ticket.regulator_received_at + offset,
                ticket.appeal_received_at + offset,
                ticket.company_id.display_name,
                "Anonymous" if ticket.complainant_anonymous else ticket.partner_name,
                ticket.classification_id.display_name or "",
                ticket.appeal_class,
                ticket.grade_id.display_name or "",
                ticket.channel_id.display_name or "",
                ticket.regulator_due_at + offset,
                ticket.appeal_reply_sent_at and ticket.appeal_reply_sent_at + offset,
                state,
                ticket.closing_conclusion_id.display_name or "",
                ticket.appeal_count,
                ticket.name,
            )
            rows.append(row)
            for key, value in zip(
                "ckgho", (row[7], row[8], row[9], row[10], row[14]), strict=True
            ):
                counts[key][value] += 1
            counts["t"][state] += 1
        env.invalidate_all()
    return rows, counts


TYPES = "ssstt" + "sssssst" + "tssis"


def raw(rows, counts, path):
    """Plain xlsxwriter, constant_memory, the same typed calls."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(
        path, {"constant_memory": True, "tmpdir": tempfile.gettempdir()}
    )
    bold = workbook.add_format({"bold": True})
    when = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    summary = workbook.add_worksheet("Summary")
    cases = workbook.add_worksheet("Cases")
    cases.write_row(0, 0, [f"col {i}" for i in range(18)], bold)
    write_string, write_number = cases.write_string, cases.write_number
    write_datetime = cases.write_datetime
    for number, row in enumerate(rows, start=1):
        write_number(number, 0, number)
        for col, (kind, value) in enumerate(zip(TYPES, row, strict=True), start=1):
            if not value:
                continue
            if kind == "s":
                write_string(number, col, value)
            elif kind == "t":
                write_datetime(number, col, value, when)
            else:
                write_number(number, col, value)
    line = 0
    summary.write_row(line, 0, ["Total cases", len(rows)], bold)
    for key, counter in counts.items():
        line += 2
        summary.write_row(line, 0, [key, "Cases"], bold)
        for label, count in sorted(counter.items(), key=lambda item: str(item[0])):
            line += 1
            summary.write_row(line, 0, [str(label), count])
        line += 1
        summary.write_row(line, 0, ["Total", len(rows)], bold)
    workbook.close()
    return len(rows)


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def peak(function, *args):
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--appeals", type=int, default=100_000)
    parser.add_argument("--config", default=str(DEFAULT_CONF))
    parser.add_argument("--repeat", type=int, default=3, help="best of N timings")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    sys.path.insert(0, str(REPO))
    import odoo
    from odoo.modules.registry import Registry
    from odoo.tools import config

    db = f"regulator_export_bench_{os.getpid()}"
    say(f"regulator_appeal return benchmark: {args.appeals} appeals")
    install(args.config, db, "regulator_appeal")
    config.parse_config(["-c", args.config, "--log-level=warn"])
    odoo.tools.config["db_name"] = db
    try:
        registry = Registry.new(db)
        started = time.perf_counter()
        user_id, body_id = setup_data(registry, args.appeals)
        say(
            f"  {args.appeals} appeals inserted ({time.perf_counter() - started:.0f} s)"
        )
        periods = [
            ("January", date(2024, 1, 1), date(2024, 1, 31)),
            ("January-May", date(2024, 1, 1), date(2024, 5, 31)),
        ]
        results = []
        tmp = Path(tempfile.mkdtemp(prefix="regulator_export_bench_"))
        for label, date_from, date_to in periods:
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                export = make_export(env, user_id, body_id, date_from, date_to)
                rows, counts = fetch_rows(export)
                ours_times, raw_times = [], []
                for _run in range(args.repeat):
                    # Alternate the two so load from others hits both alike.
                    seconds, written = timed(ours, export, tmp / "ours.xlsx")
                    ours_times.append(seconds)
                    env.invalidate_all()
                    seconds, raw_written = timed(raw, rows, counts, tmp / "raw.xlsx")
                    raw_times.append(seconds)
                assert written == raw_written == len(rows), (written, raw_written)
                env.invalidate_all()
                ours_peak = peak(ours, export, tmp / "ours.xlsx")
                raw_peak = peak(raw, rows, counts, tmp / "raw.xlsx")
                sizes = (
                    (tmp / "ours.xlsx").stat().st_size,
                    (tmp / "raw.xlsx").stat().st_size,
                )
                cr.rollback()
            best_ours, best_raw = min(ours_times), min(raw_times)
            results.append((label, written, best_ours, best_raw, ours_peak, raw_peak))
            say(
                f"\n{label}: {written} cases "
                f"(files {sizes[0] / 1e6:.1f} MB / {sizes[1] / 1e6:.1f} MB)"
            )
            say(f"  ours (ORM read + xlsxwriter)  {best_ours:7.2f} s")
            say(f"  raw xlsxwriter, same rows     {best_raw:7.2f} s")
            say(f"  => ratio {best_ours / best_raw:.2f}x (target <= 1.5x)")
            say(
                f"  peak Python memory: ours {ours_peak / 1e6:.1f} MB, "
                f"raw {raw_peak / 1e6:.1f} MB"
            )
        shutil.rmtree(tmp, ignore_errors=True)
        (small, large) = results[0], results[-1]
        say(
            f"\nMemory from {small[1]} to {large[1]} cases: ours "
            f"{small[4] / 1e6:.1f} -> {large[4] / 1e6:.1f} MB, raw "
            f"{small[5] / 1e6:.1f} -> {large[5] / 1e6:.1f} MB (target: flat)"
        )
        return results
    finally:
        odoo.sql_db.close_db(db)
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists", db], check=False)


if __name__ == "__main__":
    main()

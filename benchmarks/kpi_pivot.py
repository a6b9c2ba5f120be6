#!/usr/bin/env python3
"""Benchmark of complaint_kpi's pivot and dashboard (issue 14 item 7).

Creates a throwaway database with ``complaint_kpi`` (no demo data), fills it
by set-based INSERTs with tickets received over the last 365 days in four
city branches under a province (steps, channels, kinds, grades,
classifications, dispatch, revisits, satisfaction, sampling, handling
hours) and one or two deadline lines per ticket with stored outcomes, then
at each size of ``--tickets`` (100,000 and 1,000,000 by default, the data
grows from one size to the next) times, in the same run:

* **pivot**: the KPI analysis pivot's default ``read_group`` (company ×
  month, tickets and five indicator values, computed from the summed
  pairs) as a head-office user through the ORM (record rules included),
  against the equivalent raw SQL ``GROUP BY`` over the same view;
* **dashboard**: loading the KPI dashboard (``search_read`` of this month's
  rows with the computed values and verdicts) against a raw select of the
  same rows.

Each timing is the median of ``--repeat`` runs, ORM and SQL in turn. Run it
with Odoo's Python, from the repository root::

    /opt/odoo18/venv/bin/python benchmarks/kpi_pivot.py [--tickets 100000 1000000]

The database is dropped at the end unless ``--keep``.
"""

import argparse
import statistics
import subprocess
import time

from benchlib import DEFAULT_CONF, Bench, install, say

TARGET = 1.5


def median_time(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def setup_org(bench):
    """A province with four city branches, a team and five handlers each."""
    from odoo import Command

    with bench.cursor() as cr:
        env = bench.env(cr)
        head = env.ref("base.main_company")
        province = env["res.company"].create(
            {"name": "Bench Province", "parent_id": head.id}
        )
        cities = env["res.company"].create(
            [{"name": f"Bench City {n}", "parent_id": province.id} for n in range(4)]
        )
        companies = head | province | cities
        env.ref("base.user_admin").company_ids = [Command.set(companies.ids)]
        teams, users = [], []
        for city in cities:
            teams.append(
                env["helpdesk.ticket.team"].create(
                    {"name": f"Bench team {city.name}", "company_id": city.id}
                )
            )
            users.append(
                env["res.users"].create(
                    [
                        {
                            "name": f"Bench handler {city.name} {n}",
                            "login": f"bench_{city.id}_{n}",
                            "company_id": city.id,
                            "company_ids": [Command.set(city.ids)],
                            "groups_id": [
                                Command.link(
                                    env.ref("complaint_core.group_complaint_staff").id
                                )
                            ],
                        }
                        for n in range(5)
                    ]
                )
            )
        cr.commit()
        return {
            "cities": cities.ids,
            "teams": [t.id for t in teams],
            "users": [u.ids for u in users],
            "companies": companies.ids,
        }


TICKETS_SQL = """
    INSERT INTO helpdesk_ticket (
        name, description, number, stage_id, company_id, team_id, user_id,
        first_contact_user_id, complaint_kind, complaint_step, org_level,
        channel_id, channel_code, classification_id, grade_id,
        complainant_count, repeat_count, reexamination_count, escalation_count,
        date_received, date_dispatched, date_revisit, revisit_declined,
        satisfaction, substantiation, kpi_sample, closed_date,
        kpi_handling_hours, active, priority, kanban_state,
        create_uid, create_date, write_uid, write_date, last_stage_update)
    SELECT 'Bench ticket ' || n, '<p>Bench</p>', 'K' || lpad(n::text, 8, '0'),
           st.stage, c.company, c.team, c.handler, c.handler,
           CASE WHEN h %% 10 = 0 THEN 'consultation' ELSE 'complaint' END,
           st.step, 'city',
           ch.channels[1 + n %% array_length(ch.channels, 1)],
           ch.codes[1 + n %% array_length(ch.codes, 1)],
           cl.ids[1 + (h / 7) %% array_length(cl.ids, 1)],
           gr.ids[1 + (h / 11) %% array_length(gr.ids, 1)],
           1, CASE WHEN h %% 17 = 0 THEN 1 ELSE 0 END, 0, 0,
           r.received,
           CASE WHEN h %% 3 = 0 THEN r.received + interval '2 hours' END,
           CASE WHEN st.step = 'closed' AND h %% 5 <> 0
                THEN r.received + interval '4 days' END,
           h %% 23 = 0,
           CASE WHEN st.step IN ('closed', 'replied', 'revisit')
                THEN (ARRAY['satisfied', 'basically_satisfied', 'satisfied',
                            'dissatisfied'])[1 + h %% 4] END,
           CASE WHEN st.step = 'closed'
                THEN (ARRAY['substantiated', 'partly_substantiated',
                            'unsubstantiated'])[1 + (h / 3) %% 3] END,
           CASE WHEN h %% 5 = 0 THEN
                (CASE WHEN h %% 50 = 0 THEN 'unqualified' ELSE 'qualified' END)
           END,
           CASE WHEN st.step = 'closed' THEN r.received + interval '5 days' END,
           CASE WHEN st.step = 'closed' THEN 8 + (h %% 400) / 10.0 END,
           TRUE, '1', 'normal', 1, r.received, 1, r.received, r.received
      FROM generate_series(%(first)s, %(last)s) AS n
     CROSS JOIN LATERAL (
         SELECT ((n::bigint * 2654435761) %% 1000003)::int AS h) AS hh
     CROSS JOIN LATERAL (
         SELECT %(now)s::timestamp
                - make_interval(secs => (h %% 1000003) * 31536000.0 / 1000003)
                AS received) AS r
     CROSS JOIN LATERAL (
         SELECT (%(stages)s::int[])[1 + h %% 20] AS stage,
                (%(steps)s::text[])[1 + h %% 20] AS step) AS st
     CROSS JOIN LATERAL (
         SELECT (%(cities)s::int[])[1 + n %% 4] AS company,
                (%(teams)s::int[])[1 + n %% 4] AS team,
                (%(users)s::int[])[1 + (n %% 4) * 5 + (n / 4) %% 5] AS handler) AS c
     CROSS JOIN (SELECT %(channels)s::int[] AS channels,
                        %(codes)s::text[] AS codes) AS ch
     CROSS JOIN (SELECT %(classifications)s::int[] AS ids) AS cl
     CROSS JOIN (SELECT %(grades)s::int[] AS ids) AS gr
"""

DEADLINES_SQL = """
    INSERT INTO complaint_ticket_deadline (
        ticket_id, step, end_step, start, deadline, state, outcome, late_hours,
        create_uid, create_date, write_uid, write_date)
    SELECT t.id, l.step, l.end_step, t.date_received,
           t.date_received + interval '3 days',
           CASE WHEN l.outcome IS NULL THEN 'open' ELSE 'done' END,
           l.outcome,
           CASE WHEN l.outcome = 'missed' THEN 1 + (t.id %% 40) ELSE 0 END,
           1, t.date_received, 1, t.date_received
      FROM helpdesk_ticket t
     CROSS JOIN LATERAL (
         VALUES ('received', 'closed',
                 CASE WHEN t.complaint_step IN ('received', 'dispatched', 'handling')
                      THEN NULL
                      WHEN t.id %% 9 = 0 THEN 'missed' ELSE 'met' END),
                ('handling', NULL,
                 CASE WHEN t.complaint_step IN ('received', 'dispatched')
                      THEN NULL
                      WHEN t.id %% 13 = 0 THEN 'missed' ELSE 'met' END)
     ) AS l(step, end_step, outcome)
     WHERE t.id > %(after)s AND (l.step = 'received' OR t.id %% 5 <> 0)
"""

# Step of a ticket by h % 20: mostly closed, some running, rejected, merged.
STEPS = (
    ["closed"] * 12
    + ["handling", "handling", "replied", "revisit", "received", "dispatched"]
    + ["rejected", "merged"]
)


def add_tickets(bench, org, first, last, now):
    with bench.cursor() as cr:
        env = bench.env(cr)
        stages = [env.ref(f"complaint_core.stage_{step}").id for step in STEPS]
        channels = env["helpdesk.ticket.channel"].search([])
        classifications = env["complaint.classification"].search([])
        grades = env["complaint.grade"].search([("scheme", "=", "telecom_upgrade")])
        cr.execute("SELECT COALESCE(MAX(id), 0) FROM helpdesk_ticket")
        after = cr.fetchone()[0]
        started = time.perf_counter()
        cr.execute(
            TICKETS_SQL,
            {
                "first": first,
                "last": last,
                "now": now,
                "stages": stages,
                "steps": STEPS,
                "cities": org["cities"],
                "teams": org["teams"],
                "users": [uid for ids in org["users"] for uid in ids],
                "channels": channels.ids,
                "codes": [c.complaint_channel_code or "other" for c in channels],
                "classifications": classifications.ids,
                "grades": grades.ids,
            },
        )
        cr.execute(DEADLINES_SQL, {"after": after})
        lines = cr.rowcount
        cr.commit()
        # Steady state: statistics and visibility map as autovacuum leaves them.
        for table in ("helpdesk_ticket", "complaint_ticket_deadline"):
            subprocess.run(
                [
                    "psql",
                    "-q",
                    "-d",
                    bench.registry.db_name,
                    "-c",
                    f"VACUUM ANALYZE {table}",
                ],
                check=True,
            )
        say(
            f"  tickets {first:,}..{last:,} and {lines:,} deadline lines inserted "
            f"in {time.perf_counter() - started:.0f} s"
        )


# ---------------------------------------------------------------------------
# Timings
# ---------------------------------------------------------------------------

PIVOT_VALUES = [
    "on_time_closure",
    "first_time_resolution",
    "satisfaction",
    "flow_timeliness",
    "average_delay",
]


def pivot_orm(env):
    fields_ = ["ticket_count:sum"] + [f"{code}_value" for code in PIVOT_VALUES]
    return env["complaint.kpi.report"].read_group(
        [("complaint_kind", "=", "complaint")],
        fields_,
        ["company_id", "day:month"],
        lazy=False,
    )


def pivot_sql(cr):
    sums = ", ".join(f"SUM({code}_num), SUM({code}_den)" for code in PIVOT_VALUES)
    cr.execute(
        f"""
        SELECT company_id, date_trunc('month', day), COUNT(*), {sums}
          FROM complaint_kpi_report
         WHERE complaint_kind = 'complaint'
      GROUP BY 1, 2
        """
    )
    return cr.fetchall()


DASHBOARD_FIELDS = [
    "company_id",
    "indicator",
    "period_kind",
    "value",
    "target_display",
    "state",
    "numerator",
    "denominator",
]


def dashboard_orm(env):
    env.invalidate_all()
    return env["complaint.kpi.dashboard"].search_read(
        [("period_kind", "=", "month")], DASHBOARD_FIELDS
    )


def dashboard_sql(cr):
    cr.execute(
        "SELECT id, company_id, indicator, period_kind, numerator, denominator"
        " FROM complaint_kpi_dashboard WHERE period_kind = 'month'"
    )
    return cr.fetchall()


def measure(bench, org, size, repeat):
    admin_id = None
    with bench.cursor() as cr:
        env = bench.env(cr)
        admin_id = env.ref("base.user_admin").id
    with bench.cursor() as cr:
        env = bench.env(cr, admin_id, {"allowed_company_ids": org["companies"]})
        rows = pivot_orm(env)  # warm up (registry, caches, plans)
        pivot_sql(cr)
        orm_times, sql_times = [], []
        for _ in range(repeat):
            env.invalidate_all()
            orm_times.append(median_time(lambda: pivot_orm(env), 1))
            sql_times.append(median_time(lambda: pivot_sql(cr), 1))
        orm, raw = statistics.median(orm_times), statistics.median(sql_times)
        say(
            f"  {size:>9,} tickets  pivot read_group {orm * 1000:8.0f} ms  "
            f"raw SQL GROUP BY {raw * 1000:8.0f} ms  ratio {orm / raw:5.2f}x  "
            f"({len(rows)} groups)"
        )
        dashboard_orm(env)
        d_orm_times, d_sql_times = [], []
        for _ in range(repeat):
            d_orm_times.append(median_time(lambda: dashboard_orm(env), 1))
            d_sql_times.append(median_time(lambda: dashboard_sql(cr), 1))
        d_orm, d_raw = statistics.median(d_orm_times), statistics.median(d_sql_times)
        count = len(dashboard_orm(env))
        say(
            f"  {size:>9,} tickets  dashboard load  {d_orm * 1000:8.0f} ms  "
            f"raw SQL select   {d_raw * 1000:8.0f} ms  ratio {d_orm / d_raw:5.2f}x  "
            f"({count} cards)"
        )
        cr.rollback()
        return orm / raw, d_orm / d_raw


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conf", default=str(DEFAULT_CONF))
    parser.add_argument("--db", default="kpi_pivot_bench")
    parser.add_argument("--tickets", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="use the database as it is"
    )
    args = parser.parse_args()

    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.conf, "-d", args.db])
    from datetime import datetime

    now = datetime.utcnow().replace(microsecond=0)
    say(f"complaint_kpi pivot benchmark, target ≤ {TARGET}x ({now:%Y-%m-%d})")
    if not args.reuse:
        install(args.conf, args.db, "complaint_kpi")
    bench = Bench(args.db)
    with bench.cursor() as cr:
        cr.execute("SELECT COUNT(*) FROM helpdesk_ticket")
        have = cr.fetchone()[0]
    org = setup_org(bench) if not args.reuse else None
    if org is None:
        with bench.cursor() as cr:
            env = bench.env(cr)
            cities = env["res.company"].search([("name", "like", "Bench City")])
            org = {
                "cities": cities.ids,
                "teams": env["helpdesk.ticket.team"]
                .search([("name", "like", "Bench team")])
                .ids,
                "users": [
                    env["res.users"]
                    .search([("login", "like", f"bench_{c}_")], order="id")
                    .ids
                    for c in cities.ids
                ],
                "companies": env["res.company"].search([]).ids,
            }
    results = []
    done = have
    for size in sorted(args.tickets):
        if size > done:
            add_tickets(bench, org, done + 1, size, now)
            done = size
        results.append((size, *measure(bench, org, size, args.repeat)))
    say("")
    for size, pivot, dashboard in results:
        verdict = "ok" if max(pivot, dashboard) <= TARGET else "over target"
        say(
            f"  {size:>9,} tickets: pivot {pivot:.2f}x, dashboard {dashboard:.2f}x"
            f" ({verdict})"
        )
    odoo.sql_db.close_all()
    if not args.keep:
        subprocess.run(["dropdb", "--if-exists", args.db], check=True)


if __name__ == "__main__":
    main()

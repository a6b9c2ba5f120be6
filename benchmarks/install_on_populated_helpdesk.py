#!/usr/bin/env python3
"""Cost of installing complaint_core on a helpdesk that is already in use.

Creates two throwaway databases with helpdesk_mgmt (no demo data): one empty,
one with N existing tickets spread over the helpdesk's stages (inserted in
SQL). It then times, in the same run:

* installing complaint_core on the empty helpdesk (fixed cost: loading the
  module, its views and data);
* installing it on the populated one;
* a baseline of two plain UPDATEs that touch every ticket row once
  (``UPDATE helpdesk_ticket SET name = name``), i.e. the floor for any
  install that fills new columns.

and prints the marginal cost of the N tickets and its ratio to the baseline.
A per-record ORM recompute would cost minutes on 100,000 tickets; the
set-based pre_init_hook keeps the marginal cost a small multiple of the
baseline.

    python3 benchmarks/install_on_populated_helpdesk.py [--tickets 100000]

Needs an installed Odoo 18 (found like scripts/suite does) and PostgreSQL.
"""

import argparse
import importlib.machinery
import importlib.util
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def load_suite():
    path = str(REPO / "scripts" / "suite")
    loader = importlib.machinery.SourceFileLoader("suite", path)
    spec = importlib.util.spec_from_loader("suite", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def psql(db, sql):
    out = subprocess.run(
        ["psql", "-X", "-q", "-At", "-d", db, "-c", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def timed(cmd, **kw):
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, **kw)
    return time.perf_counter() - start


def seed_tickets(db, count):
    psql(
        db,
        f"""
        INSERT INTO helpdesk_ticket
            (number, name, description, company_id, stage_id, user_id,
             partner_name, priority, kanban_state, active, create_uid,
             write_uid, create_date, write_date, last_stage_update)
        SELECT 'LEG' || lpad(g::text, 7, '0'), 'Legacy ticket ' || g,
               '<p>existing</p>', 1,
               (SELECT id FROM helpdesk_ticket_stage ORDER BY id
                 OFFSET (g % (SELECT count(*) FROM helpdesk_ticket_stage))
                 LIMIT 1),
               CASE WHEN g % 2 = 0 THEN 2 END, 'Customer ' || g, '1', 'normal',
               true, 1, 1, now() - (g % 400) * interval '1 day', now(), now()
          FROM generate_series(1, {count}) g
        """,
    )
    psql(db, "ANALYZE helpdesk_ticket")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    args = parser.parse_args()
    suite = load_suite()
    odoo, why = suite.find_odoo()
    if not odoo:
        sys.exit(f"Odoo 18 not found: {why}")
    if not suite.CONF.exists():
        suite.write_conf(odoo)
    empty, full = "bench_install_empty", "bench_install_full"
    try:
        for db in (empty, full):
            suite.dropdb(db)
            subprocess.run(
                suite.odoo_cmd(
                    odoo,
                    "-d",
                    db,
                    "-i",
                    "helpdesk_mgmt",
                    "--without-demo=all",
                    "--stop-after-init",
                    "--log-level=warn",
                ),
                check=True,
                env=odoo.env(),
                stdout=subprocess.DEVNULL,
            )
        seed_tickets(full, args.tickets)
        start = time.perf_counter()
        psql(full, "UPDATE helpdesk_ticket SET name = name")
        psql(full, "UPDATE helpdesk_ticket SET name = name")
        baseline = time.perf_counter() - start
        install = [
            "-i",
            "complaint_core",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ]
        t_empty = timed(suite.odoo_cmd(odoo, "-d", empty, *install), env=odoo.env())
        t_full = timed(suite.odoo_cmd(odoo, "-d", full, *install), env=odoo.env())
        kept = int(
            psql(
                full,
                "SELECT count(*) FROM helpdesk_ticket WHERE complaint_step IS NOT NULL",
            )
        )
    finally:
        for db in (empty, full):
            suite.dropdb(db)
    marginal = t_full - t_empty
    print(f"tickets seeded               : {args.tickets}")
    print(f"tickets with a lifecycle step: {kept}")
    print(f"baseline (2 full-table UPDATEs): {baseline:8.2f} s")
    print(f"install on empty helpdesk    : {t_empty:8.2f} s")
    print(f"install on populated helpdesk: {t_full:8.2f} s")
    print(
        f"marginal cost of the tickets : {marginal:8.2f} s "
        f"= {marginal / baseline:5.1f}x baseline"
    )
    return 0 if kept == args.tickets else 1


if __name__ == "__main__":
    sys.exit(main())

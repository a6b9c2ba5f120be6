"""What the benchmark scripts share: finding Odoo, installing addons into a
throwaway database, and a registry to work in. Imported by the scripts of
this folder (run as ``python benchmarks/<script>.py``)."""

import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CONF = REPO / ".odoo" / "odoo.conf"


def say(message):
    print(message, flush=True)


def odoo_command():
    """The ``odoo`` / ``odoo-bin`` command on PATH, run by this Python."""
    exe = shutil.which("odoo") or shutil.which("odoo-bin")
    if not exe:
        sys.exit("No odoo / odoo-bin command on PATH")
    return [sys.executable, exe]


def install(conf, db, modules, create=True):
    """Install ``modules`` without demo data into ``db`` (dropped and created
    anew unless ``create`` is false), and say how long it took."""
    if create:
        subprocess.run(["dropdb", "--if-exists", db], check=True)
        subprocess.run(["createdb", db], check=True)
    cmd = [
        *odoo_command(),
        "-c",
        str(conf),
        "-d",
        db,
        "-i",
        modules,
        "--without-demo=all",
        "--stop-after-init",
        "--log-level=warn",
        "--no-http",
    ]
    started = time.perf_counter()
    subprocess.run(cmd, check=True)
    say(f"  installed {modules} in {db} ({time.perf_counter() - started:.0f} s)")


class Bench:
    """A fresh registry of ``db`` (it may have gained modules since)."""

    def __init__(self, db):
        import odoo
        from odoo.modules.registry import Registry

        self.odoo = odoo
        self.registry = Registry.new(db)

    def env(self, cr, uid=None, context=None):
        return self.odoo.api.Environment(
            cr, uid or self.odoo.SUPERUSER_ID, context or {}
        )

    def cursor(self):
        return self.registry.cursor()

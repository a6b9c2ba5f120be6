# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""complaint_kpi's access matrix, from the restricted user's side (the
convention of complaint_core's test_access_matrix): R read (search, read,
read_group), W write, C create, U unlink. Frozen figures (snapshots,
periods, their lines) and accountability proposals are written by the
addon's own code only: nobody writes them directly."""

from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import KpiCommon

ROLES = ("staff_a", "manager_a", "manager_p", "head_admin", "portal")
EXPECTED = {
    "complaint.kpi.fact": ("", "R", "R", "R", ""),
    "complaint.kpi.report": ("", "R", "R", "R", ""),
    "complaint.kpi.dashboard": ("", "R", "R", "R", ""),
    "complaint.kpi.snapshot": ("", "R", "R", "R", ""),
    "complaint.kpi.period": ("", "R", "R", "R", ""),
    "complaint.kpi.period.line": ("", "R", "R", "R", ""),
    "complaint.kpi.target": ("", "R", "R", "RWCU", ""),
    "complaint.staff.record": ("", "R", "R", "R", ""),
    "complaint.staff.consequence": ("", "R", "R", "R", ""),
}
WRITES = {
    "complaint.kpi.snapshot": {"denominator": 99},
    "complaint.kpi.period": {"label": "x"},
    "complaint.kpi.period.line": {"numerator": 99},
    "complaint.kpi.target": {"value": 50},
    "complaint.staff.record": {"company_id": False},
    "complaint.staff.consequence": {"state": "applied"},
}
REFUSED = (AccessError, UserError, ValidationError)


class _Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestKpiAccessMatrix(KpiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = cls.env["res.users"].create(
            {
                "name": "KPI portal",
                "login": "kpi_portal",
                "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])],
            }
        )
        cls.env["complaint.kpi.snapshot"]._cron_snapshot(today=date(2025, 3, 11))
        cls.tickets["T3"].sudo().write(
            {
                "grade_id": cls.env.ref(
                    "complaint_core.grade_hospital_service_attitude_grade_3"
                ).id,
                "grade_manual": True,
                "kpi_staff_user_id": cls.staff_a.id,
                "kpi_grade_confirmed_on": date(2025, 3, 31),
            }
        )
        cls.env.cr.execute(
            "UPDATE helpdesk_ticket SET date_received = now() - interval '1 minute'"
            " WHERE id = %s",
            [cls.tickets["T1"].id],
        )
        cls.env.invalidate_all()

    def _record(self, model):
        domain = [("company_id", "=", self.city_a.id)]
        if model == "complaint.kpi.target":
            domain = []
        record = self.env[model].search(domain, limit=1)
        self.assertTrue(record, model)
        return record

    def _allowed(self, user, model, op):
        record = self._as(self._record(model), user)
        Model = self._as(self.env[model], user)
        if op == "R":
            try:
                found = Model.search([("id", "=", record.id)])
                found.read()
                Model.read_group([], ["id:count"], [])
                return bool(found)
            except REFUSED:
                return False
        actions = {
            "W": lambda: record.write(WRITES.get(model, {"id": record.id})),
            "C": lambda: Model.create(
                {
                    "indicator": "on_time_closure",
                    "company_id": self.city_b.id,
                    "value": 90,
                }
                if model == "complaint.kpi.target"
                else {}
            ),
            "U": lambda: record.unlink(),
        }
        try:
            with self.env.cr.savepoint():
                actions[op]()
                self.env.flush_all()
                raise _Rollback
        except _Rollback:
            return True
        except REFUSED:
            return False

    def test_kpi_access_matrix(self):
        failures = []
        for model, allowed_by_role in EXPECTED.items():
            for role, allowed in zip(ROLES, allowed_by_role, strict=True):
                user = getattr(self, role)
                for op in "RWCU":
                    expected = op in allowed
                    got = self._allowed(user, model, op)
                    if got != expected:
                        failures.append(
                            f"{model} × {role} × {op}: expected "
                            f"{'allowed' if expected else 'refused'}, got "
                            f"{'allowed' if got else 'refused'}"
                        )
        self.assertFalse(failures, "\n" + "\n".join(failures))

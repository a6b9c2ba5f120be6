# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestKpiAccess(KpiCommon):
    """Branch users see their own company's figures and their sub-branches';
    head office sees all (the tickets' branch rules, issue 14)."""

    def _companies(self, model, user):
        Model = self._as(self.env[model], user)
        groups = Model.read_group(
            [],
            ["ticket_count:sum"] if "report" in model else ["denominator:sum"],
            ["company_id"],
        )
        return {g["company_id"][0] for g in groups}

    def test_city_manager_sees_own_city_only(self):
        seen = self._companies("complaint.kpi.report", self.manager_a)
        self.assertEqual(seen, {self.city_a.id})
        group = self._group([], user=self.manager_a)
        # T13 of city B is not counted: city A's 6 decided complaints.
        self.assertEqual(group["on_time_closure_den"], 6)
        facts = self._as(self.env["complaint.kpi.fact"], self.manager_a).search([])
        self.assertEqual(facts.company_id, self.city_a)

    def test_province_manager_sees_sub_branches(self):
        seen = self._companies("complaint.kpi.report", self.manager_p)
        self.assertEqual(seen, {self.city_a.id, self.city_b.id})
        self.assertEqual(self._group([], user=self.manager_p)["on_time_closure_den"], 7)

    def test_dashboard_rows_of_own_branches(self):
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET date_received = now() - interval '1 minute'"
            " WHERE id = ANY(%s)",
            [[t.id for t in self.tickets.values()]],
        )
        rows = self._as(self.env["complaint.kpi.dashboard"], self.manager_a).search([])
        self.assertEqual(rows.company_id, self.city_a)
        head = self._as(self.env["complaint.kpi.dashboard"], self.head_admin).search([])
        self.assertLessEqual(
            self.province | self.city_a | self.city_b | self.head_office,
            head.company_id,
        )

    def test_staff_cannot_read_kpis(self):
        with self.assertRaises(AccessError):
            self._as(self.env["complaint.kpi.report"], self.staff_a).search([])

    def test_only_head_office_edits_targets(self):
        target = self.env["complaint.kpi.target"].search([], limit=1)
        with self.assertRaises(AccessError):
            self._as(target, self.manager_p).write({"value": 1})
        self._as(target, self.head_admin).write({"value": 90})
        self.assertEqual(target.value, 90)

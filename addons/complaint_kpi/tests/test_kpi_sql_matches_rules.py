# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools
from decimal import Decimal

from odoo.tests import tagged

from complaint_rules import kpi

from ..models.kpi_sql import TICKET_INDICATORS
from .common import KpiCommon

# Every reading of the open definitions that changes a count
# (KpiSettings.target_comparison only changes the verdict).
VARIANTS = [
    kpi.KpiSettings(
        satisfaction_base=base, pending=pending, unsampled=unsampled, handling_base=h
    )
    for base, pending, unsampled, h in itertools.product(
        ("surveyed", "all"),
        ("exclude", "missed"),
        ("exclude", "valid"),
        ("closed", "all"),
    )
]


@tagged("post_install", "-at_install")
class TestKpiSqlMatchesRules(KpiCommon):
    """The SQL pairs of complaint.kpi.report equal
    complaint_rules.kpi.counts() and evaluate() on the facts read back from
    complaint.kpi.fact with the deadline lines themselves: every indicator
    (S000-R126..R132, S000-R142..R148, S000-R150), every settings variant,
    over every ticket of the database (the seeded set and the demo data)."""

    def test_sql_equals_pure_formula_for_every_setting(self):
        Fact = self.env["complaint.kpi.fact"]
        facts = Fact.search([])._ticket_facts()
        self.assertGreaterEqual(len(facts), len(self.tickets))
        companies = self.env["res.company"].search([])
        Report = self.env["complaint.kpi.report"]
        for settings in VARIANTS:
            companies.write(
                {
                    "kpi_satisfaction_base": settings.satisfaction_base,
                    "kpi_pending": settings.pending,
                    "kpi_unsampled": settings.unsampled,
                    "kpi_handling_base": settings.handling_base,
                }
            )
            self.env.flush_all()
            names = [
                f"{ind.code}_{part}"
                for ind in TICKET_INDICATORS
                for part in ("num", "den")
            ]
            group = Report.read_group([], names, [])[0]
            for ind in TICKET_INDICATORS:
                with self.subTest(indicator=ind.code, settings=settings):
                    pure = kpi.counts(ind, facts, settings)
                    sql_num = Decimal(str(group[f"{ind.code}_num"] or 0))
                    self.assertEqual(
                        sql_num.quantize(Decimal("0.0001")),
                        Decimal(pure.numerator).quantize(Decimal("0.0001")),
                    )
                    if ind.method != "external":
                        self.assertEqual(group[f"{ind.code}_den"], pure.denominator)
                        result = kpi.evaluate(ind, facts, settings)
                        value = Report._kpi_value(
                            ind, group[f"{ind.code}_num"], group[f"{ind.code}_den"]
                        )
                        expected = (
                            False if result.value is None else float(result.value)
                        )
                        self.assertEqual(value, expected)

    def test_per_company_groups_match(self):
        """Per company, too: a group's SQL sums equal the pure counts of the
        facts of that company (S000-R133 dimensions)."""
        facts = self.env["complaint.kpi.fact"].search([])._ticket_facts()
        groups = self.env["complaint.kpi.report"].read_group(
            [],
            [f"{ind.code}_{p}" for ind in TICKET_INDICATORS for p in ("num", "den")],
            ["company_id"],
        )
        for group in groups:
            company = group["company_id"][0]
            rows = [f for f in facts if f.company == company]
            for ind in TICKET_INDICATORS:
                pure = kpi.counts(ind, rows)
                with self.subTest(company=company, indicator=ind.code):
                    self.assertAlmostEqual(
                        group[f"{ind.code}_num"], float(pure.numerator), places=4
                    )
                    if ind.method != "external":
                        self.assertEqual(group[f"{ind.code}_den"], pure.denominator)

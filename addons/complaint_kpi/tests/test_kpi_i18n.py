# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import PoFileReader, TranslationModuleReader

from .common import KpiCommon


@tagged("post_install", "-at_install")
class TestKpiI18n(KpiCommon):
    """zh_CN is complete and the KPI messages reach a zh_CN manager in
    Chinese (issue 14)."""

    def test_every_term_has_a_zh_cn_translation(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        path = file_path("complaint_kpi/i18n/zh_CN.po")
        with open(path, "rb") as handle:
            translated = {
                entry["src"] for entry in PoFileReader(handle) if entry["value"]
            }
        terms = {
            entry[4]
            for entry in TranslationModuleReader(
                self.env.cr, ["complaint_kpi"], lang="zh_CN"
            )
            if entry[0] == "complaint_kpi"
        }
        self.assertFalse(terms - translated)

    def test_error_in_the_managers_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "complaint_kpi")]
        )._update_translations(["zh_CN"])
        self.manager_a.lang = "zh_CN"
        period = self.env["complaint.kpi.period"]._get_or_create(
            self.city_a, "month", self.tickets["T1"].date_received.date()
        )
        with self.assertRaisesRegex(UserError, "请填写重新生成该KPI统计周期的原因"):
            self._as(period, self.manager_a).action_regenerate("")

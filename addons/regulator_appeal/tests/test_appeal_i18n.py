# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.complaint_core.tests.test_i18n import LANG, load_zh_cn, untranslated

from .common import AppealCommon, utc


@tagged("post_install", "-at_install")
class TestAppealI18n(AppealCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)

    def test_no_english_left(self):
        """Every term of the addon has its zh_CN translation."""
        self.assertEqual(untranslated(self.env, "regulator_appeal"), [])

    def test_duplicate_reference_message_in_chinese(self):
        """A zh_CN clerk reads the duplicate-reference refusal in Chinese,
        over RPC too (no lang in the context)."""
        first = self._appeal("GXB-ZH-1", utc(2024, 9, 2, 10))
        self.staff_b.lang = LANG
        with self.assertRaises(ValidationError) as caught:
            self._appeal("GXB-ZH-1", utc(2024, 9, 3, 10), user=self.staff_b)
        message = str(caught.exception)
        self.assertIn("已登记在工单", message)
        self.assertIn(first.number, message)

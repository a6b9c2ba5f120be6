# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every term of whistleblower_reward_sla (its SLA policies' names and
notes, the deadline messages of a report's acknowledgement) has its zh_CN
value."""

from odoo.tests import TransactionCase, tagged

from odoo.addons.complaint_core.tests.test_i18n import (
    LANG,
    is_english,
    load_zh_cn,
    untranslated,
)


@tagged("post_install", "-at_install")
class TestI18nWhistleblowerSla(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_zh_cn(cls.env)

    def test_every_term_of_whistleblower_reward_sla(self):
        self.assertEqual(untranslated(self.env, "whistleblower_reward_sla"), [])

    def test_policies_in_chinese(self):
        """The opening policies' names and notes, as a zh_CN user lists
        them."""
        policies = (
            self.env["complaint.sla.policy"]
            .with_context(lang=LANG, active_test=False)
            .search([("code", "=like", "whistleblower_report_%")])
        )
        self.assertEqual(len(policies), 2)
        self.assertFalse(
            [p.code for p in policies if is_english(p.name) or is_english(p.note)]
        )

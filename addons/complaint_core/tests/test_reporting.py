# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What managers and head office read (issue 11, items 6 and 8): the
configuration in readable labels rather than codes, and the managers'
reporting."""

import shutil
import subprocess
import unicodedata
from datetime import datetime, timedelta

import pytz
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import ComplaintCommon
from .test_i18n import LANG, load_zh_cn


@tagged("post_install", "-at_install")
class TestReadableConfiguration(ComplaintCommon):
    def test_grading_scheme_is_a_record_with_its_code(self):
        """Head office picks a scheme record; the code stays what grading
        looks up, both ways in sync."""
        Scheme = self.env["complaint.grading.scheme"]
        telecom = self.env.ref("complaint_core.grading_scheme_telecom_upgrade")
        self.assertEqual(telecom.code, "telecom_upgrade")
        self.city_a.complaint_grade_scheme_id = telecom
        self.assertEqual(self.city_a.complaint_grade_scheme, "telecom_upgrade")
        self.city_a.complaint_grade_scheme = "property_management"
        self.assertEqual(
            self.city_a.complaint_grade_scheme_id,
            self.env.ref("complaint_core.grading_scheme_property_management"),
        )
        # Every scheme code of the grades has its record.
        codes = set(
            self.env["complaint.grade"]
            .with_context(active_test=False)
            .search([])
            .mapped("scheme")
        )
        self.assertEqual(
            codes
            - set(Scheme.with_context(active_test=False).search([]).mapped("code")),
            set(),
        )

    def test_grades_grouped_by_scheme_name(self):
        groups = self.env["complaint.grade"].read_group(
            [], ["scheme_id"], ["scheme_id"]
        )
        labels = [g["scheme_id"][1] for g in groups if g["scheme_id"]]
        self.assertIn("Telecom: appeal and upgrade levels", labels)
        self.assertNotIn("telecom_upgrade", labels)
        # A colour index is no quantity: no sum in the group rows.
        color = self.env["complaint.grade"].fields_get(["color"], ["aggregator"])
        self.assertFalse(color["color"].get("aggregator"))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "complaint_core.complaint_grade_action"
        )
        self.assertIn("search_default_group_scheme", action["context"])
        search = self.env["complaint.grade"].get_views([(False, "search")])["views"]
        arch = etree.fromstring(search["search"]["arch"])
        self.assertEqual(
            arch.xpath("//filter[@name='group_scheme']/@context"),
            ["{'group_by': 'scheme_id'}"],
        )

    def test_new_scheme_code_gets_its_record(self):
        grade = self.env["complaint.grade"].create(
            {"name": "Test grade", "code": "t1", "scheme": "tour_test_scheme"}
        )
        self.assertEqual(grade.scheme_id.code, "tour_test_scheme")
        # Picking another scheme moves the grade's code with it.
        grade.scheme_id = self.env.ref("complaint_core.grading_scheme_custom")
        self.assertEqual(grade.scheme, "custom")

    def test_complaint_settings_in_the_helpdesk_block(self):
        """The complaint settings sit in the Helpdesk app of Settings, not at
        the bottom of General Settings."""
        views = self.env["res.config.settings"].get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        block = arch.xpath("//block[@name='complaint_settings']")
        self.assertEqual(len(block), 1)
        app = block[0].getparent()
        self.assertEqual(app.tag, "app")
        self.assertEqual(app.get("name"), "helpdesk_mgmt")
        self.assertTrue(block[0].xpath(".//field[@name='complaint_grade_scheme_id']"))

    def test_delegation_condition_reads_as_a_sentence(self):
        """Conditions read like the rulebook, not like Python."""
        Rule = self.env["complaint.delegation.rule"]
        vals = {
            "amount_measure": "refund_over_cash_value",
            "amount_upper_set": True,
            "amount_upper": 2000,
            "amount_upper_inclusive": True,
            "pct_upper_set": True,
            "pct_upper": 70,
            "pct_upper_inclusive": True,
            "key": "t",
            "rule_ref": "t",
        }
        en = Rule.with_context(lang="en_US").new(vals).band_text
        self.assertEqual(
            en,
            "Refund over cash value up to 2,000 yuan (inclusive) and at most "
            "70% of the total premium",
        )
        self.assertNotIn("<", en)
        both = Rule.with_context(lang="en_US").new(
            dict(vals, amount_lower_set=True, amount_lower=2000, amount_upper=10000)
        )
        self.assertIn("from 2,000 yuan (exclusive) to 10,000 yuan", both.band_text)
        load_zh_cn(self.env)
        zh = Rule.with_context(lang=LANG).new(vals).band_text
        self.assertEqual(
            zh, "超过现金价值的退费金额 2,000 元以内（含）且不超过总保费 70%"
        )

    def test_wizards_titled_by_their_action(self):
        load_zh_cn(self.env)
        Wizard = self.env["complaint.action.wizard"].with_context(lang=LANG)
        titles = {
            action: Wizard._action_title(action)
            for action in (
                "dispatch",
                "reply",
                "revisit",
                "close",
                "reject",
                "reexamine",
                "escalate",
            )
        }
        self.assertEqual(
            titles,
            {
                "dispatch": "派单",
                "reply": "答复",
                "revisit": "回访",
                "close": "办结",
                "reject": "不予受理",
                "reexamine": "复查",
                "escalate": "升级",
            },
        )

    def test_settlement_reject_is_not_non_acceptance(self):
        """The settlement's reject button says 驳回, not 不予受理."""
        load_zh_cn(self.env)
        views = (
            self.env["complaint.settlement.decision.wizard"]
            .with_context(lang=LANG)
            .get_views([(False, "form")])
        )
        arch = etree.fromstring(views["views"]["form"]["arch"])
        self.assertEqual(
            arch.xpath("//button[@name='action_reject']/@string"), ["驳回"]
        )

    def test_dispatch_handler_of_the_handling_unit(self):
        """The handler list offers internal users of the handling unit and
        its sub-branches; another branch's user is refused."""
        field = self.env["complaint.action.wizard"]._fields["user_id"]
        self.assertIn("('share', '=', False)", field.domain)
        self.assertIn("('company_id', 'child_of', unit_company_id)", field.domain)
        ticket = self._ticket()
        Wizard = self.env["complaint.action.wizard"].with_user(self.staff_a)
        wizard = Wizard.create(
            {
                "ticket_id": ticket.id,
                "action": "dispatch",
                "unit_company_id": self.city_a.id,
                "user_id": self.staff_b.id,
                "instructions": "Check the roaming records.",
                "deadline": self._deadline(),
            }
        )
        with self.assertRaisesRegex(UserError, "Test City A"):
            wizard.action_confirm()
        self.assertEqual(ticket.complaint_step, "received")
        # The province's handling unit may take a city user of its own.
        wizard.write({"unit_company_id": self.province.id, "user_id": self.staff_a.id})
        wizard.action_confirm()
        self.assertEqual(ticket.complaint_step, "dispatched")

    def test_status_bar_shows_the_lifecycle_stages(self):
        """Complaint tickets show only the lifecycle stages in the status bar;
        tickets in old helpdesk stages stay reachable by a filter."""
        views = self.env["helpdesk.ticket"].get_views(
            [(False, "form"), (False, "search")]
        )
        form = etree.fromstring(views["views"]["form"]["arch"])
        self.assertEqual(
            form.xpath("//header/field[@name='stage_id']/@domain"),
            ["[('complaint_preferred', '=', True)]"],
        )
        search = etree.fromstring(views["views"]["search"]["arch"])
        old = search.xpath("//filter[@name='old_helpdesk_stages']/@domain")
        self.assertEqual(old, ["[('stage_id.complaint_preferred', '=', False)]"])
        lifecycle_stages = self.env["helpdesk.ticket.stage"].search(
            [("complaint_preferred", "=", True)]
        )
        self.assertEqual(
            set(lifecycle_stages.mapped("complaint_step")),
            {
                "received",
                "dispatched",
                "handling",
                "replied",
                "revisit",
                "closed",
                "rejected",
                "merged",
            },
        )


@tagged("post_install", "-at_install")
class TestReporting(ComplaintCommon):
    """Managers' complaints pivot and graph (issue 11 item 8)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(cls.staff_a)
        cls.ticket_b = cls._ticket(cls.staff_b)
        cls.ticket_ho = cls._ticket(cls.head_admin, company=cls.head_office)

    def test_manager_sees_the_reporting_menu_and_action(self):
        menu = self.env.ref("complaint_core.complaint_report_menu")
        reporting = self.env.ref("helpdesk_mgmt.helpdesk_ticket_reporting_menu")
        Menu = self.env["ir.ui.menu"]
        visible = Menu.with_user(self.manager_p)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        self.assertIn(reporting.id, visible)
        self.assertNotIn(menu.id, Menu.with_user(self.staff_a)._visible_menu_ids())
        action = (
            self.env["ir.actions.act_window"]
            .with_user(self.manager_p)
            ._for_xml_id("complaint_core.helpdesk_ticket_complaint_report_action")
        )
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        self.assertTrue(action["view_mode"].startswith("pivot,graph"))
        pivot = self.env.ref("complaint_core.helpdesk_ticket_complaint_view_pivot")
        arch = etree.fromstring(pivot.arch)
        self.assertEqual(arch.xpath("//field[@type='row']/@name"), ["company_id"])
        self.assertEqual(arch.xpath("//field[@type='col']/@name"), ["complaint_step"])

    def test_manager_pivot_counts_only_their_branches(self):
        Ticket = self._as(self.env["helpdesk.ticket"], self.manager_p)
        groups = Ticket.read_group(
            [("id", "in", (self.ticket_a | self.ticket_b | self.ticket_ho).ids)],
            ["company_id"],
            ["company_id", "complaint_step"],
            lazy=False,
        )
        companies = {g["company_id"][0] for g in groups}
        self.assertEqual(companies, {self.city_a.id, self.city_b.id})
        self.assertEqual(sum(g["__count"] for g in groups), 2)
        # By classification and grade as well.
        for field in ("classification_id", "grade_id", "complaint_step"):
            rows = Ticket.read_group([], ["company_id"], [field])
            self.assertTrue(rows)


@tagged("post_install", "-at_install")
class TestDispatchOrderPdf(HttpCase):
    """The 交办单 prints as a PDF with Debian's wkhtmltopdf (issue 11 item
    7): its text, read back with pdftotext, carries the order number, the
    handling unit, the instructions and the deadline in local time."""

    def test_dispatch_order_pdf_text(self):
        if not shutil.which("wkhtmltopdf"):
            self.skipTest("wkhtmltopdf is not installed: no PDF to check")
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext (poppler-utils) is not installed")
        company = self.env.ref("base.main_company")
        company.partner_id.tz = "Asia/Shanghai"
        unit = self.env["res.company"].create(
            {"name": "苏州交办测试分公司", "parent_id": company.id}
        )
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "漫游费争议",
                "description": "<p>关机期间被收取漫游费。</p>",
                "company_id": company.id,
            }
        )
        # 17:00 in Shanghai, three days ahead.
        local = datetime.now(pytz.timezone("Asia/Shanghai")).replace(
            hour=17, minute=0, second=0, microsecond=0
        ) + timedelta(days=3)
        deadline = local.astimezone(pytz.utc).replace(tzinfo=None)
        result = ticket.complaint_dispatch(
            unit, "请核实漫游记录并答复投诉人。<b>不是标签</b>", deadline
        )
        order = self.env["complaint.dispatch.order"].browse(result["dispatch_order_id"])
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "complaint_core.complaint_dispatch_order_report", order.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        text = subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode()
        # pdftotext may map CJK glyphs to their compatibility forms.
        text = unicodedata.normalize("NFKC", text)
        self.assertIn(order.number, text)
        self.assertIn("苏州交办测试分公司", text)
        self.assertIn("请核实漫游记录并答复投诉人。", text)
        # Instructions are text: markup typed in them is shown, not lost.
        self.assertIn("<b>不是标签</b>", text)
        self.assertIn(local.strftime("%Y-%m-%d") + " 17:00 CST", text)
        self.assertNotIn("<p>", text)

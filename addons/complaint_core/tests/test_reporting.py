# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What managers and head office read (issue 11, items 6 and 8): the
configuration in readable labels rather than codes, and the managers'
reporting."""

from lxml import etree

from odoo.tests import tagged

from .common import ComplaintCommon


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
            codes - set(Scheme.with_context(active_test=False).search([]).mapped("code")),
            set(),
        )

    def test_grades_grouped_by_scheme_name(self):
        groups = self.env["complaint.grade"].read_group(
            [], ["scheme_id"], ["scheme_id"]
        )
        labels = [g["scheme_id"][1] for g in groups if g["scheme_id"]]
        self.assertIn("Telecom: appeal and upgrade levels", labels)
        self.assertNotIn("telecom_upgrade", labels)
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

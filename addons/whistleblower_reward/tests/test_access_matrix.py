# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix of the addon's models, from the restricted user's side
(the convention of complaint_core's test_access_matrix): R read (search
finds the record and read succeeds), W write of a plain field, C create,
U unlink. The sealed identity is read by the investigator holding a grant
only (S000-R018); requests and the log are history."""

from odoo.tests import tagged

from odoo.addons.complaint_core.tests.access_matrix import AccessMatrixMixin

from .common import WhistleblowerCommon

ROLES = (
    "staff_a",
    "manager_a",
    "head_admin",
    "investigator",  # holds the granted request
    "investigator_2",  # no grant
    "custodian",
    "portal_user",
)
EXPECTED = {
    "identity": ("", "", "", "RW", "", "", ""),
    # Granted: decided, so nobody edits it; investigators file new ones.
    "request": ("", "", "", "RC", "C", "R", ""),
    "log": ("", "", "", "", "", "R", ""),
    "receipt": ("", "", "", "", "", "", ""),
    "attempt": ("", "", "", "", "", "", ""),
}


@tagged("post_install", "-at_install")
class TestWhistleblowerAccessMatrix(AccessMatrixMixin, WhistleblowerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls._report()
        cls.other_report = cls._report(name="Second report")
        Request = cls.env["whistleblower.identity.request"]
        cls.request = Request.with_user(cls.investigator).create(
            {"ticket_id": cls.report.id, "reason": "Witness interview needed."}
        )
        cls.request.with_user(cls.custodian).action_grant()
        cls.env["whistleblower.receipt"]._issue(cls.report)
        Identity = cls.env["whistleblower.identity"]
        cls.records = {
            "identity": (
                Identity.search([("ticket_id", "=", cls.report.id)]),
                {"note": "x"},
            ),
            "request": (cls.request, {"reason": "Another reason."}),
            "log": (
                cls.env["whistleblower.identity.log"].search(
                    [("ticket_id", "=", cls.report.id)], limit=1
                ),
                {"note": "x"},
            ),
            "receipt": (
                cls.env["whistleblower.receipt"].search(
                    [("ticket_id", "=", cls.report.id)]
                ),
                {"code": "ABCDEFGHJKMN"},
            ),
            "attempt": (
                cls.env["whistleblower.follow.attempt"]
                .sudo()
                .create({"code": "ABCDEFGHJKMN", "address_hash": "x" * 64}),
                {"success": True},
            ),
        }

    def _create_vals(self, key):
        return {
            "identity": {"ticket_id": self.other_report.id, "name": "Someone"},
            "request": {"ticket_id": self.other_report.id, "reason": "Needed."},
            "log": {"ticket_id": self.report.id, "event": "read"},
            "receipt": {
                "ticket_id": self.report.id,
                "code": "ZZZZZZZZZZZZ",
                "secret_hash": "x",
            },
            "attempt": {"code": "ZZZZZZZZZZZZ", "address_hash": "y" * 64},
        }[key]

    def test_matrix(self):
        """Every model × role × operation as EXPECTED."""
        self._assert_matrix(ROLES, EXPECTED)

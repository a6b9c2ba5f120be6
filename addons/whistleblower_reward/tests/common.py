# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from odoo.addons.complaint_core.tests.common import ComplaintCommon

INVESTIGATOR = "whistleblower_reward.group_whistleblower_investigator"
CUSTODIAN = "whistleblower_reward.group_whistleblower_custodian"

# The reporter's details: none of these strings may reach a non-investigator.
REPORTER_NAME = "Whistle Wang Xiaoming"
REPORTER_PHONE = "13912345678"
REPORTER_EMAIL = "wang.xiaoming@example.com"


class WhistleblowerCommon(ComplaintCommon):
    """complaint_core's companies and roles plus investigators and a
    custodian of city A, and a portal user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.investigator = cls._user("wb_investigator", "staff", cls.city_a)
        cls.investigator.groups_id = [Command.link(cls.env.ref(INVESTIGATOR).id)]
        cls.investigator_2 = cls._user("wb_investigator_2", "staff", cls.city_a)
        cls.investigator_2.groups_id = [Command.link(cls.env.ref(INVESTIGATOR).id)]
        cls.custodian = cls._user("wb_custodian", "staff", cls.city_a)
        cls.custodian.groups_id = [Command.link(cls.env.ref(CUSTODIAN).id)]
        cls.manager_a = cls._user("wb_manager_a", "manager", cls.city_a)
        cls.portal_user = cls.env["res.users"].create(
            {
                "name": "Portal Li",
                "login": "wb_portal",
                "groups_id": [Command.set([cls.env.ref("base.group_portal").id])],
            }
        )
        cls.reporter_partner = cls.env["res.partner"].create(
            {"name": REPORTER_NAME, "email": REPORTER_EMAIL, "mobile": REPORTER_PHONE}
        )

    @classmethod
    def _report(cls, user=None, anonymous=False, **vals):
        """A report filed by ``user`` (branch staff of city A by default):
        real-name with the reporter's details typed into the form, or
        anonymous."""
        values = {
            "complaint_kind": "report",
            "name": "Kickbacks on the canteen contract",
            "description": "<p>The canteen supplier pays the buyer.</p>",
            "wb_subject": "Purchasing office",
            "complainant_anonymous": anonymous,
            # complaint_core's fixture names a complainant partner: none here.
            "partner_id": False,
        }
        if not anonymous:
            values.update(
                wb_identity_name=REPORTER_NAME,
                wb_identity_phone=REPORTER_PHONE,
                wb_identity_email=REPORTER_EMAIL,
            )
        values.update(vals)
        user = user or cls.staff_a
        company = vals.get("company_id") and cls.env["res.company"].browse(
            vals["company_id"]
        )
        ticket = cls._ticket(user=user, company=company or None, **values)
        return ticket

    def _grant(self, ticket, investigator=None, custodian=None):
        """A granted identity-access request of ``investigator``."""
        investigator = investigator or self.investigator
        custodian = custodian or self.custodian
        request = (
            self.env["whistleblower.identity.request"]
            .with_user(investigator)
            .create({"ticket_id": ticket.id, "reason": "Witness interview needed."})
        )
        request.with_user(custodian).action_grant()
        return request

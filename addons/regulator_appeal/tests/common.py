# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import pytz

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.complaint_core.tests.common import ComplaintCommon

CST = pytz.timezone("Asia/Shanghai")


def utc(year, month, day, hour=0, minute=0):
    """A Beijing time as the naive UTC datetime Odoo stores."""
    local = CST.localize(datetime(year, month, day, hour, minute))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def local(value):
    """A naive UTC datetime as Beijing time (naive)."""
    return pytz.utc.localize(value).astimezone(CST).replace(tzinfo=None)


class AppealCommon(ComplaintCommon):
    """complaint_core's companies and users, a compliance user per level and
    the shipped telecom ministry body (S000-R151) with its plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ministry = cls.env.ref("regulator_appeal.regulator_body_telecom_ministry")
        cls.association = cls.env.ref(
            "regulator_appeal.regulator_body_consumers_association"
        )
        cls.plan = cls.env.ref("regulator_appeal.regulator_appeal_plan_telecom_appeal")
        cls.compliance_p = cls._compliance(
            "ra_compliance_p", cls.province, cls.city_a | cls.city_b
        )
        cls.compliance_a = cls._compliance("ra_compliance_a", cls.city_a)
        cls.partner_li = cls.env["res.partner"].create({"name": "李先生"})

    @classmethod
    def _compliance(cls, login, company, other_companies=None):
        companies = company | (other_companies or company.browse())
        return new_test_user(
            cls.env,
            login=login,
            groups="regulator_appeal.group_regulator_compliance",
            company_id=company.id,
            company_ids=[Command.set(companies.ids)],
        )

    @classmethod
    def _appeal(cls, ref, received, user=None, **vals):
        """An appeal forwarded by the telecom ministry, received ``received``
        (naive UTC), registered by ``user`` (branch staff of city A)."""
        values = {
            "name": "申诉：漫游费争议",
            "regulator_body_id": cls.ministry.id,
            "regulator_ref": ref,
            "appeal_source": "ministry",
            "appeal_filed": "filed",
            "appeal_received_at": received,
            "regulator_received_at": received,
            "channel_id": cls.env.ref("complaint_core.channel_regulator").id,
        }
        values.update(vals)
        return cls._ticket(user=user, **values)

    @staticmethod
    def _plan_lines(ticket):
        lines = ticket.sudo().sla_deadline_ids.filtered("appeal_stage")
        return {line.appeal_stage: line for line in lines}

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import pytz

from odoo import Command

from odoo.addons.complaint_core.tests.common import ComplaintCommon

SHANGHAI = pytz.timezone("Asia/Shanghai")


def utc(*args):
    """Naive UTC (as Odoo stores it) of a Shanghai wall-clock time."""
    return SHANGHAI.localize(datetime(*args)).astimezone(pytz.utc).replace(tzinfo=None)


def eod(year, month, day):
    """End of a Shanghai day (23:59:59), seed-000 §11, as naive UTC."""
    return utc(year, month, day, 23, 59, 59)


class SlaCommon(ComplaintCommon):
    """complaint_core's branches and users, the shipped presets switched off,
    the China working time with 2024 and 2025 generated from chinese-calendar,
    and a factory for policies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["complaint.sla.policy"].search([]).active = False
        # The scans under test see only the clocks the tests open: running
        # clocks of demo data (the other addons' too, e.g. appeals received
        # in 2024) are set aside for the test's transaction.
        cls.env.flush_all()
        cls.env.cr.execute(
            "UPDATE complaint_ticket_deadline SET state = 'cancelled', "
            "warn_due = NULL, breach_due = NULL "
            "WHERE state IN ('open', 'paused') OR warn_due IS NOT NULL "
            "OR breach_due IS NOT NULL"
        )
        cls.env.invalidate_all()
        cls.calendar = cls.env.ref("complaint_sla.resource_calendar_china")
        Year = cls.env["complaint.sla.holiday.year"]
        for year in (2024, 2025):
            record = Year.search(
                [("calendar_id", "=", cls.calendar.id), ("year", "=", year)]
            ) or Year.create({"year": year, "calendar_id": cls.calendar.id})
            record.action_generate()
        cls.Deadline = cls.env["complaint.ticket.deadline"]
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "SLA test team",
                "user_id": cls.manager_p.id,
                "company_id": cls.city_a.id,
            }
        )

    @classmethod
    def _policy(cls, name, lines, **criteria):
        return cls.env["complaint.sla.policy"].create(
            {
                "name": name,
                "line_ids": [Command.create(line) for line in lines],
                **criteria,
            }
        )

    @staticmethod
    def _line(step="received", amount=24, unit="hours", end_step=False, **kw):
        return {
            "step": step,
            "amount": amount,
            "unit": unit,
            "end_step": end_step,
            **kw,
        }

    def _lines(self, ticket, **domain):
        lines = ticket.sla_deadline_ids
        for name, value in domain.items():
            lines = lines.filtered(lambda line, n=name, v=value: line[n] == v)
        return lines.sorted("id")

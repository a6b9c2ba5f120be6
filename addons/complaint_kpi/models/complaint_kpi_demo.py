# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.complaint_core.integrity import lifecycle

# (subject, days ago, step, escalated, dispatched, satisfaction, sample,
#  substantiation, classification, handling hours, deadline lines)
DEMO_TICKETS = [
    (
        "话费多扣,要求退还",
        2,
        "closed",
        False,
        False,
        "satisfied",
        "qualified",
        "substantiated",
        "billing_charges",
        12,
        [("met", 0), ("met", 0)],
    ),
    (
        "营业厅工作人员态度恶劣",
        3,
        "closed",
        False,
        True,
        "dissatisfied",
        "unqualified",
        "substantiated",
        "service_attitude",
        30,
        [("met", 0), ("missed", 5)],
    ),
    (
        "宽带报修超时未上门",
        5,
        "closed",
        False,
        True,
        "basically_satisfied",
        None,
        "partly_substantiated",
        "service_timeliness",
        46,
        [("missed", 9)],
    ),
    (
        "套餐变更未生效",
        6,
        "handling",
        False,
        False,
        None,
        None,
        None,
        "billing_charges",
        None,
        [(None, 0)],
    ),
    (
        "手机信号差,多次投诉未解决",
        8,
        "replied",
        False,
        False,
        "satisfied",
        None,
        None,
        "quality_network",
        None,
        [("met", 0), ("met", 0)],
    ),
    (
        "集团热线转办:国际漫游费争议",
        4,
        "closed",
        True,
        False,
        "satisfied",
        "qualified",
        "unsubstantiated",
        "billing_charges",
        20,
        [("met", 0), ("met", 0)],
    ),
    (
        "集团热线转办:客服推诿",
        9,
        "closed",
        True,
        True,
        "dissatisfied",
        None,
        "substantiated",
        "service_attitude",
        60,
        [("missed", 12)],
    ),
    (
        "集团热线转办:退费未到账",
        1,
        "handling",
        True,
        False,
        None,
        None,
        None,
        "billing_refund",
        None,
        [(None, 0), ("met", 0)],
    ),
    (
        "集团热线转办:靓号销售误导",
        12,
        "closed",
        True,
        False,
        "satisfied",
        "qualified",
        "partly_substantiated",
        "conduct_misselling",
        18,
        [("met", 0), ("met", 0)],
    ),
    (
        "积分兑换失败",
        15,
        "closed",
        False,
        False,
        "satisfied",
        "qualified",
        "unsubstantiated",
        "billing_refund",
        8,
        [("met", 0)],
    ),
]


class ComplaintKpiDemo(models.AbstractModel):
    _name = "complaint.kpi.demo"
    _description = "Complaint KPI demo data"

    @api.model
    def _seed(self):
        """Demo tickets in the main company giving every indicator a value
        (stored as the lifecycle and the SLA scans leave them), a customer
        base, a confirmed complaint on a person's record and frozen days."""
        env = self.env
        company = env.ref("base.main_company")
        company.kpi_customer_count = 12000
        Ticket = lifecycle(env["helpdesk.ticket"].with_company(company))
        stage = {
            step: env.ref(f"complaint_core.stage_{step}")
            for step in ("handling", "replied", "closed")
        }
        phone = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        superior = env.ref("complaint_core.channel_superior")
        now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        partner = env["res.partner"].create({"name": "李女士(演示)"})
        created = env["helpdesk.ticket"]
        for (
            subject,
            days,
            step,
            escalated,
            dispatched,
            satisfaction,
            sample,
            substantiation,
            classification,
            hours,
            lines,
        ) in DEMO_TICKETS:
            received = now - timedelta(days=days)
            ticket = Ticket.create(
                {
                    "name": subject,
                    "description": f"<p>{subject}(KPI 演示数据)</p>",
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "classification_id": env.ref(
                        f"complaint_core.classification_{classification}"
                    ).id,
                }
            )
            channel = superior if escalated else phone
            values = {
                "stage_id": stage[step].id,
                "complaint_step": step,
                "channel_id": channel.id,
                "channel_code": channel.complaint_channel_code,
                "date_received": received,
                "date_dispatched": received + timedelta(hours=2)
                if dispatched
                else None,
                "date_revisit": received + timedelta(days=3)
                if step == "closed" and satisfaction
                else None,
                "satisfaction": satisfaction,
                "kpi_sample": sample,
                "substantiation": substantiation,
                "closed_date": received + timedelta(days=4)
                if step == "closed"
                else None,
                "kpi_handling_hours": hours,
            }
            env.flush_all()
            env.cr.execute(
                SQL(
                    "UPDATE helpdesk_ticket SET %s WHERE id = %s",
                    SQL(", ").join(
                        SQL("%s = %s", SQL.identifier(key), value)
                        for key, value in values.items()
                    ),
                    ticket.id,
                )
            )
            env.cr.execute(
                SQL(
                    "DELETE FROM complaint_ticket_deadline WHERE ticket_id = %s",
                    ticket.id,
                )
            )
            for index, (outcome, late) in enumerate(lines):
                env.cr.execute(
                    SQL(
                        """INSERT INTO complaint_ticket_deadline
                               (ticket_id, step, end_step, start, deadline,
                                state, outcome, late_hours)
                           VALUES (%s, %s, %s, %s, %s, %s, %s, %s)""",
                        ticket.id,
                        "received" if index == 0 else "handling",
                        "closed" if index == 0 else None,
                        received,
                        received + timedelta(days=3),
                        "done" if outcome else "open",
                        outcome,
                        late,
                    )
                )
            created |= ticket
        # The suite's demo records go with it on uninstall (xmlids).
        env["ir.model.data"].create(
            [
                {
                    "module": "complaint_kpi",
                    "name": f"demo_kpi_ticket_{index}",
                    "model": "helpdesk.ticket",
                    "res_id": ticket.id,
                    "noupdate": True,
                }
                for index, ticket in enumerate(created, start=1)
            ]
            + [
                {
                    "module": "complaint_kpi",
                    "name": "demo_kpi_partner",
                    "model": "res.partner",
                    "res_id": partner.id,
                    "noupdate": True,
                }
            ]
        )
        env.invalidate_all()
        # A confirmed grade-3 complaint (S002-R038, S002-R042, S002-R047).
        attitude = created.filtered(lambda t: t.name == "营业厅工作人员态度恶劣")
        grade = env.ref(
            "complaint_core.grade_hospital_service_attitude_grade_3",
            raise_if_not_found=False,
        )
        staff = env.ref("base.user_demo", raise_if_not_found=False)
        if grade and staff and attitude:
            attitude.write(
                {
                    "grade_id": grade.id,
                    "grade_manual": True,
                    "kpi_staff_user_id": staff.id,
                    "kpi_grade_confirmed_on": fields.Date.context_today(self),
                }
            )
        # Frozen days and their periods.
        Snapshot = env["complaint.kpi.snapshot"]
        today = fields.Date.context_today(self)
        Snapshot._snapshot_days([today - timedelta(days=n) for n in range(1, 20)])
        env["complaint.kpi.period"]._refresh_for_day(today - timedelta(days=1))
        return created

# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.tools import SQL

from odoo.addons.complaint_core.tests.common import ComplaintCommon

# Received Monday 2025-03-10 10:00 in Shanghai (02:00 UTC).
RECEIVED = datetime(2025, 3, 10, 2, 0)
# Which tickets of the seeded set are in city A (T1..T12) and city B (T13).
SEEDED = {
    # step, kind, escalated, dispatched, revisit (None / "done" / "declined"),
    # satisfaction, sample, substantiation, conclusion, classification,
    # handling hours, deadline lines (step, end_step, outcome, late hours)
    "T1": dict(
        step="closed",
        revisit="done",
        satisfaction="satisfied",
        sample="qualified",
        substantiation="substantiated",
        classification="service_attitude",
        hours=10,
        lines=[("received", "closed", "met", 0), ("handling", None, "met", 0)],
    ),
    "T2": dict(
        step="closed",
        dispatched=True,
        revisit="done",
        satisfaction="dissatisfied",
        sample="unqualified",
        substantiation="unsubstantiated",
        classification="service_attitude",
        hours=20,
        lines=[("received", "closed", "met", 0), ("handling", None, "missed", 4)],
    ),
    "T3": dict(
        step="closed",
        revisit="declined",
        substantiation="partly_substantiated",
        classification="service_attitude",
        hours=30,
        lines=[("received", "closed", "missed", 6)],
    ),
    "T4": dict(step="handling", lines=[("received", "closed", None, 0)]),
    "T5": dict(
        step="replied",
        satisfaction="basically_satisfied",
        lines=[("received", "replied", "met", 0), ("handling", None, "met", 0)],
    ),
    "T6": dict(step="merged", lines=[("received", "closed", "met", 0)]),
    "T7": dict(step="rejected", lines=[("received", "closed", "missed", 3)]),
    "T8": dict(
        step="closed", kind="suggestion", lines=[("received", "closed", "met", 0)]
    ),
    "T9": dict(
        step="closed",
        escalated=True,
        revisit="done",
        satisfaction="satisfied",
        sample="qualified",
        hours=8,
        lines=[("received", "closed", "met", 0), ("handling", None, "met", 0)],
    ),
    "T10": dict(
        step="closed",
        escalated=True,
        revisit="done",
        satisfaction="dissatisfied",
        conclusion=True,
        classification="service_timeliness",
        hours=40,
        lines=[("received", "closed", "missed", 2)],
    ),
    "T11": dict(
        step="handling",
        escalated=True,
        lines=[("received", "closed", None, 0), ("received", None, "met", 0)],
    ),
    "T12": dict(step="closed", revisit="done", satisfaction="satisfied", hours=5),
    "T13": dict(
        step="closed",
        company="city_b",
        revisit="done",
        satisfaction="satisfied",
        hours=3,
        lines=[("received", "closed", "met", 0)],
    ),
}


class KpiCommon(ComplaintCommon):
    """The seeded set of SEEDED: facts stored as the lifecycle and the SLA
    scans leave them (step, dates, decisions, deadline outcomes)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager_a = cls._user("kpi_manager_a", "manager", cls.city_a)
        cls.tickets = {}
        for name, spec in SEEDED.items():
            company = getattr(cls, spec.get("company", "city_a"))
            staff = cls.staff_a if company == cls.city_a else cls.staff_b
            ticket = cls._ticket(user=staff, company=company, name=name)
            cls._store_facts(ticket, spec)
            cls.tickets[name] = ticket
        cls.env.invalidate_all()

    @classmethod
    def _store_facts(cls, ticket, spec):
        env = cls.env
        stage = cls.stage[spec["step"]]
        channel = env.ref(
            "complaint_core.channel_superior"
            if spec.get("escalated")
            else "helpdesk_mgmt.helpdesk_ticket_channel_phone"
        )
        classification = spec.get("classification")
        values = {
            "stage_id": stage.id,
            "complaint_step": spec["step"],
            "complaint_kind": spec.get("kind", "complaint"),
            "channel_id": channel.id,
            "channel_code": channel.complaint_channel_code,
            "date_received": RECEIVED,
            "date_dispatched": RECEIVED + timedelta(hours=1)
            if spec.get("dispatched")
            else None,
            "date_revisit": RECEIVED + timedelta(days=3)
            if spec.get("revisit")
            else None,
            "revisit_declined": spec.get("revisit") == "declined",
            "satisfaction": spec.get("satisfaction"),
            "kpi_sample": spec.get("sample"),
            "substantiation": spec.get("substantiation"),
            "closing_conclusion_id": cls.conclusion.id
            if spec.get("conclusion")
            else None,
            "classification_id": env.ref(
                f"complaint_core.classification_{classification}"
            ).id
            if classification
            else cls.classification.id,
            "closed_date": RECEIVED + timedelta(days=4)
            if spec["step"] == "closed"
            else None,
            "kpi_handling_hours": spec.get("hours"),
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
            SQL("DELETE FROM complaint_ticket_deadline WHERE ticket_id = %s", ticket.id)
        )
        for step, end_step, outcome, late in spec.get("lines", ()):
            env.cr.execute(
                SQL(
                    """INSERT INTO complaint_ticket_deadline
                           (ticket_id, step, end_step, start, deadline, state,
                            outcome, late_hours)
                       VALUES (%s, %s, %s, %s, %s, %s, %s, %s)""",
                    ticket.id,
                    step,
                    end_step,
                    RECEIVED,
                    RECEIVED + timedelta(days=2),
                    "done" if outcome else "open",
                    outcome,
                    late,
                )
            )

    def _group(self, domain=None, model="complaint.kpi.report", user=None):
        """The report's totals over ``domain`` (city A by default)."""
        Report = self.env[model]
        if user:
            Report = self._as(Report, user)
        if domain is None:
            domain = [("company_id", "=", self.city_a.id)]
        names = [
            name
            for name, field in Report._fields.items()
            if name.endswith(("_num", "_den", "_value")) and field.store
        ]
        groups = Report.read_group(domain, names, [])
        return groups[0]

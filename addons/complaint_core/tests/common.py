# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.complaint_core.integrity import lifecycle
from odoo.addons.complaint_core.models.helpdesk_ticket import PROTECTED_FIELDS


class ComplaintCommon(TransactionCase):
    """Head office -> province -> two city branches, one user per role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.head_office = cls.env.ref("base.main_company")
        cls.province = Company.create(
            {"name": "Test Province", "parent_id": cls.head_office.id}
        )
        cls.city_a = Company.create(
            {"name": "Test City A", "parent_id": cls.province.id}
        )
        cls.city_b = Company.create(
            {"name": "Test City B", "parent_id": cls.province.id}
        )
        all_companies = cls.head_office | cls.province | cls.city_a | cls.city_b
        cls.staff_a = cls._user("cc_staff_a", "staff", cls.city_a)
        cls.staff_b = cls._user("cc_staff_b", "staff", cls.city_b)
        cls.manager_p = cls._user(
            "cc_manager_p", "manager", cls.province, cls.city_a | cls.city_b
        )
        cls.head_admin = cls._user(
            "cc_head_admin", "head_office", cls.head_office, all_companies
        )
        cls.stage = {
            step: cls.env.ref(f"complaint_core.stage_{step}")
            for step in (
                "received",
                "dispatched",
                "handling",
                "replied",
                "revisit",
                "closed",
                "rejected",
                "merged",
            )
        }
        cls.conclusion = cls.env.ref(
            "complaint_core.closing_conclusion_enterprise_fault"
        )
        cls.reason_remit = cls.env.ref("complaint_core.rejection_reason_outside_remit")
        cls.classification = cls.env.ref(
            "complaint_core.classification_billing_charges"
        )
        cls.partner = cls.env["res.partner"].create({"name": "Complainant Zhang"})

    @classmethod
    def _user(cls, login, role, company, other_companies=None):
        """A user of complaint group ``role`` working in ``company`` (and in
        ``other_companies``)."""
        companies = company | (other_companies or company.browse())
        return new_test_user(
            cls.env,
            login=login,
            groups=f"complaint_core.group_complaint_{role}",
            company_id=company.id,
            company_ids=[Command.set(companies.ids)],
        )

    @classmethod
    def _assign_role(cls, code, company, users):
        """``users`` hold approver role ``code`` in ``company`` (replacing the
        holders demo data may have put there)."""
        role = cls.env.ref(f"complaint_core.approval_role_{code}")
        Assignment = cls.env["complaint.approval.assignment"]
        values = {
            "role_id": role.id,
            "company_id": company.id,
            "user_ids": [Command.set(users.ids)],
        }
        existing = Assignment.search(
            [("role_id", "=", role.id), ("company_id", "=", company.id)]
        )
        if existing:
            existing.write(values)
        else:
            Assignment.create(values)

    @classmethod
    def _ticket(cls, user=None, company=None, **vals):
        user = user or cls.staff_a
        company = company or user.company_id
        values = {
            "name": "Disputed charges",
            "description": "<p>Billed for roaming while the phone was off.</p>",
            "company_id": company.id,
            "stage_id": cls.stage["received"].id,
            "partner_id": cls.partner.id,
            "classification_id": cls.classification.id,
        }
        values.update(vals)
        Ticket = cls.env["helpdesk.ticket"].with_user(user).with_company(company)
        if PROTECTED_FIELDS & set(values):
            # Fixtures set e.g. the receipt time as the lifecycle would; a
            # client cannot (test_integrity). The ticket returned is plain.
            ticket = Ticket.browse(lifecycle(Ticket).create(values).ids)
        else:
            ticket = Ticket.create(values)
        # Close the creation's tracking batch, as a real request would, so
        # later changes are tracked in the chatter.
        cls.env.flush_all()
        cls.env.cr.precommit.run()
        return ticket

    @staticmethod
    def _as(record, user):
        """``record`` as ``user`` working in all of their companies."""
        return record.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def _end_request(self):
        """Flush and run the commit hooks (tracking), as the end of a request
        does; each UI action is its own request."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def _deadline(self):
        """Two days ahead, on the minute (dispatch deadlines lie ahead)."""
        return fields.Datetime.now().replace(second=0, microsecond=0) + timedelta(
            days=2
        )

    def _tracked_values(self, ticket, field_name):
        """(old, new) display values of every tracking message on a field."""
        ticket.env.flush_all()
        ticket.env.cr.precommit.run()  # tracking values are written at commit
        ticket.invalidate_recordset(["message_ids"])
        tracking = ticket.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == field_name
        )
        return [
            (
                t.old_value_char or t.old_value_integer,
                t.new_value_char or t.new_value_integer,
            )
            for t in tracking.sorted("id")
        ]

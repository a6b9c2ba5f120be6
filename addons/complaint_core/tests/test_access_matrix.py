# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Access matrix: every suite model × role × operation, from the restricted
user's side (issue 9, "Done when").

Data-driven: a model joins the matrix with one entry in ``MODELS`` (how to
find its record, a plain field to write, a protected field, values to
create) and one line per role in ``EXPECTED``. Operations:

R  read, search and read_group all succeed (and all fail without)
E  export (Odoo 18: only with "Allow export"; head office has it here)
W  write of a plain field
P  write of a protected field (step dates, counters, states, decisions):
   nobody, head office included, writes those directly
C  create
U  unlink
"""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import ComplaintCommon

ROLES = (
    "staff_a",
    "staff_b",
    "manager_p",
    "head_admin",
    "supervisor",
    "portal_owner",
    "portal_other",
    "public",
)

# model key -> allowed operations per role (same order as ROLES).
EXPECTED = {
    # A ticket of city branch A, of portal_owner.
    "ticket": ("RWC", "", "RWC", "REWCU", "RWC", "R", "", ""),
    # A pending settlement of that ticket; its approver is supervisor.
    "settlement": ("RC", "", "RC", "REC", "RC", "", "", ""),
    # Its item, frozen since submission.
    "settlement_line": ("R", "", "R", "RE", "R", "", "", ""),
    # An item of a draft proposal: editable by who may change the proposal.
    "draft_line": ("RWCU", "", "RWCU", "REWCU", "RWCU", "", "", ""),
    # The dispatch order of a dispatched ticket (handled by city A).
    "dispatch_order": ("R", "", "R", "RE", "R", "", "", ""),
    # The escalation of a city-A ticket to the province.
    "escalation": ("R", "", "R", "RE", "R", "", "", ""),
}

REFUSED = (AccessError, UserError, ValidationError)


@tagged("post_install", "-at_install")
class TestAccessMatrix(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.supervisor = cls._user("cc_mx_supervisor", "staff", cls.city_a)
        cls._assign_role("supervisor", cls.city_a, cls.supervisor)
        cls.portal_owner = new_test_user(
            cls.env, login="cc_mx_portal_owner", groups="base.group_portal"
        )
        cls.portal_other = new_test_user(
            cls.env, login="cc_mx_portal_other", groups="base.group_portal"
        )
        cls.public = ref("base.public_user")
        cls.head_admin.groups_id |= ref("base.group_allow_export")
        cls.item = ref("complaint_core.settlement_item_agent_change")
        cls.ticket = cls._ticket(
            user=cls.head_admin,
            company=cls.city_a,
            partner_id=cls.portal_owner.partner_id.id,
        )
        Settlement = cls.env["complaint.settlement"].with_user(cls.staff_a)
        cls.settlement = Settlement.create(
            {
                "ticket_id": cls.ticket.id,
                "line_ids": [Command.create({"item_id": cls.item.id})],
            }
        )
        cls.settlement.action_submit()
        cls.draft = Settlement.create(
            {
                "ticket_id": cls.ticket.id,
                "line_ids": [Command.create({"item_id": cls.item.id})],
            }
        )
        dispatched = cls._ticket(user=cls.head_admin, company=cls.city_a)
        dispatched.complaint_dispatch(
            cls.city_a,
            "Handle it.",
            fields.Datetime.now().replace(microsecond=0) + timedelta(days=2),
        )
        cls.order = dispatched.dispatch_order_ids
        escalated = cls._ticket(user=cls.head_admin, company=cls.city_a)
        escalated.complaint_escalate("Beyond the branch.")
        cls.escalation = escalated.escalation_ids
        cls.models = {
            "ticket": {
                "record": cls.ticket,
                "write": {"description": "<p>more detail</p>"},
                "protected": {"date_received": "2020-01-01 00:00:00"},
                "create": lambda: {
                    "name": "Matrix ticket",
                    "description": "<p>x</p>",
                    "company_id": cls.city_a.id,
                },
            },
            "settlement": {
                "record": cls.settlement,
                "write": None,
                "protected": {"state": "approved"},
                "create": lambda: {"ticket_id": cls.ticket.id},
            },
            "settlement_line": {
                "record": cls.settlement.line_ids,
                "write": {"note": "changed after submission"},
                "protected": {"role_id": False},
                "create": lambda: {
                    "settlement_id": cls.settlement.id,
                    "item_id": cls.item.id,
                },
            },
            "draft_line": {
                "record": cls.draft.line_ids,
                "write": {"note": "still a draft"},
                "protected": {"rule_refs": "S001-R014"},
                "create": lambda: {
                    "settlement_id": cls.draft.id,
                    "item_id": cls.item.id,
                },
            },
            "dispatch_order": {
                "record": cls.order,
                "write": None,
                "protected": {"deadline": "2030-01-01 00:00:00"},
                "create": lambda: {
                    "ticket_id": cls.ticket.id,
                    "unit_company_id": cls.city_a.id,
                    "instructions": "A second order",
                    "deadline": "2030-01-01 00:00:00",
                },
            },
            "escalation": {
                "record": cls.escalation,
                "write": None,
                "protected": {"reason": "rewritten history"},
                "create": lambda: {
                    "ticket_id": cls.ticket.id,
                    "from_company_id": cls.city_a.id,
                    "to_company_id": cls.province.id,
                    "reason": "forged",
                },
            },
        }

    def _env_of(self, user, record):
        return record.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    def _allowed(self, user, key, op):
        spec = self.models[key]
        record = self._env_of(user, spec["record"])
        Model = record.browse()
        if op == "R":
            results = [
                self._try(lambda: bool(record.read(["display_name"]))),
                self._try(lambda: bool(Model.search([("id", "in", record.ids)]))),
                self._try(
                    lambda: bool(
                        Model.read_group([("id", "in", record.ids)], [], [])[0][
                            "__count"
                        ]
                    )
                ),
            ]
            self.assertEqual(
                len(set(results)),
                1,
                f"{key} × {user.login}: read/search/read_group disagree {results}",
            )
            return results[0]
        actions = {
            "E": lambda: bool(record.export_data(["create_date"])["datas"]),
            "W": lambda: record.write(spec["write"]),
            "P": lambda: record.write(spec["protected"]),
            "C": lambda: Model.create(spec["create"]()),
            "U": lambda: record.unlink(),
        }
        return self._try(actions[op])

    def _try(self, action):
        """True if ``action`` succeeds (then undone), False if refused."""
        try:
            with self.env.cr.savepoint():
                result = action()
                self.env.flush_all()
                if result is False:
                    return False
                raise _Rollback
        except _Rollback:
            return True
        except REFUSED:
            return False

    def test_access_matrix(self):
        users = {role: getattr(self, role) for role in ROLES}
        failures = []
        for key, allowed_by_role in EXPECTED.items():
            for role, allowed in zip(ROLES, allowed_by_role, strict=True):
                for op in "REWPCU":
                    if op == "W" and self.models[key]["write"] is None:
                        continue
                    expected = op in allowed
                    got = self._allowed(users[role], key, op)
                    if got != expected:
                        failures.append(
                            f"{key} × {role} × {op}: expected "
                            f"{'allowed' if expected else 'refused'}, got "
                            f"{'allowed' if got else 'refused'}"
                        )
        self.assertFalse(failures, "\n" + "\n".join(failures))

    def test_every_suite_model_is_in_the_matrix_or_configuration(self):
        """A new model hanging off a ticket must join the matrix: every model
        of the suite with a many2one to helpdesk.ticket or to a model in the
        matrix is covered."""
        covered = {self.models[key]["record"]._name for key in EXPECTED}
        hanging = {
            field.model
            for field in self.env["ir.model.fields"].search(
                [
                    ("ttype", "=", "many2one"),
                    ("relation", "in", ["helpdesk.ticket", *covered]),
                    ("model_id.transient", "=", False),
                    ("store", "=", True),
                ]
            )
            if field.model.startswith("complaint.")
        }
        # complaint_sla and later addons add their own models to their own
        # matrices; this one holds complaint_core's.
        core = {
            m.model
            for m in self.env["ir.model"].search([("model", "in", list(hanging))])
            if "complaint_core" in m.modules.split(", ")
        }
        self.assertLessEqual(core, covered)


class _Rollback(Exception):
    """Undo an allowed operation so the next one starts from the same data."""

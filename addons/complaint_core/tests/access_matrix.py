# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access-matrix check the addons' tests share: R read (search finds
the record and read succeeds), W write of a plain field, C create, U
unlink, each tried as the user and undone."""

from odoo.exceptions import AccessError, UserError, ValidationError

REFUSED = (AccessError, UserError, ValidationError)


class AccessMatrixMixin:
    """For a TransactionCase with ``self.records`` (key -> (record, plain
    values to write)), ``self._create_vals(key)`` and ``self._as(record,
    user)``."""

    def _allowed(self, operation, record, user, vals, key):
        as_user = self._as(record, user)
        allowed = True
        try:
            # Every operation is undone: the next role finds the same data.
            with self.env.cr.savepoint() as savepoint:
                if operation == "R":
                    allowed = bool(as_user.search([("id", "=", record.id)]))
                    as_user.read(list(vals))
                elif operation == "W":
                    as_user.write(vals)
                elif operation == "C":
                    as_user.browse().create(self._create_vals(key))
                elif operation == "U":
                    as_user.unlink()
                self.env.flush_all()
                savepoint.rollback()
        except REFUSED:
            allowed = False
        self.env.invalidate_all()
        return allowed

    def _assert_matrix(self, roles, expected):
        """Every model × role × operation as ``expected`` (key -> allowed
        operations per role, in ``roles`` order)."""
        for key, allowed_ops in expected.items():
            record, vals = self.records[key]
            self.assertTrue(record, key)
            for role, allowed in zip(roles, allowed_ops, strict=True):
                user = getattr(self, role)
                for operation in "RWCU":
                    with self.subTest(model=key, role=role, op=operation):
                        self.assertEqual(
                            self._allowed(operation, record, user, vals, key),
                            operation in allowed,
                        )

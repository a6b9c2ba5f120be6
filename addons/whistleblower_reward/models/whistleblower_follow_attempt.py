# Copyright 2026 Complaint Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Failed follow-up attempts on the public page, for the rate limits of
``complaint_rules.reward.throttle`` (per code, per address).

Nothing here names a reporter (S000-R018, S002-R058..R060): the code is
kept as typed (normalised, whether or not it exists), the client's address
only as a salted hash, and every row is deleted after a day."""

import hashlib
from datetime import UTC, timedelta

from odoo import api, fields, models

from complaint_rules.reward import receipt as rules_receipt
from complaint_rules.reward import throttle

# Rows live this long (longer than any window of the throttle).
KEEP = timedelta(days=1)
# What is kept of a typed code: longer input is garbage anyway.
MAX_CODE_CHARS = 32


class WhistleblowerFollowAttempt(models.Model):
    """One failed attempt to follow a report with a receipt code. Only the
    server's own code reads or writes it (no access right for anyone)."""

    _name = "whistleblower.follow.attempt"
    _description = "Report Follow-up Attempt"
    _order = "create_date desc, id desc"
    _log_access = True

    code = fields.Char(index=True, readonly=True, help="As typed, normalised.")
    address_hash = fields.Char(
        index=True,
        readonly=True,
        help="SHA-256 of the client's address salted with the database's "
        "UUID: the address itself is never stored.",
    )
    success = fields.Boolean(
        readonly=True,
        help="Successes are not recorded today (the throttle counts failures "
        "only, and a row would tie an address to a real report).",
    )
    create_date = fields.Datetime(index=True, readonly=True)

    # ------------------------------------------------------------------
    # Keys
    # ------------------------------------------------------------------
    @api.model
    def _normalize_code(self, code):
        return rules_receipt.normalize(code)[:MAX_CODE_CHARS]

    @api.model
    def _address_hash(self, address):
        salt = self.env["ir.config_parameter"].sudo().get_param("database.uuid", "")
        return hashlib.sha256(f"{salt}:{address or ''}".encode()).hexdigest()

    # ------------------------------------------------------------------
    # Throttle
    # ------------------------------------------------------------------
    @api.model
    def _now(self):
        """The database's clock, as the rows' ``create_date`` (aware, UTC)."""
        return self.env.cr.now().replace(tzinfo=UTC)

    @api.model
    def _failures(self, domain, limit):
        """The failure times (aware, UTC) in ``limit``'s window, newest first,
        at most as many as lock the key."""
        since = self._now() - limit.window
        rows = self.sudo().search_fetch(
            [
                *domain,
                ("success", "=", False),
                ("create_date", ">", since.replace(tzinfo=None)),
            ],
            ["create_date"],
            limit=limit.max_failures,
        )
        return [row.create_date.replace(tzinfo=UTC) for row in rows]

    @api.model
    def _lock(self, code, address):
        """Serialise the attempts on one code and from one address until the
        transaction ends, so that parallel requests cannot all pass
        :meth:`_decide` before any failure is recorded. Always in this order
        (code, then address): no deadlock."""
        for key in (
            f"code:{self._normalize_code(code)}",
            f"address:{self._address_hash(address)}",
        ):
            digest = hashlib.sha256(f"{self._name}:{key}".encode()).digest()
            self.env.cr.execute(
                "SELECT pg_advisory_xact_lock(%s)",
                [int.from_bytes(digest[:8], "big", signed=True)],
            )

    @api.model
    def _decide(self, code, address):
        """``throttle.decide`` for an attempt on ``code`` (as typed) from
        ``address``: a Decision."""
        return throttle.decide(
            self._now(),
            self._failures(
                [("code", "=", self._normalize_code(code))], throttle.PER_CODE
            ),
            self._failures(
                [("address_hash", "=", self._address_hash(address))],
                throttle.PER_ADDRESS,
            ),
        )

    @api.model
    def _record_failure(self, code, address):
        """A secret was checked and did not match (or the code is unknown):
        one failure for the code and one for the address. Refused (locked)
        attempts are not recorded (see ``throttle``)."""
        self.sudo().create(
            {
                "code": self._normalize_code(code),
                "address_hash": self._address_hash(address),
                "success": False,
            }
        )

    # ------------------------------------------------------------------
    # Purge
    # ------------------------------------------------------------------
    @api.model
    def _cron_purge(self):
        """Delete the attempts older than a day (one query)."""
        self.env.cr.execute(
            "DELETE FROM whistleblower_follow_attempt WHERE create_date < %s",
            [(self._now() - KEEP).replace(tzinfo=None)],
        )
        return True

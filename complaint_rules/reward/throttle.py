"""Rate limits of receipt-code follow-up: allowed, or locked until when.

Failed attempts are counted per **code** (as typed, normalised, whether or
not it exists, so the limit reveals nothing) and per **address** (the
client's IP). A key is locked while it has at least ``max_failures``
failures inside a sliding ``window``; it opens again when enough of them age
out, i.e. at the ``max_failures``-th most recent failure plus the window.
Refused attempts are not failures (the caller records a failure only when
the secret was checked and did not match), so a locked key is not held locked
forever by someone hammering it. A success does not erase past failures.

The defaults: 5 failures per code in 15 minutes (a guesser gets about 480
tries a day against a 79-bit secret), 20 per address in an hour (several
reporters may share an office's address).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..errors import InvalidInputError

__all__ = ["PER_ADDRESS", "PER_CODE", "Decision", "Limit", "decide"]


@dataclass(frozen=True)
class Limit:
    """At most ``max_failures`` failures within ``window``."""

    max_failures: int
    window: timedelta

    def __post_init__(self) -> None:
        if (
            isinstance(self.max_failures, bool)
            or not isinstance(self.max_failures, int)
            or self.max_failures < 1
        ):
            raise InvalidInputError("max_failures must be a positive integer")
        if not isinstance(self.window, timedelta) or self.window <= timedelta(0):
            raise InvalidInputError("window must be a positive timedelta")

    def locked_until(
        self, failures: Iterable[datetime], now: datetime
    ) -> datetime | None:
        """When the key opens again, or ``None`` if it is open at ``now``."""
        recent = sorted(
            moment for moment in _aware(failures) if now - self.window < moment <= now
        )
        if len(recent) < self.max_failures:
            return None
        return recent[-self.max_failures] + self.window


#: Per receipt code: 5 failures in 15 minutes.
PER_CODE = Limit(5, timedelta(minutes=15))
#: Per client address: 20 failures in an hour.
PER_ADDRESS = Limit(20, timedelta(hours=1))


@dataclass(frozen=True)
class Decision:
    """``allowed``, else locked until ``locked_until`` by ``locked_by``
    (``code``, ``address`` or both)."""

    allowed: bool
    locked_until: datetime | None = None
    locked_by: tuple[str, ...] = ()


def _aware(moments: Iterable[datetime]) -> Iterable[datetime]:
    for moment in moments:
        if not isinstance(moment, datetime) or moment.utcoffset() is None:
            raise InvalidInputError("failure times must be aware datetimes")
        yield moment


def decide(
    now: datetime,
    code_failures: Iterable[datetime] = (),
    address_failures: Iterable[datetime] = (),
    *,
    per_code: Limit = PER_CODE,
    per_address: Limit = PER_ADDRESS,
) -> Decision:
    """Whether an attempt at ``now`` may be checked.

    ``code_failures`` are the failed attempts on the code typed,
    ``address_failures`` those from the client's address (any code). Locked
    when either key is locked; ``locked_until`` is the later of the two.
    """
    if not isinstance(now, datetime) or now.utcoffset() is None:
        raise InvalidInputError("now must be an aware datetime", field="now")
    locks = {
        name: until
        for name, until in (
            ("code", per_code.locked_until(code_failures, now)),
            ("address", per_address.locked_until(address_failures, now)),
        )
        if until is not None
    }
    if not locks:
        return Decision(True)
    return Decision(False, max(locks.values()), tuple(locks))

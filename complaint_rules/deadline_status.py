"""The status, the scan columns and the outcome of one step deadline: one rule each.

A *deadline line* is the clock of one step of one ticket (``complaint_sla``'s
``complaint.ticket.deadline``): a ``state`` (:data:`OPEN`, :data:`PAUSED`,
:data:`DONE`, :data:`CANCELLED`), a ``deadline``, an optional ``warning_at``
(S000-R122), the stamps the scheduled scans leave (``warned_at``,
``breached_at``) and ``done_at`` when the step ended.

Everything that classifies a line reads the rules below, in Python
(:func:`line_status`, :func:`scan_due`, :func:`outcome`) or, through the Odoo
layer, as search domains built from the same data (:data:`CONDITIONS`,
:data:`SCANS`, :func:`cleared_by`):

* **Status.** A running line is ``overdue`` once breached or past its
  deadline, else ``warning`` once warned or past its warning time, else
  ``paused`` while its clock is stopped, else ``on_time``. A ticket shows the
  worst status of its running lines (:data:`RUNNING_STATUSES` is worst
  first). A finished line is ``met`` or ``missed`` (:func:`outcome`), or
  ``cancelled``.
* **Scan columns.** The warning scan and the breach scan each read one column
  that holds the instant the line may fire, and is empty once it cannot
  (:func:`scan_due`). A warning never fires after the breach: a breached
  line has no warning due, and a line past its deadline is left to the
  breach scan (``Scan.before``).
* **Outcome.** ``missed`` when the breach fired or the step ended after its
  deadline; ``met`` otherwise.

Instants are compared as given: pass all aware or all naive datetimes.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from .coerce import check_member
from .errors import InvalidInputError

__all__ = [
    "CANCELLED",
    "CONDITIONS",
    "DONE",
    "NOW",
    "OPEN",
    "PAUSED",
    "RUNNING_STATES",
    "RUNNING_STATUSES",
    "SCANS",
    "STATES",
    "Condition",
    "Scan",
    "cleared_by",
    "line_status",
    "outcome",
    "scan_due",
    "worst",
]

OPEN = "open"
PAUSED = "paused"
DONE = "done"
CANCELLED = "cancelled"
STATES: tuple[str, ...] = (OPEN, PAUSED, DONE, CANCELLED)
#: States whose clock may still fire or resume.
RUNNING_STATES: tuple[str, ...] = (OPEN, PAUSED)
#: Statuses of a running line, worst first (a ticket shows the worst one).
RUNNING_STATUSES: tuple[str, ...] = ("overdue", "warning", "paused", "on_time")
#: Placeholder for "the current instant" in :data:`CONDITIONS`.
NOW = "now"

_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt}


@dataclass(frozen=True)
class Condition:
    """``field`` is set (``op == "set"``), or ``field op NOW`` holds."""

    field: str
    op: str


#: Running status -> (line state, conditions of which at least one must hold;
#: none listed: always). Tested in :data:`RUNNING_STATUSES` order.
CONDITIONS: Mapping[str, tuple[str, tuple[Condition, ...]]] = MappingProxyType(
    {
        "overdue": (
            OPEN,
            (Condition("breached_at", "set"), Condition("deadline", "<")),
        ),
        "warning": (
            OPEN,
            (Condition("warned_at", "set"), Condition("warning_at", "<=")),
        ),
        "paused": (PAUSED, ()),
        "on_time": (OPEN, ()),
    }
)


def _holds(condition: Condition, values: Mapping[str, object], now: datetime) -> bool:
    value = values.get(condition.field)
    if value is None or value is False:
        return False
    if condition.op == "set":
        return True
    return _COMPARE[condition.op](value, now)


def outcome(
    deadline: datetime, done_at: datetime, breached_at: datetime | None = None
) -> str:
    """``met`` or ``missed`` for a step that ended at ``done_at``.

    Missed when the breach fired (``breached_at``) or the step ended after its
    deadline; the end at the deadline itself is on time.
    """
    if done_at is None or deadline is None:
        raise InvalidInputError("an outcome needs the deadline and the end")
    return "missed" if breached_at or done_at > deadline else "met"


def line_status(
    now: datetime,
    *,
    state: str,
    deadline: datetime,
    warning_at: datetime | None = None,
    warned_at: datetime | None = None,
    breached_at: datetime | None = None,
    done_at: datetime | None = None,
) -> str:
    """The status of one line at ``now`` (see the module docstring)."""
    check_member(state, STATES, "state")
    if state == CANCELLED:
        return "cancelled"
    if state == DONE:
        return outcome(deadline, done_at or now, breached_at)
    values = {
        "deadline": deadline,
        "warning_at": warning_at,
        "warned_at": warned_at,
        "breached_at": breached_at,
    }
    for status in RUNNING_STATUSES:
        wanted, any_of = CONDITIONS[status]
        if state == wanted and (
            not any_of or any(_holds(c, values, now) for c in any_of)
        ):
            return status
    raise AssertionError("unreachable: on_time covers every open line")


def worst(statuses: list[str] | tuple[str, ...]) -> str | None:
    """The worst of running statuses (:data:`RUNNING_STATUSES` order)."""
    ranked = [s for s in RUNNING_STATUSES if s in statuses]
    return ranked[0] if ranked else None


# ---------------------------------------------------------------------------
# Scan columns
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scan:
    """One scheduled scan: the stamp it sets, the column it reads, and the
    instant column the current time must still precede (``before``) for the
    scan to fire."""

    stamp: str
    due: str
    before: str | None = None


#: The warning scan (S000-R122) and the breach scan (S000-R113).
SCANS: Mapping[str, Scan] = MappingProxyType(
    {
        "warn": Scan("warned_at", "warn_due", before="deadline"),
        "breach": Scan("breached_at", "breach_due"),
    }
)


def scan_due(
    *,
    state: str,
    deadline: datetime | None,
    warning_at: datetime | None = None,
    warned_at: datetime | None = None,
    breached_at: datetime | None = None,
) -> dict[str, datetime | None]:
    """The scan columns of a line: when each scan may fire it, or ``None``.

    ``warn_due`` is the warning time while the line runs, has a warning and
    was neither warned nor breached; ``breach_due`` the deadline while the
    line runs and was not breached.
    """
    check_member(state, STATES, "state")
    running = state == OPEN
    return {
        "warn_due": warning_at
        if running and warning_at and not warned_at and not breached_at
        else None,
        "breach_due": deadline if running and deadline and not breached_at else None,
    }


def cleared_by(kind: str) -> tuple[str, ...]:
    """Scan columns that stamping a line in scan ``kind`` empties.

    Read off :func:`scan_due` (a line with every instant set, before and after
    the stamp), so the stamping statement follows the one rule.
    """
    check_member(kind, tuple(SCANS), "kind")
    instant = datetime(2000, 1, 1)
    base = {"deadline": instant, "warning_at": instant}
    before = scan_due(state=OPEN, **base)
    after = scan_due(state=OPEN, **base, **{SCANS[kind].stamp: instant})
    return tuple(
        column
        for column in ("warn_due", "breach_due")
        if before[column] is not None and after[column] is None
    )

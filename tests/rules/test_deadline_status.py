"""Tests of complaint_rules.deadline_status: one rule for status, scan columns
and outcome of a step deadline."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_rules import deadline_status as ds
from complaint_rules.errors import InvalidInputError

# S000-R122 / TC-23: review and dispatch within 4 h from 10:40, warning 14:16.
START = datetime(2024, 5, 10, 10, 40)
DEADLINE = datetime(2024, 5, 10, 14, 40)
WARNING = datetime(2024, 5, 10, 14, 16)


def status(now, **kw):
    values = {"state": "open", "deadline": DEADLINE, "warning_at": WARNING, **kw}
    return ds.line_status(now, **values)


def test_s000_r122_tc23_status_over_time():
    assert status(datetime(2024, 5, 10, 14)) == "on_time"
    assert status(WARNING) == "warning"
    assert status(DEADLINE) == "warning"
    assert status(DEADLINE + timedelta(seconds=1)) == "overdue"
    assert status(datetime(2024, 5, 10, 15), state="paused") == "paused"
    assert status(datetime(2024, 5, 10, 15), state="cancelled") == "cancelled"


def test_stamps_decide_before_the_clock():
    """A warned line stays in warning, a breached one overdue, whatever the
    clock says (an extension moved the deadline after the breach)."""
    early = datetime(2024, 5, 10, 11)
    assert status(early, warned_at=early) == "warning"
    assert status(early, breached_at=early) == "overdue"


def test_outcome_met_and_missed():
    assert ds.outcome(DEADLINE, DEADLINE) == "met"
    assert ds.outcome(DEADLINE, DEADLINE + timedelta(seconds=1)) == "missed"
    assert ds.outcome(DEADLINE, START, breached_at=DEADLINE) == "missed"
    assert status(DEADLINE, state="done", done_at=START) == "met"
    assert status(DEADLINE, state="done", done_at=DEADLINE, breached_at=DEADLINE) == (
        "missed"
    )
    with pytest.raises(InvalidInputError):
        ds.outcome(DEADLINE, None)


def test_worst_status_of_a_ticket():
    assert ds.worst(["on_time", "paused"]) == "paused"
    assert ds.worst(["on_time", "overdue", "warning"]) == "overdue"
    assert ds.worst([]) is None


def test_scan_columns():
    assert ds.scan_due(state="open", deadline=DEADLINE, warning_at=WARNING) == {
        "warn_due": WARNING,
        "breach_due": DEADLINE,
    }
    warned = ds.scan_due(
        state="open", deadline=DEADLINE, warning_at=WARNING, warned_at=WARNING
    )
    assert warned == {"warn_due": None, "breach_due": DEADLINE}
    for state in ("paused", "done", "cancelled"):
        assert ds.scan_due(state=state, deadline=DEADLINE, warning_at=WARNING) == {
            "warn_due": None,
            "breach_due": None,
        }


def test_a_warning_never_fires_after_the_breach():
    """Issue 10: a breached line has no warning due, and the warning scan
    stops at the deadline."""
    breached = ds.scan_due(
        state="open", deadline=DEADLINE, warning_at=WARNING, breached_at=DEADLINE
    )
    assert breached == {"warn_due": None, "breach_due": None}
    assert ds.cleared_by("breach") == ("warn_due", "breach_due")
    assert ds.cleared_by("warn") == ("warn_due",)
    assert ds.SCANS["warn"].before == "deadline"
    assert ds.SCANS["breach"].before is None


def test_bad_input():
    with pytest.raises(InvalidInputError):
        ds.line_status(START, state="running", deadline=DEADLINE)
    with pytest.raises(InvalidInputError):
        ds.cleared_by("remind")


moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2024, 12, 31))


@given(
    now=moments,
    deadline=moments,
    warning=st.none() | moments,
    warned=st.booleans(),
    breached=st.booleans(),
    state=st.sampled_from(ds.RUNNING_STATES),
)
def test_status_agrees_with_the_conditions(
    now, deadline, warning, warned, breached, state
):
    """The Python evaluation is the first status of CONDITIONS that holds,
    which is what the Odoo search domains are built from."""
    values = {
        "deadline": deadline,
        "warning_at": warning,
        "warned_at": now if warned else None,
        "breached_at": now if breached else None,
    }
    result = ds.line_status(now, state=state, **values)

    def holds(status):
        wanted, any_of = ds.CONDITIONS[status]
        if state != wanted:
            return False
        if not any_of:
            return True
        for cond in any_of:
            value = values[cond.field]
            if value is None:
                continue
            if cond.op == "set" or (
                (cond.op == "<" and value < now) or (cond.op == "<=" and value <= now)
            ):
                return True
        return False

    assert result == next(s for s in ds.RUNNING_STATUSES if holds(s))
    due = ds.scan_due(state=state, **values)
    if due["warn_due"] is not None:
        assert result in ("on_time", "warning", "overdue")
        assert not breached and not warned

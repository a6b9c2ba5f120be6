"""Reward deadlines: the proposal after closing (S000-R032 / S000-R081, 7
working days) and the claim after notification (S000-R034 / S000-R083, one
calendar month, then forfeited). Worked examples TC-18 and TC-19 are the
digest's ``seed-000.md`` §11.B; the calendar facts are those of its §0."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import presets
from complaint_rules.calendar import WorkCalendar
from complaint_rules.errors import InvalidInputError
from complaint_rules.reward import (
    add_months,
    claim_deadline,
    claim_status,
    proposal_deadline,
)

SH = ZoneInfo("Asia/Shanghai")
MINE = presets.reward_policy("mine")
LISTED = presets.reward_policy("listed_company")
UTILITY = presets.reward_policy("utility")


def at(y, m, d, hh=10, mm=0, ss=0):
    return datetime(y, m, d, hh, mm, ss, tzinfo=SH)


def end(y, m, d):
    return at(y, m, d, 23, 59, 59)


# --------------------------------------------------------------------------
# Proposal: 7 working days after closing
# --------------------------------------------------------------------------


@pytest.mark.parametrize("policy", [MINE, LISTED], ids=lambda p: p.code)
@pytest.mark.parametrize(
    ("closed", "due"),
    [
        # TC-18: across the month end and National Day 2024; 09-29 (Sun) and
        # 10-12 (Sat) are 调休 working days.
        (at(2024, 9, 27, 16), end(2024, 10, 12)),
        # Spring Festival 2025 (01-28..02-04 off; 01-26 and 02-08 worked).
        (at(2025, 1, 24), end(2025, 2, 10)),
        # An ordinary week: Mon → next Wed.
        (at(2024, 3, 4), end(2024, 3, 13)),
        # Closed on a holiday: the 7 days start after it.
        (at(2024, 10, 3), end(2024, 10, 15)),
    ],
)
def test_s000_r032_r081_proposal_within_7_working_days(policy, closed, due):
    assert policy.proposal_working_days == 7
    assert proposal_deadline(policy, closed) == due
    assert WorkCalendar().working_days_between(closed, due) == 7


def test_s000_r032_proposal_on_a_custom_calendar():
    # A company that closes 2024-10-08 (a Tuesday after the holiday).
    cal = WorkCalendar(extra_holidays=frozenset({date(2024, 10, 9)}))
    assert proposal_deadline(MINE, at(2024, 10, 7), cal) == end(2024, 10, 16)


def test_s002_r066_utility_sets_no_deadline():
    assert proposal_deadline(UTILITY, at(2024, 9, 27)) is None
    assert claim_deadline(UTILITY, at(2024, 3, 15)) is None
    status = claim_status(UTILITY, at(2024, 3, 15), at(2030, 1, 1))
    assert status.state == "open" and status.deadline is None


def test_proposal_needs_an_aware_time():
    with pytest.raises(InvalidInputError):
        proposal_deadline(MINE, datetime(2024, 9, 27, 10))


# --------------------------------------------------------------------------
# Claim: one calendar month after notification, then forfeited
# --------------------------------------------------------------------------


@pytest.mark.parametrize("policy", [MINE, LISTED], ids=lambda p: p.code)
def test_s000_r034_r083_claim_month_tc19(policy):
    notified = at(2024, 3, 15, 9)
    deadline = claim_deadline(policy, notified)
    assert deadline == end(2024, 4, 15)
    on_time = claim_status(policy, notified, end(2024, 4, 15))
    assert on_time.state == "open" and not on_time.forfeited
    late = claim_status(policy, notified, at(2024, 4, 16, 0, 0, 0))
    assert late.forfeited and late.deadline == deadline
    rule = "S000-R034" if policy is MINE else "S000-R083"
    assert late.rule_ids == (rule,)


@pytest.mark.parametrize(
    ("notified", "clamp", "overflow"),
    [
        (date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 2)),  # leap year
        (date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 3)),
        (date(2024, 1, 30), date(2024, 2, 29), date(2024, 3, 1)),
        (date(2024, 1, 29), date(2024, 2, 29), date(2024, 2, 29)),
        (date(2024, 3, 31), date(2024, 4, 30), date(2024, 5, 1)),
        (date(2024, 8, 31), date(2024, 9, 30), date(2024, 10, 1)),
        (date(2024, 12, 31), date(2025, 1, 31), date(2025, 1, 31)),  # new year
        (date(2024, 2, 29), date(2024, 3, 29), date(2024, 3, 29)),
    ],
)
def test_s000_r034_claim_month_across_month_ends(notified, clamp, overflow):
    moment = datetime.combine(notified, datetime.min.time(), SH) + timedelta(hours=9)
    assert claim_deadline(MINE, moment) == end(clamp.year, clamp.month, clamp.day)
    assert MINE.claim_month_end == "clamp"
    other = dataclasses.replace(MINE, claim_month_end="overflow")
    expected = end(overflow.year, overflow.month, overflow.day)
    assert claim_deadline(other, moment) == expected
    assert claim_deadline(MINE, moment, month_end="overflow") == expected


def test_s000_r034_claim_deadline_on_a_holiday_is_not_moved():
    # Calendar time: notified 2024-09-01, the month ends on National Day.
    assert claim_deadline(MINE, at(2024, 9, 1)) == end(2024, 10, 1)


def test_s000_r034_claim_reads_the_local_date():
    # 2024-03-15 23:30 in Shanghai is 15:30 UTC the same day; 2024-03-15
    # 17:00 UTC is already 03-16 in Shanghai.
    assert claim_deadline(MINE, at(2024, 3, 15, 23, 30)) == end(2024, 4, 15)
    utc = datetime(2024, 3, 15, 17, 0, tzinfo=ZoneInfo("UTC"))
    assert claim_deadline(MINE, utc) == end(2024, 4, 16)


def test_claim_before_notification_is_refused():
    with pytest.raises(InvalidInputError, match="precede"):
        claim_status(MINE, at(2024, 3, 15), at(2024, 3, 14))


@pytest.mark.parametrize("months", [-1, True, 1.0])
def test_add_months_refuses_bad_counts(months):
    with pytest.raises(InvalidInputError):
        add_months(date(2024, 1, 1), months)


def test_add_months_refuses_unknown_reading():
    with pytest.raises(InvalidInputError):
        add_months(date(2024, 1, 31), 1, "round")


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2005, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=24),
)
def test_add_months_properties(day, months):
    clamp = add_months(day, months)
    overflow = add_months(day, months, "overflow")
    assert (clamp.year * 12 + clamp.month) - (day.year * 12 + day.month) == months
    assert clamp <= overflow <= clamp + timedelta(days=3)
    assert clamp.day <= day.day
    if clamp.day != day.day:  # only when the month is too short
        assert (clamp + timedelta(days=1)).day == 1
    assert add_months(day, months + 1) >= clamp

"""Statistics periods (S000-R133, S000-R141, S001-R139) in Asia/Shanghai and
the aggregation of daily snapshots by summed counts."""

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError
from complaint_rules.kpi import (
    Counts,
    Snapshot,
    aggregate,
    from_counts,
    local_day,
    period_of,
    period_of_moment,
)

KPI = presets.kpi_indicators("telecom")


@pytest.mark.parametrize(
    ("kind", "day", "first", "last", "label"),
    [
        ("day", date(2025, 1, 1), date(2025, 1, 1), date(2025, 1, 1), "2025-01-01"),
        ("week", date(2025, 1, 1), date(2024, 12, 30), date(2025, 1, 5), "2025-W01"),
        (
            "week",
            date(2024, 12, 29),
            date(2024, 12, 23),
            date(2024, 12, 29),
            "2024-W52",
        ),
        ("month", date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        ("month", date(2025, 12, 31), date(2025, 12, 1), date(2025, 12, 31), "2025-12"),
        (
            "quarter",
            date(2025, 11, 2),
            date(2025, 10, 1),
            date(2025, 12, 31),
            "2025-Q4",
        ),
        ("quarter", date(2025, 4, 1), date(2025, 4, 1), date(2025, 6, 30), "2025-Q2"),
        ("year", date(2024, 7, 1), date(2024, 1, 1), date(2024, 12, 31), "2024"),
    ],
)
def test_s000_r133_period_boundaries(kind, day, first, last, label):
    period = period_of(day, kind)
    assert (period.first, period.last, period.label) == (first, last, label)


def test_s001_r139_quarterly_statistics_period():
    period = period_of(date(2025, 3, 31), "quarter")
    assert period.label == "2025-Q1" and period.days == 90
    assert period.previous().label == "2024-Q4"


def test_bounds_are_local_midnights_in_shanghai():
    start, end = period_of(date(2025, 1, 1), "month").bounds()
    assert start.astimezone(timezone.utc) == datetime(
        2024, 12, 31, 16, tzinfo=timezone.utc
    )
    assert end.astimezone(timezone.utc) == datetime(
        2025, 1, 31, 16, tzinfo=timezone.utc
    )


def test_naive_utc_moment_falls_in_the_local_period():
    # 2024-12-31 16:30 UTC is 2025-01-01 00:30 in Shanghai.
    moment = datetime(2024, 12, 31, 16, 30)
    assert local_day(moment) == date(2025, 1, 1)
    assert period_of_moment(moment, "year").label == "2025"
    assert period_of_moment(moment, "year", "UTC").label == "2024"


def test_bad_period_input_is_refused():
    with pytest.raises(InvalidInputError):
        period_of(date(2025, 1, 1), "fortnight")
    with pytest.raises(InvalidInputError):
        period_of(datetime(2025, 1, 1), "day")


@given(
    st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    st.sampled_from(["week", "month", "quarter", "year"]),
)
def test_periods_tile_the_calendar(day, kind):
    period = period_of(day, kind)
    assert day in period
    assert period_of(
        period.last + timedelta(days=1), kind
    ).first == period.last + timedelta(days=1)
    assert period.previous().last == period.first - timedelta(days=1)


def test_aggregate_sums_counts_and_rate_of_sum_is_not_mean_of_rates():
    indicator = KPI["on_time_closure"]
    snaps = [
        Snapshot("on_time_closure", date(2025, 3, 3), Counts(Decimal(1), 1)),
        Snapshot("on_time_closure", date(2025, 3, 4), Counts(Decimal(1), 3)),
        Snapshot("on_time_closure", date(2025, 3, 5), Counts(Decimal(0), 0)),
        Snapshot(
            "on_time_closure", date(2025, 3, 10), Counts(Decimal(9), 9)
        ),  # next week
    ]
    week = period_of(date(2025, 3, 5), "week")
    totals = aggregate(snaps, week)
    assert totals == {("on_time_closure", ()): Counts(Decimal(2), 4)}
    week_value = from_counts(indicator, totals[("on_time_closure", ())]).value
    assert week_value == Decimal("50.00")
    daily = [from_counts(indicator, s.counts).value for s in snaps[:2]]
    assert daily == [Decimal("100.00"), Decimal("33.33")]
    assert week_value != sum(daily) / 2


def test_aggregate_keeps_keys_apart():
    snaps = [
        Snapshot("k", date(2025, 3, 3), Counts(Decimal(1), 2), ("branch_a",)),
        Snapshot("k", date(2025, 3, 4), Counts(Decimal(1), 1), ("branch_b",)),
        Snapshot("k", date(2025, 3, 5), Counts(Decimal(2), 2), ("branch_a",)),
    ]
    totals = aggregate(snaps, period_of(date(2025, 3, 1), "month"))
    assert totals[("k", ("branch_a",))] == Counts(Decimal(3), 4)
    assert totals[("k", ("branch_b",))] == Counts(Decimal(1), 1)

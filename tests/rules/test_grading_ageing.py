"""S003-R034 (one month unresolved) and the repeat window shared with Odoo."""

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaint_rules.errors import InvalidInputError
from complaint_rules.grading import count_repeats, unresolved_for_a_month, window_start


@pytest.mark.parametrize(
    ("received", "now", "expected"),
    [
        # Same day next month at the same time: major from that moment.
        (datetime(2026, 3, 10, 9, 0), datetime(2026, 4, 10, 8, 59), False),
        (datetime(2026, 3, 10, 9, 0), datetime(2026, 4, 10, 9, 0), True),
        # 31 January: the month ends on 28 February (2026 is no leap year)...
        (datetime(2026, 1, 31, 10, 0), datetime(2026, 2, 28, 9, 59), False),
        (datetime(2026, 1, 31, 10, 0), datetime(2026, 2, 28, 10, 0), True),
        # ... and on 29 February in a leap year.
        (datetime(2028, 1, 31, 10, 0), datetime(2028, 2, 28, 23, 0), False),
        (datetime(2028, 1, 31, 10, 0), datetime(2028, 2, 29, 10, 0), True),
        # December rolls into January of the next year.
        (datetime(2026, 12, 15, 0, 0), datetime(2027, 1, 15, 0, 0), True),
        (date(2026, 12, 15), date(2027, 1, 14), False),
    ],
)
def test_s003_r034_one_month_unresolved(received, now, expected):
    assert unresolved_for_a_month(received, now) is expected


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 1, 1)))
def test_one_month_is_28_to_31_days(received):
    from datetime import timedelta

    assert not unresolved_for_a_month(received, received + timedelta(days=27))
    assert unresolved_for_a_month(received, received + timedelta(days=31))


def test_window_start_is_the_day_boundary_count_repeats_uses():
    at = datetime(2026, 5, 31, 15, 30)
    assert window_start(at, 30) == datetime(2026, 5, 1, 0, 0)
    history = [
        ("zhang", datetime(2026, 5, 1, 0, 0)),
        ("zhang", datetime(2026, 4, 30, 23, 59)),
    ]
    assert count_repeats(history, "zhang", at, 30) == 1
    with pytest.raises(InvalidInputError):
        window_start(at, -1)

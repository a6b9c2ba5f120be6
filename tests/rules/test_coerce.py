"""complaint_rules.coerce: the package's one Decimal converter."""

from decimal import Decimal

import pytest

from complaint_rules.coerce import to_amount, to_decimal
from complaint_rules.errors import InvalidInputError


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("2000.00"), Decimal("2000.00")),
        (2000, Decimal("2000")),
        (" 1999.99 ", Decimal("1999.99")),
        ("-5", Decimal("-5")),
    ],
)
def test_exact_values_pass_unchanged(value, expected):
    result = to_decimal(value)
    assert result == expected
    assert str(result) == str(expected)


def test_float_only_on_request_and_through_its_shortest_form():
    # 2000.01 as a float is 2000.0100000000000909...; the boundary "2000
    # included" must see 2000.01 (S001-R011).
    with pytest.raises(InvalidInputError, match=r"float 2000\.01 is not accepted"):
        to_decimal(2000.01)
    assert to_decimal(2000.01, allow_float=True) == Decimal("2000.01")
    assert to_amount(0.7) == Decimal("0.7")
    assert to_amount(199999.99) == Decimal("199999.99")


@pytest.mark.parametrize(
    "value", [True, False, None, "abc", "", Decimal("NaN"), float("inf"), [1]]
)
def test_non_numbers_are_refused_with_the_field_name(value):
    with pytest.raises(InvalidInputError) as info:
        to_decimal(value, name="refund", allow_float=True)
    assert info.value.params["field"] == "refund"
    assert info.value.code == "invalid_input"


def test_negative_refused_only_for_amounts():
    assert to_decimal(Decimal("-0.01")) == Decimal("-0.01")
    with pytest.raises(InvalidInputError, match="must not be negative"):
        to_amount(Decimal("-0.01"), "amount")
    assert to_amount(0) == 0


def test_strings_can_be_refused():
    assert to_amount("3", "hours") == 3
    with pytest.raises(InvalidInputError, match="expected a Decimal, int or float"):
        to_amount("3", "hours", allow_str=False)

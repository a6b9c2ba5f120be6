"""Tests of complaint_rules.contact (Chinese phone numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules.contact import (
    InvalidPhoneError,
    PhoneNumber,
    is_valid_phone,
    normalize_phone,
    parse_phone,
    phone_key,
)
from complaint_rules.errors import InvalidInputError

#: 13812345678 typed with full-width digits (U+FF10..U+FF19), as IMEs produce.
FULL_WIDTH_MOBILE = "".join(chr(0xFF10 + int(d)) for d in "13812345678")

VALID = [
    # mobile
    ("13812345678", "13812345678", "mobile"),
    ("138 1234 5678", "13812345678", "mobile"),
    ("138-1234-5678", "13812345678", "mobile"),
    ("+86 138 1234 5678", "13812345678", "mobile"),
    ("+86-13812345678", "13812345678", "mobile"),
    ("(+86)13812345678", "13812345678", "mobile"),
    ("0086 138 1234 5678", "13812345678", "mobile"),
    ("8613812345678", "13812345678", "mobile"),
    ("19912345678", "19912345678", "mobile"),
    (FULL_WIDTH_MOBILE, "13812345678", "mobile"),
    # landline, 3-digit area code + 8 digits
    ("010-12345678", "010-12345678", "landline"),
    ("(010) 1234 5678", "010-12345678", "landline"),
    ("010.1234.5678", "010-12345678", "landline"),
    ("01012345678", "010-12345678", "landline"),
    ("020-87654321", "020-87654321", "landline"),
    ("+86 10 1234 5678", "010-12345678", "landline"),
    ("+86 (0)10 12345678", "010-12345678", "landline"),
    ("0086-21-62345678", "021-62345678", "landline"),
    # landline, 4-digit area code + 7 or 8 digits
    ("0755-1234567", "0755-1234567", "landline"),
    ("0755 12345678", "0755-12345678", "landline"),
    ("075512345678", "0755-12345678", "landline"),
    ("+86 755 8888 9999", "0755-88889999", "landline"),
    # extensions
    ("010-12345678-123", "010-12345678-123", "landline"),
    ("010-12345678转123", "010-12345678-123", "landline"),
    ("010 12345678 ext. 45", "010-12345678-45", "landline"),
    ("0512-53658506 分机 8001", "0512-53658506-8001", "landline"),
    ("010-12345678#8", "010-12345678-8", "landline"),
    ("0755-1234567-8", "0755-1234567-8", "landline"),
    # service numbers
    ("12315", "12315", "service"),
    ("12313", "12313", "service"),
    ("12300", "12300", "service"),
    ("10086", "10086", "service"),
    ("95588", "95588", "service"),
    ("955888", "955888", "service"),
    ("96123", "96123", "service"),
    ("400-810-1234", "4008101234", "service"),
    ("800 810 1234", "8008101234", "service"),
]

INVALID = [
    ("", "empty"),
    ("   ", "empty"),
    ("138****5102", "masked"),  # S000-R037 demo record: masked number
    ("138xxxx5102", "masked"),
    ("abc", "characters"),
    ("138-1234-567a", "characters"),
    ("12812345678", "format"),  # 11 digits, not 1[3-9]
    ("1381234567", "format"),  # 10 digits
    ("138123456789", "format"),  # 12 digits
    ("010-1234567", "format"),  # 3-digit area code needs 8 digits
    ("0755-123456", "format"),  # 6-digit local number
    ("0755-123456789", "format"),  # 9-digit local number
    ("010-02345678", "format"),  # local number starting with 0
    ("0123-1234567", "area_code"),
    ("019-12345678", "area_code"),
    ("+1 415 555 0100", "country_code"),
    ("+44 20 1234 5678", "country_code"),
    ("53658506", "area_code_required"),  # S002-R009 hotline, no area code
    ("13812345678转12", "extension"),
    ("12315 ext 1", "extension"),
    ("010-12345678-1234567", "format"),
    ("110", "format"),
    ("+86 12315", "area_code"),
]


@pytest.mark.parametrize(("raw", "canonical", "kind"), VALID)
def test_valid_numbers(raw, canonical, kind):
    assert normalize_phone(raw) == canonical
    parsed = parse_phone(raw)
    assert parsed.kind == kind
    assert parsed.canonical == canonical
    assert is_valid_phone(raw)


@pytest.mark.parametrize(("raw", "reason"), INVALID)
def test_invalid_numbers(raw, reason):
    with pytest.raises(InvalidPhoneError) as info:
        normalize_phone(raw)
    assert info.value.code == "invalid_phone"
    assert info.value.params["reason"] == reason
    assert info.value.params["value"] == raw
    assert isinstance(info.value, InvalidInputError)
    assert not is_valid_phone(raw)


@pytest.mark.parametrize("raw", [None, 13812345678, b"13812345678"])
def test_non_string_input(raw):
    with pytest.raises(InvalidPhoneError):
        normalize_phone(raw)


def test_s002_r009_local_number_with_default_area_code():
    assert normalize_phone("53658506", default_area_code="0512") == "0512-53658506"
    assert phone_key("5365 8506", default_area_code="0512") == "051253658506"
    assert normalize_phone("62345678", default_area_code="010") == "010-62345678"
    # Beijing (010) local numbers have 8 digits, so a 7-digit one does not fit.
    with pytest.raises(InvalidPhoneError) as info:
        normalize_phone("5365850", default_area_code="010")
    assert info.value.params["reason"] == "area_code"
    with pytest.raises(InvalidPhoneError) as info:
        normalize_phone("53658506", default_area_code="0123")
    assert info.value.params["reason"] == "area_code"


def test_parsed_parts():
    assert parse_phone("0755-1234567-8") == PhoneNumber(
        "landline", "1234567", "0755", "8"
    )
    assert parse_phone("+86 138 1234 5678") == PhoneNumber("mobile", "13812345678")


@pytest.mark.parametrize(
    "spellings",
    [
        ["13812345678", "+86 138-1234-5678", "0086 13812345678", "8613812345678"],
        ["010-12345678", "(010)12345678", "+86 10 1234 5678", "010-12345678-123"],
        ["0755-1234567", "07551234567", "0755 123 4567 转 9"],
        ["12315", " 12315 "],
    ],
)
def test_s002_r008_phone_key_matches_spellings_of_one_line(spellings):
    keys = {phone_key(raw) for raw in spellings}
    assert len(keys) == 1


def test_phone_key_values():
    assert phone_key("+86 138 1234 5678") == "13812345678"
    assert phone_key("010-12345678-123") == "01012345678"
    assert phone_key("0755-1234567") == "07551234567"
    assert phone_key("400-810-1234") == "4008101234"
    assert phone_key("010-12345678") != phone_key("0755-12345678")


def test_phone_key_strict_and_lenient():
    with pytest.raises(InvalidPhoneError):
        phone_key("138****5102")
    with pytest.raises(InvalidPhoneError):
        phone_key(None)
    assert phone_key("138****5102", strict=False) is None
    assert phone_key(None, strict=False) is None
    assert phone_key(False, strict=False) is None
    assert phone_key("", strict=False) is None


separators = st.sampled_from(["", " ", "-", ".", "  "])


@settings(max_examples=150, deadline=None)
@given(
    prefix=st.sampled_from(["", "+86 ", "+86-", "0086 ", "86"]),
    second=st.sampled_from("3456789"),
    rest=st.text(alphabet="0123456789", min_size=9, max_size=9),
    sep1=separators,
    sep2=separators,
)
def test_any_mobile_spelling_normalises_to_its_digits(prefix, second, rest, sep1, sep2):
    digits = "1" + second + rest
    raw = f"{prefix}{digits[:3]}{sep1}{digits[3:7]}{sep2}{digits[7:]}"
    assert normalize_phone(raw) == digits
    assert phone_key(raw) == digits


@settings(max_examples=150, deadline=None)
@given(
    area=st.sampled_from(["010", "021", "029", "0755", "0512", "0371", "0898"]),
    first=st.sampled_from("123456789"),
    rest=st.text(alphabet="0123456789", min_size=6, max_size=7),
    ext=st.one_of(st.just(""), st.text(alphabet="0123456789", min_size=1, max_size=6)),
)
def test_canonical_landline_is_a_fixed_point(area, first, rest, ext):
    local = first + rest
    if len(area) == 3 and len(local) != 8:
        local = (local + "0")[:8]
    raw = f"({area}) {local}" + (f" 转{ext}" if ext else "")
    canonical = normalize_phone(raw)
    assert canonical == f"{area}-{local}" + (f"-{ext}" if ext else "")
    assert normalize_phone(canonical) == canonical
    assert phone_key(canonical) == area + local

"""Receipt codes and follow-up rate limits (complaint_rules.reward.receipt,
.throttle): random codes and secrets, salted scrypt hashes, verification
with no existence oracle, lock-outs per code and per address."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules.errors import InvalidInputError
from complaint_rules.reward import receipt, throttle
from complaint_rules.reward.receipt import (
    ALPHABET,
    CODE_LENGTH,
    SECRET_LENGTH,
    entropy_bits,
    format_code,
    hash_secret,
    is_well_formed,
    new_code,
    new_secret,
    normalize,
    verify,
)
from complaint_rules.reward.throttle import PER_ADDRESS, PER_CODE, Limit, decide

UTC = timezone.utc
T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)


def minutes(n):
    return T0 + timedelta(minutes=n)


# --------------------------------------------------------------------------
# Codes and secrets
# --------------------------------------------------------------------------


def test_alphabet_has_no_ambiguous_characters():
    assert len(ALPHABET) == len(set(ALPHABET)) == 31
    assert not set("01ILO") & set(ALPHABET)
    assert ALPHABET.isupper() or ALPHABET.isdigit()


def test_lengths_and_entropy_as_documented():
    assert (CODE_LENGTH, SECRET_LENGTH) == (12, 16)
    assert entropy_bits(CODE_LENGTH) == pytest.approx(12 * math.log2(31))
    assert 59 < entropy_bits(CODE_LENGTH) < 60
    assert 79 < entropy_bits(SECRET_LENGTH) < 80


def test_new_codes_and_secrets_are_random_and_well_formed():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(is_well_formed(code, CODE_LENGTH) for code in codes)
    secret = new_secret()
    assert is_well_formed(secret, SECRET_LENGTH)
    # every character of the alphabet shows up in a large enough sample
    assert set("".join(codes)) == set(ALPHABET)


def test_display_and_normalisation():
    code = "ABCDEFGHJKMN"
    assert format_code(code) == "ABCD-EFGH-JKMN"
    assert normalize(" abcd-efgh jkmn\n") == code
    assert normalize(None) == ""
    assert not is_well_formed("ABCDEFGHJKM0", CODE_LENGTH)  # 0 is not used
    assert not is_well_formed("ABCD", CODE_LENGTH)


# --------------------------------------------------------------------------
# Hash and verify
# --------------------------------------------------------------------------


def test_hash_is_salted_scrypt_and_verifies():
    secret = new_secret()
    first, second = hash_secret(secret), hash_secret(secret)
    assert first != second  # a fresh salt each time
    scheme, n, r, p, salt, key = first.split("$")
    assert len(receipt.base64.b64decode(salt)) == 16
    assert len(receipt.base64.b64decode(key)) == 32
    assert (scheme, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert secret not in first
    assert verify(secret, first) and verify(secret, second)
    assert verify(format_code(secret).lower(), first)  # as typed
    assert not verify(new_secret(), first)
    salt_bytes = b"0123456789abcdef"
    assert hash_secret(secret, salt=salt_bytes) == hash_secret(secret, salt=salt_bytes)


def test_hash_refuses_a_malformed_secret():
    with pytest.raises(InvalidInputError):
        hash_secret("short")


@pytest.mark.parametrize(
    ("secret", "stored"),
    [
        ("wrong", "real"),  # a wrong secret for an existing code
        ("right", None),  # an unknown code
        ("garbage", "real"),  # a malformed secret
        ("right", "broken"),  # a stored value that is not a hash
    ],
)
def test_verify_takes_one_path_whatever_fails(monkeypatch, secret, stored):
    real_secret = new_secret()
    real_hash = hash_secret(real_secret)
    receipt._dummy_hash()  # computed once, before counting
    calls = []
    derive = receipt._derive

    def spy(value, salt, n, r, p):
        calls.append(("derive", len(salt), n, r, p))
        return derive(value, salt, n, r, p)

    compare = receipt.hmac.compare_digest

    def spy_compare(a, b):
        calls.append(("compare", len(a), len(b)))
        return compare(a, b)

    monkeypatch.setattr(receipt, "_derive", spy)
    monkeypatch.setattr(receipt.hmac, "compare_digest", spy_compare)
    typed = {"wrong": new_secret(), "right": real_secret, "garbage": "0OIL"}[secret]
    stored_value = {"real": real_hash, "broken": "md5$abc", None: None}[stored]
    assert verify(typed, stored_value) is False
    # the same work as a wrong secret for a real code: one scrypt with the
    # same cost and salt size, one constant-time comparison of 32 bytes
    assert calls == [("derive", 16, 2**14, 8, 1), ("compare", 32, 32)]


def test_verify_of_the_dummy_secret_is_false():
    # Even a secret that would match the dummy hash does not pass without a
    # real stored hash.
    assert verify(new_secret(), None) is False
    assert verify(None, None) is False
    assert verify(12345, hash_secret(new_secret())) is False


# --------------------------------------------------------------------------
# Rate limits
# --------------------------------------------------------------------------


def test_defaults_as_documented():
    assert (PER_CODE.max_failures, PER_CODE.window) == (5, timedelta(minutes=15))
    assert (PER_ADDRESS.max_failures, PER_ADDRESS.window) == (20, timedelta(hours=1))


def test_open_below_the_limit():
    failures = [minutes(i) for i in range(4)]
    assert decide(minutes(5), failures).allowed


def test_locked_at_the_limit_until_the_oldest_counted_failure_ages_out():
    failures = [minutes(i) for i in range(5)]  # 09:00 .. 09:04
    decision = decide(minutes(5), failures)
    assert not decision.allowed
    assert decision.locked_by == ("code",)
    assert decision.locked_until == minutes(15)  # 09:00 + 15 min
    # still locked a second before, open at the time said
    assert not decide(minutes(15) - timedelta(seconds=1), failures).allowed
    assert decide(minutes(15), failures).allowed


def test_more_failures_lock_until_the_fifth_most_recent_ages_out():
    failures = [minutes(i) for i in range(8)]  # 09:00 .. 09:07
    decision = decide(minutes(8), failures)
    assert decision.locked_until == minutes(3 + 15)
    assert decide(decision.locked_until, failures).allowed


def test_old_failures_do_not_count():
    failures = [minutes(i) for i in range(5)]
    assert decide(minutes(40), failures).allowed


def test_per_address_limit_and_both():
    address = [minutes(i) for i in range(20)]
    decision = decide(minutes(20), [], address)
    assert decision.locked_by == ("address",)
    assert decision.locked_until == minutes(60)
    code = [minutes(16 + i) for i in range(5)]
    both = decide(minutes(21), code, address)
    assert both.locked_by == ("code", "address")
    assert both.locked_until == max(minutes(60), minutes(16 + 15))


def test_failures_in_the_future_are_ignored():
    assert decide(T0, [minutes(1)] * 10).allowed


def test_bad_input_is_refused():
    with pytest.raises(InvalidInputError):
        decide(datetime(2024, 5, 6, 9, 0))
    with pytest.raises(InvalidInputError):
        decide(T0, [datetime(2024, 5, 6, 9, 0)])
    with pytest.raises(InvalidInputError):
        Limit(0, timedelta(minutes=1))
    with pytest.raises(InvalidInputError):
        Limit(5, timedelta(0))
    with pytest.raises(InvalidInputError):
        Limit(True, timedelta(minutes=1))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=120), max_size=30),
    st.integers(min_value=0, max_value=180),
)
def test_throttle_properties(offsets, now_offset):
    failures = [minutes(i) for i in offsets]
    now = minutes(now_offset)
    limit = throttle.PER_CODE
    decision = decide(now, failures)
    recent = [f for f in failures if now - limit.window < f <= now]
    assert decision.allowed == (len(recent) < limit.max_failures)
    if not decision.allowed:
        assert now < decision.locked_until <= now + limit.window
        # open at locked_until if nothing fails after now
        past = [f for f in failures if f <= now]
        assert decide(decision.locked_until, past).allowed

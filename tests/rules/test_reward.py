"""Reward computation (complaint_rules.reward.compute_reward).

Seed 000 附件二 (篇一 S000-R023..R034, 篇四 S000-R077..R080) and seed 002 D2
(S002-R066..R068). Worked examples TC-06..TC-17 are the digest's
``seed-000.md`` §11.B; TC-26..TC-27 are ``seed-002.md`` §15.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError
from complaint_rules.reward import (
    FLAGS,
    CaseFacts,
    Exclusion,
    PercentTier,
    RewardPolicy,
    ValueBand,
    check_allocation,
    compute_reward,
)

MINE = presets.reward_policy("mine")
LISTED = presets.reward_policy("listed_company")
UTILITY = presets.reward_policy("utility")
PERCENTAGE = (MINE, LISTED)
D = Decimal
CENT = D("0.01")


def reward(policy, **facts):
    return compute_reward(policy, CaseFacts(**facts))


def with_reading(policy, **readings):
    return dataclasses.replace(policy, **readings)


percentage_policies = pytest.mark.parametrize(
    "policy", PERCENTAGE, ids=lambda p: p.code
)


# --------------------------------------------------------------------------
# The digest's worked examples (seed-000 §11.B)
# --------------------------------------------------------------------------


@percentage_policies
@pytest.mark.parametrize(
    ("case", "facts", "amount", "tier", "basis", "capped", "floored"),
    [
        ("TC-06", dict(evidence="cooperation", recovered_loss=50000), "5000",
         "cooperation", "loss", False, False),
        ("TC-07", dict(evidence="cooperation", recovered_loss=150000), "10000",
         "cooperation", "loss", True, False),
        ("TC-08", dict(evidence="cooperation", fine=20000), "6000",
         "cooperation", "fine", False, False),
        ("TC-09", dict(evidence="direct", recovered_loss=80000), "16000",
         "direct", "loss", False, False),
        ("TC-10", dict(evidence="direct", fine=50000), "20000",
         "direct", "fine", True, False),
        ("TC-11", dict(evidence="direct", major=True, recovered_loss=200000),
         "40000", "major", "loss", False, False),
        ("TC-12", dict(evidence="direct", major=True, recovered_loss=750000),
         "100000", "major", "loss", True, False),
        ("TC-13", dict(evidence="direct", major=True, recovered_loss="199999.99"),
         "20000", "direct", "loss", True, False),
        ("TC-14", dict(evidence="cooperation", recovered_loss=600), "100",
         "cooperation", "loss", False, True),
    ],
)  # fmt: skip
def test_s000_r079_worked_examples(
    policy, case, facts, amount, tier, basis, capped, floored
):
    result = reward(policy, **facts)
    assert result.eligible, case
    assert result.amount == D(amount), case
    assert result.amount.as_tuple().exponent == -2  # cents
    assert (result.tier, result.basis) == (tier, basis), case
    assert (result.cap_applied, result.floor_applied) == (capped, floored), case
    assert result.minimum == result.maximum == result.amount


def test_s000_r079_tc13_raw_amount_is_exact():
    result = reward(LISTED, evidence="direct", major=True, recovered_loss="199999.99")
    assert result.raw == D("39999.998")
    assert result.cap == D(20000)
    assert "major_below_threshold" in [n.code for n in result.notes]


@percentage_policies
@pytest.mark.parametrize(
    "flag", ["anonymous", "audit_staff", "own_duties", "commissioned"]
)
def test_s000_r024_r078_exclusions_tc15(policy, flag):
    result = reward(policy, evidence="direct", recovered_loss=100000, flags={flag})
    assert not result.eligible
    assert result.amount == 0 and not result.floor_applied
    assert result.excluded_by == (flag,)
    rule = "S000-R024" if policy is MINE else "S000-R078"
    assert rule in result.rule_ids


@percentage_policies
def test_s000_r031_r080_joint_report_tc16(policy):
    small = reward(
        policy, evidence="direct", recovered_loss=60000, reporters=3, joint=True
    )
    assert small.amount == D(12000) and small.shared_by == 3
    big = reward(
        policy, evidence="direct", recovered_loss=300000, reporters=3, joint=True
    )
    assert big.amount == D(20000) and big.cap_applied  # the case total
    assert "sharing" in [n.code for n in big.notes]
    assert check_allocation(big.amount, {"a": 8000, "b": 6000, "c": 6000}) == 0
    with pytest.raises(InvalidInputError, match="exceed the case total"):
        check_allocation(big.amount, {"a": 20000, "b": 20000, "c": 20000})


@percentage_policies
def test_s000_r031_r080_one_reward_per_case_tc17(policy):
    first = reward(policy, evidence="direct", recovered_loss=90000, reporters=2)
    assert first.amount == D(18000) and first.shared_by == 2
    assert check_allocation(first.amount, {"A": 18000}) == 0
    again = reward(
        policy, evidence="direct", recovered_loss=90000, flags={"already_rewarded"}
    )
    assert not again.eligible and again.excluded_by == ("already_rewarded",)


# --------------------------------------------------------------------------
# Tier edges, caps and the floor, at and 0.01 around each boundary
# --------------------------------------------------------------------------


@percentage_policies
@pytest.mark.parametrize(
    ("evidence", "loss", "amount", "tier", "capped"),
    [
        # tier (一) cap 10,000 reached at a loss of 100,000
        ("cooperation", "99999.99", "10000.00", "cooperation", False),
        ("cooperation", "100000", "10000", "cooperation", False),
        ("cooperation", "100000.01", "10000", "cooperation", True),
        # tier (二) cap 20,000 reached at 100,000
        ("direct", "99999.99", "20000.00", "direct", False),
        ("direct", "99999.95", "19999.99", "direct", False),
        ("direct", "100000", "20000", "direct", False),
        ("direct", "100000.01", "20000", "direct", True),
        # tier (三) from 200,000 inclusive, cap 100,000 reached at 500,000
        ("direct", "499999.99", "100000.00", "major", False),
        ("direct", "500000", "100000", "major", False),
        ("direct", "500000.01", "100000", "major", True),
    ],
)
def test_s000_r027_r028_r079_caps_at_the_edge(
    policy, evidence, loss, amount, tier, capped
):
    result = reward(policy, evidence=evidence, recovered_loss=loss, major=True)
    assert (result.amount, result.tier, result.cap_applied) == (
        D(amount),
        tier,
        capped,
    )


@percentage_policies
@pytest.mark.parametrize(
    ("evidence", "loss", "amount", "tier"),
    [
        ("direct", "199999.99", "20000", "direct"),
        ("direct", "200000.00", "40000", "major"),
        ("direct", "200000.01", "40000.00", "major"),  # 40000.002
        ("cooperation", "199999.99", "10000", "cooperation"),
        ("cooperation", "200000", "40000", "major"),
        ("cooperation", "200000.01", "40000.00", "major"),
    ],
)
def test_s000_r029_r079_major_threshold_inclusive(policy, evidence, loss, amount, tier):
    result = reward(policy, evidence=evidence, recovered_loss=loss, major=True)
    assert (result.amount, result.tier) == (D(amount), tier)
    unmarked = reward(policy, evidence=evidence, recovered_loss=loss)
    assert unmarked.tier == evidence  # default reading: the flag is needed


@percentage_policies
@pytest.mark.parametrize(
    ("evidence", "base", "basis", "amount", "floored"),
    [
        # tier (一): 10 % of the loss reaches 100 at 1,000
        ("cooperation", "999.99", "loss", "100", True),
        ("cooperation", "1000", "loss", "100", False),
        ("cooperation", "1000.01", "loss", "100.00", False),  # 100.001
        ("cooperation", "1000.05", "loss", "100.01", False),  # half up
        ("cooperation", "0.01", "loss", "100", True),
        # tier (一): 30 % of the fine reaches 100 at 333.33...
        ("cooperation", "333.33", "fine", "100", True),  # 99.999
        ("cooperation", "333.34", "fine", "100.00", False),  # 100.002
        # tier (二): 20 % of the loss reaches 100 at 500; 50 % of the fine at 200
        ("direct", "499.99", "loss", "100", True),
        ("direct", "500", "loss", "100", False),
        ("direct", "500.01", "loss", "100.00", False),
        ("direct", "199.99", "fine", "100", True),
        ("direct", "200", "fine", "100", False),
        ("direct", "200.01", "fine", "100.01", False),  # 100.005 half up
    ],
)
def test_s000_r030_r079_floor_of_100_at_the_edge(
    policy, evidence, base, basis, amount, floored
):
    facts = {"recovered_loss" if basis == "loss" else "fine": base}
    result = reward(policy, evidence=evidence, **facts)
    assert (result.amount, result.basis, result.floor_applied) == (
        D(amount),
        basis,
        floored,
    )
    if floored:
        assert "floor" in [n.code for n in result.notes]
        floor_rule = "S000-R030" if policy is MINE else "S000-R079"
        assert floor_rule in result.rule_ids


# --------------------------------------------------------------------------
# The readings of the ambiguous text (digest seed-000 §4.8)
# --------------------------------------------------------------------------


@percentage_policies
def test_s000_r026_basis_when_both_defaults_to_the_loss(policy):
    result = reward(policy, evidence="direct", recovered_loss=10000, fine=10000)
    assert (result.basis, result.amount) == ("loss", D(2000))  # never 2000 + 5000
    assert dict(result.alternatives) == {"loss": D(2000), "fine": D(5000)}
    assert result.readings == {"basis_when_both": "loss"}
    assert "(reading basis_when_both=loss)" in result.explanation


@percentage_policies
@pytest.mark.parametrize(
    ("reading", "basis", "amount"),
    [("fine", "fine", "5000"), ("higher", "fine", "5000"), ("loss", "loss", "2000")],
)
def test_s000_r026_basis_when_both_readings(policy, reading, basis, amount):
    policy = with_reading(policy, basis_when_both=reading)
    result = reward(policy, evidence="direct", recovered_loss=10000, fine=10000)
    assert (result.basis, result.amount) == (basis, D(amount))
    assert f"(reading basis_when_both={reading})" in result.explanation


def test_s000_r079_higher_reading_prefers_the_loss_on_a_tie():
    policy = with_reading(LISTED, basis_when_both="higher")
    result = reward(policy, evidence="direct", recovered_loss=250000, fine=40000)
    # loss: 20 % = 50,000 capped 20,000; fine: 50 % = 20,000: a tie
    assert (result.basis, result.amount) == ("loss", D(20000))
    major = reward(
        policy, evidence="direct", recovered_loss=250000, fine=40000, major=True
    )
    assert (major.basis, major.tier, major.amount) == ("loss", "major", D(50000))


@percentage_policies
def test_s000_r079_approver_choice_of_basis_overrides_the_reading(policy):
    result = reward(
        policy, evidence="direct", recovered_loss=10000, fine=10000, basis="fine"
    )
    assert (result.basis, result.amount) == ("fine", D(5000))
    assert "basis:chosen" in [n.code for n in result.notes]
    assert "basis_when_both" not in result.readings
    with pytest.raises(InvalidInputError, match="has no amount"):
        reward(policy, evidence="direct", recovered_loss=10000, basis="fine")


@percentage_policies
def test_s000_r079_major_tier_has_no_fine_rate(policy):
    # §4.8 c: a major case rewarded on its fine falls back to tier (二).
    result = reward(
        policy,
        evidence="direct",
        major=True,
        recovered_loss=300000,
        fine=30000,
        basis="fine",
    )
    assert (result.tier, result.amount) == ("direct", D(15000))
    assert "major_not_on:fine" in [n.code for n in result.notes]
    fine_only = reward(policy, evidence="direct", major=True, fine=300000)
    assert (fine_only.tier, fine_only.amount) == ("direct", D(20000))


@percentage_policies
def test_s000_r029_r079_major_reading_threshold(policy):
    policy = with_reading(policy, major_reading="threshold")
    result = reward(policy, evidence="cooperation", recovered_loss=200000)
    assert (result.tier, result.amount) == ("major", D(40000))
    assert result.readings == {"major_reading": "threshold"}
    below = reward(policy, evidence="cooperation", recovered_loss="199999.99")
    assert (below.tier, below.amount) == ("cooperation", D(10000))


@percentage_policies
def test_s000_r079_major_needs_direct_evidence_reading(policy):
    facts = dict(evidence="cooperation", recovered_loss=300000, major=True)
    assert reward(policy, **facts).tier == "major"  # default: no evidence needed
    strict = with_reading(policy, major_needs_direct_evidence=True)
    result = reward(strict, **facts)
    assert (result.tier, result.amount) == ("cooperation", D(10000))
    assert result.readings == {"major_needs_direct_evidence": True}
    direct = reward(strict, **{**facts, "evidence": "direct"})
    assert (direct.tier, direct.amount) == ("major", D(60000))


@percentage_policies
def test_s000_r077_fine_only_cases(policy):
    default = reward(policy, evidence="cooperation", fine=1000)
    assert default.eligible and default.amount == D(300)
    assert default.readings == {"fine_only_rewarded": True}
    assert "S000-R077" in default.rule_ids
    strict = with_reading(policy, fine_only_rewarded=False)
    result = reward(strict, evidence="cooperation", fine=1000)
    assert not result.eligible and result.amount == 0
    assert result.excluded_by == ("no_recovered_loss",)
    assert not result.floor_applied
    assert "(reading fine_only_rewarded=False)" in result.explanation
    # a recovered loss with the fine is rewarded under both readings
    both = reward(strict, evidence="cooperation", fine=1000, recovered_loss=1)
    assert both.eligible and both.amount == D(100)


@percentage_policies
def test_s000_r077_zero_base_floor_reading(policy):
    result = reward(policy, evidence="direct")
    assert not result.eligible and result.amount == 0
    assert result.excluded_by == ("zero_base",)
    assert result.readings == {"floor_on_zero_base": False}
    generous = with_reading(policy, floor_on_zero_base=True)
    paid = reward(generous, evidence="direct")
    assert paid.eligible and paid.amount == D(100) and paid.floor_applied
    assert paid.tier == "direct"
    assert "(reading floor_on_zero_base=True)" in paid.explanation
    # without a recovered loss nothing is rewarded if fine-only cases are not
    strict = with_reading(generous, fine_only_rewarded=False)
    assert reward(strict, evidence="direct").excluded_by == ("no_recovered_loss",)


def test_s000_r023_r077_unverified_report_gets_nothing():
    result = reward(MINE, evidence="direct", recovered_loss=50000, verified=False)
    assert not result.eligible and result.excluded_by == ("not_verified",)
    assert result.rule_ids == ("S000-R023", "S000-R077")
    both = reward(
        MINE,
        evidence="direct",
        recovered_loss=50000,
        verified=False,
        flags={"anonymous", "audit_staff"},
    )
    assert both.excluded_by == ("not_verified", "anonymous", "audit_staff")


def test_s000_r027_r029_mine_cites_its_own_rules():
    result = reward(MINE, evidence="direct", major=True, recovered_loss=250000)
    assert result.rule_ids[:2] == ("S000-R029", "S000-R079")
    assert reward(MINE, evidence="cooperation", recovered_loss=1).rule_ids == (
        "S000-R027",
        "S000-R030",
    )


def test_explanation_names_amounts_and_rules():
    result = reward(LISTED, evidence="cooperation", recovered_loss=150000)
    assert result.explanation.splitlines() == [
        "Tier (一)举报并配合调查、但未提供有效证据 (cooperation evidence): 10 % of "
        "the recovered loss 150000 = 15000, cap 10000. [S000-R079]",
        "Capped at 10000 for the case. [S000-R079]",
        "Reward of the case: 10000.",
    ]
    assert [n.code for n in result.notes] == ["tier:cooperation", "cap", "amount"]


# --------------------------------------------------------------------------
# Utility (seed 002 D2): bands per incident
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "band", "low", "high"),
    [
        ("30000", "below_50000", 100, 1000),  # TC-26 (a)
        ("120000", "from_50000", 500, 5000),  # TC-26 (b)
        ("50000", "from_50000", 500, 5000),  # TC-26 (c), "达5万元以上"
        ("49999.99", "below_50000", 100, 1000),
        ("50000.01", "from_50000", 500, 5000),
        ("0", "below_50000", 100, 1000),
    ],
)
def test_s002_r067_bands(value, band, low, high):
    result = reward(UTILITY, incident_value=value)
    assert result.eligible and result.amount is None  # the approver fixes it
    assert (result.tier, result.minimum, result.maximum) == (band, D(low), D(high))
    assert result.basis == "incident_value" and result.base == D(value)
    assert "S002-R067" in result.rule_ids


def test_s002_r067_edge_reading():
    assert reward(UTILITY, incident_value=50000).readings == {"edge_reading": "upper"}
    lower = with_reading(UTILITY, edge_reading="lower")
    result = reward(lower, incident_value=50000)
    assert (result.tier, result.maximum) == ("below_50000", D(1000))
    assert "(reading edge_reading=lower)" in result.explanation
    assert reward(lower, incident_value="50000.01").tier == "from_50000"
    assert reward(lower, incident_value="49999.99").readings == {}


@pytest.mark.parametrize(
    ("value", "fixed", "ok"),
    [
        (30000, "100", True),
        (30000, "1000", True),
        (30000, "99.99", False),
        (30000, "1000.01", False),
        (50000, "500", True),
        (50000, "499.99", False),
        (50000, "5000", True),
        (50000, "5000.01", False),
    ],
)
def test_s002_r066_r067_approver_fixes_the_amount_within_the_band(value, fixed, ok):
    if ok:
        result = reward(UTILITY, incident_value=value, fixed_amount=fixed)
        assert result.amount == D(fixed)
        assert "S002-R066" in result.rule_ids
    else:
        with pytest.raises(InvalidInputError, match="outside the band"):
            reward(UTILITY, incident_value=value, fixed_amount=fixed)


@pytest.mark.parametrize(
    "flag", ["already_discovered", "under_investigation", "measures_taken"]
)
def test_s002_r068_no_reward_cases_tc27(flag):
    result = reward(UTILITY, incident_value=120000, flags={flag})
    assert not result.eligible and result.amount == 0
    assert result.excluded_by == (flag,)
    assert result.rule_ids == ("S002-R068",)


def test_s002_r053_r068_utility_does_not_exclude_anonymous_reports():
    result = reward(UTILITY, incident_value=1000, flags={"anonymous"})
    assert result.eligible and result.maximum == D(1000)
    assert not reward(UTILITY, incident_value=1000, verified=False).eligible


def test_s002_r067_per_incident():
    assert UTILITY.per_incident and not MINE.per_incident
    notes = [n.code for n in reward(UTILITY, incident_value=1).notes]
    assert notes[0] == "per_incident"


# --------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------


def test_missing_facts_are_refused():
    with pytest.raises(InvalidInputError, match="evidence level"):
        reward(MINE, recovered_loss=1000)
    with pytest.raises(InvalidInputError, match="incident value"):
        reward(UTILITY)


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        (dict(recovered_loss=-1), "recovered_loss"),
        (dict(fine="abc"), "fine"),
        (dict(evidence="rumour"), "evidence"),
        (dict(flags={"unknown"}), "flags"),
        (dict(flags="anonymous"), "flags"),
        (dict(reporters=0), "reporters"),
        (dict(joint=True), "reporters"),
        (dict(verified=1), "verified"),
        (dict(basis="both"), "basis"),
    ],
)
def test_case_facts_are_checked(facts, field):
    with pytest.raises(InvalidInputError) as info:
        CaseFacts(**facts)
    assert info.value.params.get("field") == field


def test_float_amounts_are_read_exactly():
    result = reward(LISTED, evidence="cooperation", recovered_loss=1000.1)
    assert result.raw == D("100.01") and result.amount == D("100.01")


def test_policies_check_their_data():
    tier = MINE.tiers[1]
    with pytest.raises(InvalidInputError, match="fraction"):
        dataclasses.replace(tier, loss_rate=D(20))
    with pytest.raises(InvalidInputError, match="basis_when_both"):
        with_reading(MINE, basis_when_both="sum")
    with pytest.raises(InvalidInputError, match="floor_on_zero_base"):
        with_reading(MINE, floor_on_zero_base="yes")
    with pytest.raises(InvalidInputError, match="floor above a cap"):
        dataclasses.replace(MINE, floor=D(10001))
    with pytest.raises(InvalidInputError, match="no ordinary tier"):
        dataclasses.replace(MINE, tiers=MINE.tiers[:2])
    with pytest.raises(InvalidInputError, match="exclusion repeats"):
        dataclasses.replace(MINE, exclusions=MINE.exclusions * 2)
    with pytest.raises(InvalidInputError, match="no rule IDs cited for claim"):
        dataclasses.replace(MINE, citations={"scope": ("S000-R077",)})
    with pytest.raises(InvalidInputError, match="must meet"):
        dataclasses.replace(
            UTILITY,
            bands=(
                UTILITY.bands[0],
                dataclasses.replace(UTILITY.bands[1], lower=D(60000)),
            ),
        )
    with pytest.raises(InvalidInputError, match="cover every value"):
        dataclasses.replace(UTILITY, bands=UTILITY.bands[:1])
    with pytest.raises(InvalidInputError, match="minimum above maximum"):
        ValueBand("x", "x", ("S002-R067",), minimum=D(2), maximum=D(1))
    with pytest.raises(InvalidInputError):
        Exclusion("gossip", ("S000-R024",))
    with pytest.raises(InvalidInputError, match="rule_ids"):
        PercentTier("x", "x", (), loss_rate=D("0.1"), cap=D(1))
    with pytest.raises(InvalidInputError, match="RewardPolicy"):
        compute_reward("mine", CaseFacts())
    assert isinstance(MINE, RewardPolicy) and set(FLAGS) >= {
        ex.flag for policy in (MINE, LISTED, UTILITY) for ex in policy.exclusions
    }


def test_check_allocation_refuses_bad_shares():
    with pytest.raises(InvalidInputError, match="positive"):
        check_allocation(1000, {"a": 0})
    with pytest.raises(InvalidInputError, match="non-empty"):
        check_allocation(1000, {})
    assert check_allocation("1000", {"a": "250.50"}) == D("749.50")


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=2_000_000, places=2)
evidences = st.sampled_from(["cooperation", "direct"])
policies = st.sampled_from(
    [
        MINE,
        LISTED,
        with_reading(LISTED, major_reading="threshold"),
        with_reading(MINE, basis_when_both="higher"),
        with_reading(LISTED, major_needs_direct_evidence=True),
        with_reading(MINE, floor_on_zero_base=True, fine_only_rewarded=False),
    ]
)
flag_sets = st.frozensets(st.sampled_from(sorted(FLAGS)), max_size=2)


@settings(max_examples=300, deadline=None)
@given(policies, evidences, st.booleans(), amounts, amounts)
def test_monotone_in_the_loss(policy, evidence, major, low, high):
    # Within a tier and across tiers: more recovered loss never pays less.
    low, high = sorted((low, high))
    a = reward(policy, evidence=evidence, major=major, recovered_loss=low)
    b = reward(policy, evidence=evidence, major=major, recovered_loss=high)
    assert a.amount <= b.amount
    if a.tier == b.tier and a.tier is not None:
        assert a.raw <= b.raw


@settings(max_examples=300, deadline=None)
@given(policies, evidences, amounts, amounts)
def test_monotone_in_the_fine(policy, evidence, low, high):
    low, high = sorted((low, high))
    a = reward(policy, evidence=evidence, fine=low)
    b = reward(policy, evidence=evidence, fine=high)
    assert a.amount <= b.amount


@settings(max_examples=500, deadline=None)
@given(
    policies,
    evidences,
    st.booleans(),
    amounts,
    amounts,
    flag_sets,
    st.booleans(),
    st.integers(min_value=1, max_value=5),
)
def test_never_above_the_cap_never_below_the_floor(
    policy, evidence, major, loss, fine, flags, verified, reporters
):
    result = reward(
        policy,
        evidence=evidence,
        major=major,
        recovered_loss=loss,
        fine=fine,
        flags=flags,
        verified=verified,
        reporters=reporters,
    )
    caps = {tier.code: tier.cap for tier in policy.tiers}
    assert result.amount <= max(caps.values())
    assert result.amount == result.amount.quantize(CENT) or result.amount == 0
    if result.eligible:
        assert result.amount <= caps[result.tier]
        assert result.amount >= policy.floor
        assert result.basis in ("loss", "fine")
        assert result.amount in result.alternatives.values() or result.raw == 0
        # never the sum of the two bases
        if loss > 0 and fine > 0:
            assert result.amount == result.alternatives[result.basis]
    else:
        assert result.amount == 0 and not result.floor_applied
        assert result.excluded_by
        if verified and not policy.excluding(flags):
            assert result.excluded_by[0] in ("zero_base", "no_recovered_loss")
    assert policy.excluding(flags) == () or not result.eligible


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10_000_000, places=2))
def test_utility_band_is_one_of_two_and_monotone(value):
    result = reward(UTILITY, incident_value=value)
    if value < 50000:
        assert (result.minimum, result.maximum) == (D(100), D(1000))
    else:
        assert (result.minimum, result.maximum) == (D(500), D(5000))

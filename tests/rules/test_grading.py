"""Tests of complaint_rules.grading: presets, criteria, serialisation, repeats."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError, RuleError
from complaint_rules.grading import (
    CONDUCT_LEVELS,
    FACT_FLAGS,
    HARM_LEVELS,
    IMPACT_LEVELS,
    Duration,
    Grade,
    GradeCriterion,
    GradingScheme,
    TicketFacts,
    count_repeats,
    criterion_from_dict,
    criterion_to_dict,
    evaluate,
    scheme_from_dict,
    scheme_from_dicts,
    scheme_to_dict,
)
from complaint_rules.presets.hospital import HOSPITAL_SERVICE_ATTITUDE
from complaint_rules.presets.insurer import INSURANCE_MAJOR
from complaint_rules.presets.property import PROPERTY_MANAGEMENT
from complaint_rules.presets.telecom import TELECOM_UPGRADE
from complaint_rules.reference import CHANNELS, KINDS, codes

PRESETS = presets.presets("grading_scheme")


def grade_of(scheme: GradingScheme, **facts) -> str:
    return evaluate(TicketFacts(**facts), scheme).grade


# ---------------------------------------------------------------------------
# Property management, seed 003 D2 (worked examples TC-07..TC-11)
# ---------------------------------------------------------------------------


def test_s003_r020_tc07_dim_corridor_lamps_is_minor_by_default():
    # Equipment limitation, non-human, easily improved: no fault flags.
    result = evaluate(TicketFacts(harm="inconvenience"), PROPERTY_MANAGEMENT)
    assert result.grade == "minor"
    assert result.rule_id == "S003-R020"
    assert result.criterion is None
    assert result.is_default
    assert result.matched == ()


def test_s003_r019_tc08_skipped_cleaning_is_important():
    result = evaluate(
        TicketFacts(flags={"company_fault"}, harm="inconvenience"),
        PROPERTY_MANAGEMENT,
    )
    assert result.grade == "important"
    assert result.rule_id == "S003-R019"
    assert not result.is_default


def test_s003_r018_tc09_flood_by_maintenance_error_is_major():
    result = evaluate(
        TicketFacts(flags={"company_fault"}, harm="major_economic_loss"),
        PROPERTY_MANAGEMENT,
    )
    assert result.grade == "major"
    assert result.rule_id == "S003-R018"
    assert result.criterion.min_harm == "major_economic_loss"
    # The important criterion (company fault) matched too, after the major one.
    assert [c.grade for c in result.matched] == ["major", "important"]


def test_s003_r018_personal_injury_by_company_fault_is_major():
    assert grade_of(
        PROPERTY_MANAGEMENT, flags={"company_fault"}, harm="personal_injury"
    ) == ("major")


def test_s003_r018_ordinary_economic_loss_is_only_important():
    # One level below "重大经济损失" does not reach 重大.
    assert grade_of(
        PROPERTY_MANAGEMENT, flags={"company_fault"}, harm="economic_loss"
    ) == ("important")


def test_s003_r018_major_loss_without_company_fault_is_not_major():
    # "由于公司责任" is part of the criterion.
    assert grade_of(PROPERTY_MANAGEMENT, harm="major_economic_loss") == "minor"


def test_s003_r018_commitment_raised_three_times_is_major():
    facts = {"flags": {"commitment_breached"}, "repeat_count": 2}
    result = evaluate(TicketFacts(**facts), PROPERTY_MANAGEMENT)
    assert result.grade == "major"
    assert result.criterion.min_repeat == 2


def test_s003_r018_commitment_raised_twice_is_important_only():
    # One below the "多次" threshold (2 earlier complaints) -> S003-R019.
    result = evaluate(
        TicketFacts(flags={"commitment_breached"}, repeat_count=1),
        PROPERTY_MANAGEMENT,
    )
    assert result.grade == "important"
    assert result.rule_id == "S003-R019"


def test_s003_r034_tc11_unresolved_after_one_month_becomes_major():
    result = evaluate(
        TicketFacts(flags={"unresolved_one_month"}, harm="inconvenience"),
        PROPERTY_MANAGEMENT,
    )
    assert result.grade == "major"
    assert result.rule_id == "S003-R034"


def test_s003_r031_r033_property_time_limits_as_data():
    (major,) = PROPERTY_MANAGEMENT.limits_for("major")
    assert major.first_reply == Duration(2, "calendar_days")
    assert major.resolution == Duration(10, "calendar_days")
    assert "S003-R033" in major.rule_ids
    (important,) = PROPERTY_MANAGEMENT.limits_for("important")
    assert important.resolution == Duration(3, "calendar_days")
    assert important.overrun_approver == "general_manager"
    assert important.rule_ids == ("S003-R032",)
    (minor,) = PROPERTY_MANAGEMENT.limits_for("minor")
    assert minor.resolution == Duration(2, "calendar_days")
    assert minor.overrun_approver == "manager_in_charge"
    assert minor.rule_ids == ("S003-R031",)


def test_s003_r018_property_grades_ordered_most_severe_first():
    assert PROPERTY_MANAGEMENT.grade_codes == ("major", "important", "minor")
    assert PROPERTY_MANAGEMENT.grade("major").label_zh == "重大投诉"
    assert PROPERTY_MANAGEMENT.severity("minor") == 2


# ---------------------------------------------------------------------------
# Insurance, seed 001 §1 S001-R040 (worked examples TC-25..TC-27)
# ---------------------------------------------------------------------------


def test_s001_r040_tc25_five_signatories_is_major_inclusive():
    result = evaluate(TicketFacts(complainant_count=5), INSURANCE_MAJOR)
    assert result.grade == "major"
    assert result.criterion.min_complainants == 5


def test_s001_r040_tc25_four_signatories_is_ordinary():
    result = evaluate(TicketFacts(complainant_count=4), INSURANCE_MAJOR)
    assert result.grade == "ordinary"
    assert result.is_default


def test_s001_r040_tc26_petition_without_company_fault_is_not_major():
    assert grade_of(INSURANCE_MAJOR, flags={"government_petition"}) == "ordinary"
    assert (
        grade_of(INSURANCE_MAJOR, flags={"government_petition", "company_fault"})
        == "major"
    )


def test_s001_r040_tc27_mainstream_media_is_major():
    assert grade_of(INSURANCE_MAJOR, media_involved=True) == "major"


def test_s001_r040_serious_injury_boundary():
    assert grade_of(INSURANCE_MAJOR, harm="serious_injury") == "major"
    assert grade_of(INSURANCE_MAJOR, harm="personal_injury") == "ordinary"


def test_s001_r050_insurance_limits():
    (major,) = INSURANCE_MAJOR.limits_for("major")
    assert major.first_reply == Duration(30, "calendar_days")
    (ordinary,) = INSURANCE_MAJOR.limits_for("ordinary")
    assert ordinary.first_reply == Duration(15, "working_days")


# ---------------------------------------------------------------------------
# Telecom, seed 000 §5 (worked examples TC-20..TC-22, TC-25)
# ---------------------------------------------------------------------------


def test_s000_r103_tc20_general_complaint_24_hours():
    result = evaluate(TicketFacts(), TELECOM_UPGRADE)
    assert result.grade == "general"
    assert result.rule_id == "S000-R103"
    (limit,) = TELECOM_UPGRADE.limits_for("general")
    assert limit.first_reply == Duration(24, "hours")


def test_s000_r103_tc21_provincial_vip_48_hours():
    result = evaluate(
        TicketFacts(flags={"needs_dispatch", "vip_customer"}), TELECOM_UPGRADE
    )
    assert result.grade == "provincial_vip"
    (limit,) = TELECOM_UPGRADE.limits_for("provincial_vip")
    assert limit.first_reply == Duration(48, "hours")


def test_s000_r103_provincial_ordinary_without_vip():
    assert grade_of(TELECOM_UPGRADE, flags={"needs_dispatch"}) == "provincial"


def test_s000_r103_tc22_roaming_cross_province_is_national_72_hours():
    result = evaluate(
        TicketFacts(flags={"cross_province", "needs_dispatch"}), TELECOM_UPGRADE
    )
    assert result.grade == "national"
    (limit,) = TELECOM_UPGRADE.limits_for("national")
    assert limit.first_reply == Duration(72, "hours")


def test_s000_r103_national_vip_needing_hq():
    assert grade_of(TELECOM_UPGRADE, flags={"needs_hq", "vip_customer"}) == (
        "national_vip"
    )


def test_s000_r137_group_hotline_is_escalated_complaint():
    result = evaluate(
        TicketFacts(channel="superior", flags={"cross_province"}), TELECOM_UPGRADE
    )
    assert result.grade == "escalated"
    assert result.rule_id == "S000-R137"


def test_s000_r140_tc25_escalated_limits_fixed_and_mobile():
    limits = {
        limit.applies_to: limit.resolution
        for limit in TELECOM_UPGRADE.limits_for("escalated")
    }
    assert limits == {
        "fixed_network": Duration(7, "working_days"),
        "mobile": Duration(3, "working_days"),
    }


def test_s000_r155_regulator_forwarded_is_appeal_and_beats_escalated():
    result = evaluate(TicketFacts(channel="regulator"), TELECOM_UPGRADE)
    assert result.grade == "appeal"
    assert result.rule_id == "S000-R155"
    (limit,) = TELECOM_UPGRADE.limits_for("appeal")
    assert limit.resolution == Duration(7, "working_days")


def test_s000_r155_direct_appeal_after_first_complaint_upgrade_boundary():
    assert grade_of(TELECOM_UPGRADE, channel="superior", upgrade_count=1) == "appeal"
    assert grade_of(TELECOM_UPGRADE, channel="superior", upgrade_count=0) == (
        "escalated"
    )


# ---------------------------------------------------------------------------
# Hospital, seed 002 D1 (S002-R032..R035, R038)
# ---------------------------------------------------------------------------


def test_s002_r033_grade_1_egregious_media_public():
    result = evaluate(
        TicketFacts(media_involved=True, conduct="egregious", impact="public"),
        HOSPITAL_SERVICE_ATTITUDE,
    )
    assert result.grade == "grade_1"
    assert result.rule_id == "S002-R033"


def test_s002_r033_grade_1_superior_authority():
    assert (
        grade_of(
            HOSPITAL_SERVICE_ATTITUDE,
            regulator_involved=True,
            conduct="egregious",
            impact="public",
        )
        == "grade_1"
    )


def test_s002_r033_internal_impact_only_falls_to_grade_2():
    # All three dimensions must hold for grade 1.
    assert (
        grade_of(
            HOSPITAL_SERVICE_ATTITUDE,
            media_involved=True,
            conduct="egregious",
            impact="internal",
        )
        == "grade_2"
    )


def test_s002_r034_grade_2_hospital_leaders_internal_impact():
    result = evaluate(
        TicketFacts(flags={"leadership_involved"}, conduct="poor", impact="internal"),
        HOSPITAL_SERVICE_ATTITUDE,
    )
    assert result.grade == "grade_2"
    assert result.rule_id == "S002-R034"


def test_s002_r035_egregious_but_only_via_follow_up_is_grade_3():
    # Digest ambiguity: dimensions disagree -> provisional grade 3 (S002-R038).
    result = evaluate(
        TicketFacts(conduct="egregious", harm="inconvenience"),
        HOSPITAL_SERVICE_ATTITUDE,
    )
    assert result.grade == "grade_3"
    assert result.rule_id == "S002-R035"


def test_s002_r038_no_attitude_problem_is_ungraded():
    result = evaluate(TicketFacts(harm="inconvenience"), HOSPITAL_SERVICE_ATTITUDE)
    assert result.grade == "ungraded"
    assert result.rule_id == "S002-R038"


def test_s002_r022_hospital_limit_two_working_days_every_grade():
    for code in HOSPITAL_SERVICE_ATTITUDE.grade_codes:
        (limit,) = HOSPITAL_SERVICE_ATTITUDE.limits_for(code)
        assert limit.first_reply == Duration(2, "working_days")


# ---------------------------------------------------------------------------
# Configurable criteria: inclusive thresholds on custom schemes
# ---------------------------------------------------------------------------

GRADE_ROWS = [
    {"code": "high", "label_zh": "高", "label_en": "High", "rule_id": "S000-R079"},
    {"code": "low", "label_zh": "低", "label_en": "Low", "rule_id": "S000-R079"},
]


def amount_scheme(min_amount) -> GradingScheme:
    return scheme_from_dicts(
        GRADE_ROWS,
        [{"grade": "high", "rule_id": "S000-R079", "min_amount": min_amount}],
        default_grade="low",
    )


@pytest.mark.parametrize(
    "threshold", ["200000", 200000, Decimal("200000.00"), 200000.0]
)
def test_s000_r079_amount_threshold_is_inclusive(threshold):
    scheme = amount_scheme(threshold)
    assert grade_of(scheme, amount=Decimal("200000.00")) == "high"
    assert grade_of(scheme, amount=Decimal("199999.99")) == "low"
    assert grade_of(scheme, amount=Decimal(750000)) == "high"


def test_s000_r079_float_amount_keeps_its_decimal_digits():
    scheme = amount_scheme(199999.99)
    assert scheme.criteria[0].min_amount == Decimal("199999.99")
    assert grade_of(scheme, amount=199999.99) == "high"
    assert grade_of(scheme, amount=Decimal("199999.98")) == "low"


def test_all_conditions_of_a_criterion_must_hold():
    scheme = scheme_from_dicts(
        GRADE_ROWS,
        [
            {
                "grade": "high",
                "rule_id": "S001-R040",
                "min_complainants": 5,
                "channels": ["visit", "letter"],
                "kinds": ["complaint"],
            }
        ],
        default_grade="low",
    )
    assert grade_of(scheme, complainant_count=5, channel="visit") == "high"
    assert grade_of(scheme, complainant_count=5, channel="hotline") == "low"
    assert grade_of(scheme, complainant_count=4, channel="visit") == "low"
    assert grade_of(scheme, complainant_count=9, channel="letter", kind="report") == (
        "low"
    )


def test_repeat_threshold_boundary():
    scheme = scheme_from_dicts(
        GRADE_ROWS,
        [{"grade": "high", "rule_id": "S001-R115", "min_repeat": 3}],
        default_grade="low",
    )
    assert grade_of(scheme, repeat_count=3) == "high"
    assert grade_of(scheme, repeat_count=2) == "low"


# ---------------------------------------------------------------------------
# Serialisation
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(PRESETS))
def test_presets_round_trip_through_json(code):
    scheme = PRESETS[code]
    data = json.loads(json.dumps(scheme_to_dict(scheme), ensure_ascii=False))
    assert scheme_from_dict(data) == scheme
    assert scheme.to_dict() == scheme_to_dict(scheme)


def test_criterion_to_dict_only_lists_set_conditions():
    criterion = INSURANCE_MAJOR.criteria_for("major")[2]
    assert criterion_to_dict(criterion) == {
        "grade": "major",
        "rule_id": "S001-R040",
        "flags": ["company_fault", "government_petition"],
        "note": "(3) government petition with likely company fault",
    }
    assert criterion_from_dict(criterion_to_dict(criterion)) == criterion


def test_criterion_from_dict_treats_odoo_empty_values_as_unset():
    criterion = criterion_from_dict(
        {
            "grade": "high",
            "rule_id": "S000-R079",
            "min_amount": "1000",
            "min_repeat": None,
            "channels": False,
            "min_harm": False,
            "note": "",
        }
    )
    assert criterion.channels == frozenset()
    assert criterion.min_repeat is None
    assert criterion.min_harm is None
    assert criterion.min_amount == Decimal(1000)


def test_scheme_from_dicts_sorts_grades_by_sequence():
    rows = [
        {**GRADE_ROWS[1], "sequence": 20},
        {**GRADE_ROWS[0], "sequence": 10},
    ]
    scheme = scheme_from_dicts(
        rows,
        [{"grade": "high", "rule_id": "S000-R079", "min_repeat": 1}],
        default_grade="low",
    )
    assert scheme.grade_codes == ("high", "low")


def test_scheme_from_dicts_keeps_given_order_without_sequence():
    scheme = scheme_from_dicts(list(reversed(GRADE_ROWS)), [], default_grade="low")
    assert scheme.grade_codes == ("low", "high")
    # No criterion: everything falls to the default grade.
    assert grade_of(scheme, complainant_count=100) == "low"


BAD_CRITERIA = [
    pytest.param({"grade": "high", "rule_id": "X", "min_repeat": -1}, id="negative"),
    pytest.param(
        {"grade": "high", "rule_id": "X", "min_amount": "-0.01"}, id="negative-amount"
    ),
    pytest.param({"grade": "high", "rule_id": "X", "min_amount": "abc"}, id="nan-text"),
    pytest.param({"grade": "high", "rule_id": "X", "min_amount": "NaN"}, id="nan"),
    pytest.param(
        {"grade": "high", "rule_id": "X", "min_amount": True}, id="bool-amount"
    ),
    pytest.param({"grade": "high", "rule_id": "X", "min_repeat": True}, id="bool-int"),
    pytest.param({"grade": "high", "rule_id": "X", "min_repeat": 1.5}, id="float-int"),
    pytest.param({"grade": "high", "rule_id": "X", "min_harm": "bruise"}, id="harm"),
    pytest.param({"grade": "high", "rule_id": "X", "channels": ["fax2"]}, id="channel"),
    pytest.param({"grade": "high", "rule_id": "X", "channels": "web"}, id="str-set"),
    pytest.param({"grade": "high", "rule_id": "X", "flags": ["vip"]}, id="flag"),
    pytest.param({"grade": "high", "rule_id": "X", "kinds": ["gossip"]}, id="kind"),
    pytest.param(
        {"grade": "high", "rule_id": "X", "colour": "red"}, id="unknown-field"
    ),
    pytest.param({"grade": "high", "rule_id": "X"}, id="no-condition"),
    pytest.param({"grade": "high", "min_repeat": 1}, id="no-rule-id"),
    pytest.param({"rule_id": "X", "min_repeat": 1}, id="no-grade"),
    pytest.param(
        {"grade": "nope", "rule_id": "X", "min_repeat": 1}, id="unknown-grade"
    ),
]


@pytest.mark.parametrize("row", BAD_CRITERIA)
def test_bad_criterion_rows_are_refused(row):
    with pytest.raises(InvalidInputError) as info:
        scheme_from_dicts(GRADE_ROWS, [row], default_grade="low")
    assert info.value.code == "invalid_input"
    assert isinstance(info.value, RuleError)


@pytest.mark.parametrize(
    ("grades", "default"),
    [
        pytest.param(GRADE_ROWS, "medium", id="unknown-default"),
        pytest.param([], "low", id="no-grades"),
        pytest.param(GRADE_ROWS + GRADE_ROWS[:1], "low", id="duplicate"),
        pytest.param([{"code": "x", "label_zh": "x"}], "x", id="missing-labels"),
        pytest.param([{**GRADE_ROWS[0], "colour": 1}], "high", id="unknown-field"),
        pytest.param(
            [{**GRADE_ROWS[0], "sequence": -1}, {**GRADE_ROWS[1], "sequence": 2}],
            "low",
            id="negative-sequence",
        ),
    ],
)
def test_bad_grade_rows_are_refused(grades, default):
    with pytest.raises(InvalidInputError):
        scheme_from_dicts(grades, [], default_grade=default)


def test_bad_scheme_dicts_are_refused():
    data = scheme_to_dict(PROPERTY_MANAGEMENT)
    with pytest.raises(InvalidInputError):
        scheme_from_dict({**data, "extra": 1})
    with pytest.raises(InvalidInputError):
        scheme_from_dict({key: v for key, v in data.items() if key != "grades"})
    bad_limit = {
        "grade": "major",
        "rule_ids": ["S003-R033"],
        "resolution": {"amount": 2, "unit": "fortnights"},
    }
    with pytest.raises(InvalidInputError):
        scheme_from_dict({**data, "limits": [bad_limit]})
    with pytest.raises(InvalidInputError):
        scheme_from_dict({**data, "limits": [{**bad_limit, "grade": "huge"}]})


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kind": "gossip"},
        {"channel": "pigeon"},
        {"amount": Decimal(-1)},
        {"amount": "lots"},
        {"complainant_count": -1},
        {"repeat_count": 1.0},
        {"harm": "bruise"},
        {"conduct": "rude"},
        {"impact": "global"},
        {"flags": {"vip"}},
        {"media_involved": "yes"},
    ],
)
def test_bad_facts_are_refused(kwargs):
    with pytest.raises(InvalidInputError):
        TicketFacts(**kwargs)


def test_facts_coerce_amount_and_flags():
    facts = TicketFacts(amount="12.50", flags=["company_fault"], media_involved=True)
    assert facts.amount == Decimal("12.50")
    assert facts.flags == frozenset({"company_fault"})
    assert facts.active_flags() == frozenset({"company_fault", "media_involved"})


def test_vocabularies_cover_reference_lists():
    assert HARM_LEVELS[0] == CONDUCT_LEVELS[0] == IMPACT_LEVELS[0] == "none"
    assert "regulator_involved" in FACT_FLAGS and "media_involved" in FACT_FLAGS
    assert set(codes(KINDS)) == {
        "complaint",
        "report",
        "consultation",
        "suggestion",
        "praise",
    }
    assert {
        "hotline",
        "web",
        "letter",
        "visit",
        "sms",
        "email",
        "regulator",
        "superior",
    } <= set(codes(CHANNELS))


def test_criterion_constructor_validates_directly():
    with pytest.raises(InvalidInputError):
        GradeCriterion(grade="x", rule_id="S000-R001", min_complainants=-5)
    with pytest.raises(InvalidInputError):
        Grade("x", "", "X", "S000-R001")


# ---------------------------------------------------------------------------
# Property-based checks
# ---------------------------------------------------------------------------

facts_strategy = st.builds(
    TicketFacts,
    kind=st.sampled_from(codes(KINDS)),
    channel=st.sampled_from(codes(CHANNELS)),
    regulator_involved=st.booleans(),
    media_involved=st.booleans(),
    complainant_count=st.integers(0, 12),
    repeat_count=st.integers(0, 5),
    upgrade_count=st.integers(0, 3),
    amount=st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False),
    harm=st.sampled_from(HARM_LEVELS),
    conduct=st.sampled_from(CONDUCT_LEVELS),
    impact=st.sampled_from(IMPACT_LEVELS),
    flags=st.frozensets(st.sampled_from(sorted(FACT_FLAGS))),
)


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, code=st.sampled_from(sorted(PRESETS)))
def test_most_severe_matching_grade_wins(facts, code):
    scheme = PRESETS[code]
    result = evaluate(facts, scheme)
    matching = [c for c in scheme.criteria if c.matches(facts)]
    if not matching:
        assert result.grade == scheme.default_grade
        assert result.criterion is None
    else:
        best = min(scheme.severity(c.grade) for c in matching)
        assert scheme.severity(result.grade) == best
        assert result.criterion in matching
        assert set(result.matched) == set(matching)


@settings(max_examples=100, deadline=None)
@given(facts=facts_strategy, extra=st.integers(1, 10))
def test_more_complainants_never_lower_the_insurance_grade(facts, extra):
    before = evaluate(facts, INSURANCE_MAJOR)
    more = TicketFacts(
        **{**facts.__dict__, "complainant_count": facts.complainant_count + extra}
    )
    after = evaluate(more, INSURANCE_MAJOR)
    assert INSURANCE_MAJOR.severity(after.grade) <= INSURANCE_MAJOR.severity(
        before.grade
    )


# ---------------------------------------------------------------------------
# count_repeats
# ---------------------------------------------------------------------------

AT = datetime(2024, 5, 10, 10, 0)
UTC_TZ = timezone(timedelta(0))
HISTORY = [
    ("A", datetime(2024, 4, 10, 0, 0)),  # first instant of the window (30 days)
    ("A", datetime(2024, 4, 9, 23, 59)),  # one minute before the window
    ("A", datetime(2024, 5, 10, 9, 59)),  # same day, earlier
    ("A", datetime(2024, 5, 10, 10, 0)),  # the same instant: not earlier
    ("A", datetime(2024, 5, 11, 8, 0)),  # later
    ("B", datetime(2024, 5, 1, 8, 0)),  # other complainant
    (None, datetime(2024, 5, 1, 8, 0)),  # unknown complainant
]


def test_s001_r115_count_repeats_window_boundaries():
    assert count_repeats(HISTORY, "A", AT, 30) == 2
    assert count_repeats(HISTORY, "A", AT, 31) == 3
    assert count_repeats(HISTORY, "B", AT, 30) == 1
    assert count_repeats(HISTORY, "C", AT, 30) == 0
    assert count_repeats(HISTORY, None, AT, 30) == 0


def test_s002_r008_count_repeats_window_zero_counts_same_day_only():
    assert count_repeats(HISTORY, "A", AT, 0) == 1


def test_count_repeats_with_dates():
    history = [
        ("A", date(2024, 5, 9)),
        ("A", date(2024, 5, 10)),
        ("A", date(2024, 5, 3)),
    ]
    # A date-only item on the same date as a date-only `at` is not earlier.
    assert count_repeats(history, "A", date(2024, 5, 10), 7) == 2
    assert count_repeats(history, "A", date(2024, 5, 10), 6) == 1
    # Against a datetime, a date stands for the start of its day.
    assert count_repeats(history, "A", AT, 0) == 1


def test_count_repeats_with_aware_datetimes():
    tz = timezone(timedelta(hours=8))
    at = datetime(2024, 5, 10, 10, 0, tzinfo=tz)
    history = [("A", at - timedelta(days=3)), ("A", at - timedelta(days=9))]
    assert count_repeats(history, "A", at, 7) == 1


@pytest.mark.parametrize(
    ("history", "at", "window"),
    [
        ([("A", AT)], AT, -1),
        ([("A", AT)], AT, 1.5),
        ([("A", "2024-05-01")], AT, 7),
        ([("A",)], AT, 7),
        ([("A", AT)], "2024-05-10", 7),
        ([("A", AT)], AT.replace(tzinfo=UTC_TZ), 7),
        ([("A", AT.replace(tzinfo=UTC_TZ))], AT, 7),
    ],
)
def test_count_repeats_bad_input(history, at, window):
    with pytest.raises(InvalidInputError):
        count_repeats(history, "A", at, window)

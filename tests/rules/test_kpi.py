"""KPI indicators as pure formulas (complaint_rules.kpi, preset
``kpi_telecom``): hand-computed values from seed 000's test cases
(TC-32..TC-39) and a small seeded set, boundaries included."""

from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

import pytest

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError
from complaint_rules.kpi import (
    Counts,
    Indicator,
    KpiSettings,
    StepFact,
    TicketFacts,
    evaluate,
    evaluate_counts,
    evaluate_year_by_months,
    from_counts,
)

KPI = presets.kpi_indicators("telecom")
DAY = date(2025, 3, 10)


def row(n=0, **kw):
    kw.setdefault("period_day", DAY)
    return TicketFacts(ticket=n, **kw)


def rows(count, start=0, **kw):
    return [row(start + i, **kw) for i in range(count)]


def steps(*outcomes, valid=None, delays=None):
    delays = delays or [0] * len(outcomes)
    return tuple(
        StepFact(f"s{i}", outcome, Decimal(delay), valid)
        for i, (outcome, delay) in enumerate(zip(outcomes, delays, strict=True))
    )


# ---------------------------------------------------------------------------
# Ordinary complaints (S000-R126..R132)
# ---------------------------------------------------------------------------


def test_s000_r126_complaint_rate_tc37():
    result = evaluate(KPI["complaint_rate"], rows(150), base=100000)
    assert result.value == Decimal("0.1500")
    assert (result.numerator, result.denominator) == (150, 100000)
    assert result.met is None  # no target


def test_s000_r126_external_base_is_required_and_only_there():
    with pytest.raises(InvalidInputError):
        evaluate(KPI["complaint_rate"], rows(1))
    with pytest.raises(InvalidInputError):
        evaluate(KPI["on_time_closure"], rows(1), base=10)


def test_s000_r127_on_time_closure_counts_resolved_within_the_limit():
    data = [
        *rows(3, closure="met", resolved=True),
        row(10, closure="met", resolved=False),  # closed on time, not 结办
        row(11, closure="missed", resolved=True),
        row(12, closure="pending"),  # deadline still running: left out
    ]
    result = evaluate(KPI["on_time_closure"], data)
    assert (result.numerator, result.denominator) == (3, 5)
    assert result.value == Decimal("60.00")
    missed = evaluate(KPI["on_time_closure"], data, KpiSettings(pending="missed"))
    assert (missed.numerator, missed.denominator) == (3, 6)
    assert missed.value == Decimal("50.00")


def test_s000_r128_first_time_resolution_tc38():
    data = [
        *rows(600, closure="met", resolved=True),
        *rows(250, 600, closure="met", resolved=True, dispatched=True),
        *rows(150, 850, closure="missed", resolved=True),
    ]
    result = evaluate(KPI["first_time_resolution"], data)
    assert (result.numerator, result.denominator) == (600, 1000)
    assert result.value == Decimal("60.00")


def test_s000_r129_satisfaction_tc39_both_denominators():
    data = [
        *rows(80, surveyed=True, satisfaction="satisfied"),
        *rows(20, 80, surveyed=True, satisfaction="dissatisfied"),
        *rows(100, 100),
    ]
    surveyed = evaluate(KPI["satisfaction"], data)
    assert (surveyed.numerator, surveyed.denominator) == (80, 100)
    assert surveyed.value == Decimal("80.00")
    everyone = evaluate(KPI["satisfaction"], data, KpiSettings(satisfaction_base="all"))
    assert (everyone.numerator, everyone.denominator) == (80, 200)
    assert everyone.value == Decimal("40.00")


def test_s000_r129_attitude_recorded_at_reply_counts_as_surveyed():
    result = evaluate(KPI["satisfaction"], [row(satisfaction="satisfied")])
    assert result.value == Decimal("100.00")


def test_s000_r130_flow_timeliness_every_step_within_its_limit():
    data = [
        row(1, steps=steps("met", "met", "met")),
        row(2, steps=steps("met", "missed", "met")),
        row(3, steps=steps("met", "pending")),  # flow not finished
        row(4),  # no step history: no flow to judge
    ]
    result = evaluate(KPI["flow_timeliness"], data)
    assert (result.numerator, result.denominator) == (1, 2)
    assert result.value == Decimal("50.00")


def test_s000_r130_sub_indicator_for_one_step():
    feedback = Indicator(
        **{**KPI["flow_timeliness"].__dict__, "code": "feedback", "step": "s1"}
    )
    data = [
        row(1, steps=steps("met", "met")),
        row(2, steps=steps("missed", "met")),
        row(3, steps=steps("met", "missed")),
    ]
    result = evaluate(feedback, data)
    assert (result.numerator, result.denominator) == (2, 3)
    assert result.value == Decimal("66.67")


def test_s000_r131_flow_validity_from_sampling():
    data = [
        row(1, steps=steps("met", "met", valid=True)),
        row(2, steps=steps("met", "met", valid=False)),  # misrouted
        row(3, steps=steps("met", "missed", valid=True)),  # late
        row(4, steps=steps("met", "met")),  # not sampled
    ]
    result = evaluate(KPI["flow_validity"], data)
    assert (result.numerator, result.denominator) == (1, 3)
    assert result.value == Decimal("33.33")
    assumed = evaluate(KPI["flow_validity"], data, KpiSettings(unsampled="valid"))
    assert (assumed.numerator, assumed.denominator) == (2, 4)


def test_s000_r132_average_delay_over_delayed_tickets_only():
    data = [
        row(1, steps=steps("missed", "met", delays=[2, 0])),
        row(2, steps=steps("missed", "missed", delays=[1, 4])),
        row(3, steps=steps("met", "met")),
    ]
    result = evaluate(KPI["average_delay"], data)
    assert (result.numerator, result.denominator) == (Decimal(7), 2)
    assert result.value == Decimal("3.50")
    assert KPI["average_delay"].unit == "hours"


def test_exclusions_merged_not_accepted_and_other_kinds():
    data = [
        row(1, closure="met", resolved=True),
        row(2, closure="missed", resolved=True, merged=True),
        row(3, closure="missed", resolved=True, accepted=False),
        row(4, closure="missed", resolved=True, kind="suggestion"),
    ]
    result = evaluate(KPI["on_time_closure"], data)
    assert (result.numerator, result.denominator) == (1, 1)


@pytest.mark.parametrize(
    "code", [i.code for i in KPI.indicators if i.method != "external"]
)
def test_empty_denominator_gives_none_not_zero(code):
    result = evaluate(KPI[code], [])
    if KPI[code].method == "count":
        assert result.value == 0
        return
    assert result.value is None
    assert result.ratio is None
    assert result.met is None


def test_rounding_is_half_up_on_the_exact_fraction():
    indicator = KPI["on_time_closure"]
    # 1/8 = 12.5 % exactly; 1/6 = 16.666… %; 2/3 = 66.666… %.
    assert from_counts(indicator, Counts(Decimal(1), 8)).value == Decimal("12.50")
    assert from_counts(indicator, Counts(Decimal(1), 6)).value == Decimal("16.67")
    # 0.125 % at 2 places → 0.13 (half up, not banker's 0.12).
    assert from_counts(indicator, Counts(Decimal(1), 800)).value == Decimal("0.13")
    assert from_counts(indicator, Counts(Decimal(2), 3)).ratio == Fraction(2, 3)


# ---------------------------------------------------------------------------
# Escalated complaints (S000-R142..R150)
# ---------------------------------------------------------------------------


def test_s000_r142_escalated_rate_counts_escalated_only():
    data = [*rows(3, escalated=True), *rows(5, 3)]
    result = evaluate(KPI["escalated_rate"], data, base=1000)
    assert result.value == Decimal("0.3000")


@pytest.mark.parametrize(
    ("solved", "value", "met"),
    [(190, "95.00", True), (189, "94.50", False), (200, "100.00", True)],
)
def test_s000_r143_resolution_rate_tc32_at_and_below_target(solved, value, met):
    data = [
        *rows(solved, escalated=True, closure="met", resolved=True),
        *rows(200 - solved, 1000, escalated=True, closure="missed", resolved=True),
        row(9999, closure="missed"),  # not escalated
    ]
    result = evaluate(KPI["escalated_resolution"], data, period="month")
    assert result.value == Decimal(value)
    assert result.met is met


def test_s000_r143_target_compared_exactly_by_default():
    indicator = KPI["escalated_resolution"]
    # 23749 / 25000 = 94.996 %: shows 95.00 but is below 95.
    counts = Counts(Decimal(23749), 25000)
    exact = from_counts(indicator, counts)
    assert exact.value == Decimal("95.00")
    assert exact.met is False
    rounded = from_counts(
        indicator, counts, settings=KpiSettings(target_comparison="rounded")
    )
    assert rounded.met is True


def test_s000_r144_satisfaction_with_result_over_all_escalated():
    data = [
        *rows(19, escalated=True, surveyed=True, satisfaction="satisfied"),
        row(100, escalated=True, surveyed=True, satisfaction="dissatisfied"),
    ]
    result = evaluate(KPI["escalated_satisfaction"], data)
    assert result.value == Decimal("95.00")
    assert result.met is True
    # an unsurveyed escalated complaint stays in the denominator (投诉总量)
    result = evaluate(KPI["escalated_satisfaction"], [*data, row(101, escalated=True)])
    assert (result.numerator, result.denominator) == (19, 21)
    assert result.met is False


def test_s000_r145_timeliness_tc33():
    data = [
        *rows(985, escalated=True, steps=steps("met", "met")),
        *rows(15, 985, escalated=True, steps=steps("met", "missed")),
    ]
    result = evaluate(KPI["escalated_timeliness"], data, period="day")
    assert result.value == Decimal("98.50")
    assert result.met is False
    result = evaluate(KPI["escalated_timeliness"], data[:990], period="day")
    assert result.value == Decimal("99.49") and result.met is True


def test_s000_r146_quality_within_limits_and_qualified():
    data = [
        *rows(99, escalated=True, steps=steps("met"), qualified=True),
        row(200, escalated=True, steps=steps("met"), qualified=False),
        row(201, escalated=True, steps=steps("met")),  # not sampled
    ]
    result = evaluate(KPI["escalated_quality"], data)
    assert (result.numerator, result.denominator) == (99, 100)
    assert result.value == Decimal("99.00") and result.met is True
    late = row(202, escalated=True, steps=steps("missed"), qualified=True)
    result = evaluate(KPI["escalated_quality"], [*data, late])
    assert (result.numerator, result.denominator) == (99, 101)
    assert result.met is False


def test_s000_r147_average_handling_time_tc36():
    start = datetime(2025, 3, 1, 8, 0)
    data = [
        row(
            1, escalated=True, received_at=start, closed_at=datetime(2025, 3, 1, 18, 0)
        ),
        row(2, escalated=True, handling_hours=Decimal(20)),
        row(3, escalated=True, received_at=start, closed_at=datetime(2025, 3, 3, 5, 0)),
        row(4, escalated=True, received_at=start),  # still open
    ]
    result = evaluate(KPI["escalated_handling_time"], data)
    assert (result.numerator, result.denominator) == (Decimal(75), 3)
    assert result.value == Decimal("25.00")
    assert result.met is None  # target "-"
    everyone = evaluate(
        KPI["escalated_handling_time"], data, KpiSettings(handling_base="all")
    )
    assert everyone.value == Decimal("18.75")


def test_s000_r148_on_time_completion_target_95():
    data = [
        *rows(19, escalated=True, closure="met", resolved=True),
        row(50, escalated=True, closure="missed", resolved=True),
    ]
    result = evaluate(KPI["escalated_on_time_completion"], data)
    assert result.value == Decimal("95.00") and result.met is True


def test_s000_r149_hotline_service_level_tc34():
    indicator = KPI["hotline_service_level"]
    result = evaluate_counts(indicator, 790, 1000, period="hour")
    assert result.value == Decimal("79.00") and result.met is False
    assert evaluate_counts(indicator, 800, 1000).met is True
    assert evaluate_counts(indicator, 0, 0).value is None
    with pytest.raises(InvalidInputError):
        evaluate_counts(indicator, 5, 4)


def _service(month, n=1):
    return [
        row(
            month * 10 + i,
            period_day=date(2025, month, 5),
            service_caused=True,
            substantiated=True,
        )
        for i in range(n)
    ]


def test_s000_r150_service_complaints_counts_only_verified():
    data = [*_service(1), row(99, service_caused=True)]  # not verified
    result = evaluate(KPI["service_complaints"], data, period="month")
    assert result.value == 1 and result.met is True


def test_s000_r150_service_complaints_tc35_month_and_year():
    indicator = KPI["service_complaints"]

    def months(per_month):
        return [Counts(Decimal(per_month.get(m, 0)), 0) for m in range(1, 13)]

    year, monthly, met = evaluate_year_by_months(indicator, months({1: 1, 4: 1, 7: 1}))
    assert year.value == 3 and met is True
    year, _, met = evaluate_year_by_months(indicator, months({1: 1, 4: 1, 7: 1, 10: 1}))
    assert year.value == 4 and year.met is False and met is False
    year, monthly, met = evaluate_year_by_months(indicator, months({3: 2}))
    assert year.met is True and monthly[2].met is False and met is False
    month = evaluate(indicator, _service(3, 2), period="month")
    assert month.value == 2 and month.met is False


# ---------------------------------------------------------------------------
# The preset
# ---------------------------------------------------------------------------


def test_telecom_preset_holds_every_seed_indicator_with_its_rule():
    assert {rid for i in KPI.indicators for rid in i.rule_ids} == {
        *(f"S000-R{n}" for n in range(126, 133)),
        *(f"S000-R{n}" for n in range(142, 151)),
    }
    targets = {
        i.code: [(t.comparison, t.value, t.period) for t in i.targets]
        for i in KPI.indicators
        if i.targets
    }
    assert targets == {
        "escalated_resolution": [(">=", 95, None)],
        "escalated_satisfaction": [(">=", 95, None)],
        "escalated_timeliness": [(">=", 99, None)],
        "escalated_quality": [(">=", 99, None)],
        "escalated_on_time_completion": [(">=", 95, None)],
        "hotline_service_level": [(">=", 80, None)],
        "service_complaints": [("<=", 1, "month"), ("<", 4, "year")],
    }


def test_definitions_refuse_bad_input():
    with pytest.raises(InvalidInputError):
        Indicator("x", "x", "x", ("S000-R127",), "ratio", numerator="nonsense")
    with pytest.raises(InvalidInputError):
        Indicator("x", "x", "x", (), "ratio", numerator="in_scope")
    with pytest.raises(InvalidInputError):
        KpiSettings(satisfaction_base="sometimes")
    with pytest.raises(InvalidInputError):
        StepFact("s", "met", Decimal(3))
    with pytest.raises(InvalidInputError):
        row(closure="late")

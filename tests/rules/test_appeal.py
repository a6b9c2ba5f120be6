"""Staged appeal plans (S000-R156) and appeal classes (S000-R155)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from complaint_rules import presets
from complaint_rules.appeal import (
    AppealRecord,
    Stage,
    StagePlan,
    appeal_count,
    classify_appeal,
    is_filed,
    plan_deadlines,
    reappeal_count,
)
from complaint_rules.calendar import WorkCalendar
from complaint_rules.errors import InvalidInputError

TZ = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()
PLAN = presets.appeal_plan("telecom_appeal")


def at(*args):
    return datetime(*args, tzinfo=TZ)


def eod(y, m, d):
    return at(y, m, d, 23, 59, 59)


# ---------------------------------------------------------------------------
# S000-R156, seed-000 TC-27
# ---------------------------------------------------------------------------


def test_s000_r156_preset_default_reading_is_windows():
    assert PLAN.reading == "windows"
    assert PLAN.stage_codes == ("dispatch", "branch", "head_office")
    assert "S000-R156" in PLAN.cited_rule_ids


def test_s000_r156_tc27_reading_a_windows_from_receipt():
    result = plan_deadlines(PLAN, at(2024, 7, 1, 9), CAL)
    assert result.reading == "windows"
    assert result.cap_at == eod(2024, 7, 10)
    assert result.due == {
        "dispatch": at(2024, 7, 2, 9),
        "branch": at(2024, 7, 5, 9),
        "head_office": at(2024, 7, 7, 9),  # branch at its latest + 48 h
    }
    assert result.stage("branch").opens_at == at(2024, 7, 2, 9)
    assert not any(stage.capped for stage in result.stages)


def test_s000_r156_tc27_reading_a_with_actual_branch_feedback():
    done = {"branch": at(2024, 7, 4, 9)}
    result = plan_deadlines(PLAN, at(2024, 7, 1, 9), CAL, done=done)
    head = result.stage("head_office")
    assert head.start == at(2024, 7, 4, 9)
    assert head.opens_at == at(2024, 7, 5, 9)
    assert head.due_at == at(2024, 7, 6, 9)


def test_s000_r156_tc27_reading_b_durations():
    result = plan_deadlines(PLAN, at(2024, 7, 1, 9), CAL, reading="durations")
    # Worst case 24 + 96 + 48 h = receipt + 168 h.
    assert result.due == {
        "dispatch": at(2024, 7, 2, 9),
        "branch": at(2024, 7, 6, 9),
        "head_office": at(2024, 7, 8, 9),
    }
    assert all(stage.opens_at is None for stage in result.stages)
    assert result.cap_at == eod(2024, 7, 10)
    done = {"dispatch": at(2024, 7, 1, 15), "branch": at(2024, 7, 4, 9)}
    result = plan_deadlines(
        PLAN, at(2024, 7, 1, 9), CAL, reading="durations", done=done
    )
    assert result.stage("branch").due_at == at(2024, 7, 5, 15)
    assert result.stage("head_office").due_at == at(2024, 7, 6, 9)


def test_s000_r156_friday_evening_before_national_day_2024():
    # Fri 2024-09-27 18:30; 7 working days: 09-29 (调休 Sun), 09-30, 10-08,
    # 10-09, 10-10, 10-11, 10-12 (调休 Sat).
    received = at(2024, 9, 27, 18, 30)
    a = plan_deadlines(PLAN, received, CAL)
    assert a.cap_at == eod(2024, 10, 12)
    assert a.due == {
        "dispatch": at(2024, 9, 28, 18, 30),
        "branch": at(2024, 10, 1, 18, 30),
        "head_office": at(2024, 10, 3, 18, 30),
    }
    b = plan_deadlines(PLAN, received, CAL, reading="durations")
    assert b.due == {
        "dispatch": at(2024, 9, 28, 18, 30),
        "branch": at(2024, 10, 2, 18, 30),
        "head_office": at(2024, 10, 4, 18, 30),
    }


WORKING_HOURS_PLAN = StagePlan(
    code="working_hours_variant",
    name="S000-R156 hours read as working hours",
    stages=(
        Stage("dispatch", "受理派发", "Dispatch", 24, "working_hours"),
        Stage("branch", "分公司处理反馈", "Branch", 96, "working_hours", opens=24),
        Stage(
            "head_office", "总部反馈", "HQ", 48, "working_hours", 24, anchor="branch"
        ),
    ),
    cap=7,
)


def test_s000_r156_working_hours_cut_by_the_cap_over_national_day():
    # Mon 2024-09-30 18:00, after hours on the eve of National Day.
    result = plan_deadlines(WORKING_HOURS_PLAN, at(2024, 9, 30, 18), CAL)
    # Cap: 10-08, 09, 10, 11, 12 (调休 Sat), 14, 15.
    assert result.cap_at == eod(2024, 10, 15)
    # 24 working hours at 7.5 h a day: 10-08, 10-09, 10-10, then 1.5 h.
    dispatch = result.stage("dispatch")
    assert dispatch.due_at == at(2024, 10, 11, 10) and not dispatch.capped
    # 96 working hours would end 2024-10-23 16:00: cut to the cap.
    branch = result.stage("branch")
    assert branch.capped and branch.due_at == eod(2024, 10, 15)
    head = result.stage("head_office")
    assert head.capped and head.due_at == eod(2024, 10, 15)
    assert head.opens_at == eod(2024, 10, 15)


WORKING_DAYS_PLAN = StagePlan(
    code="working_days_variant",
    name="stages in working days",
    stages=(
        Stage("dispatch", "受理派发", "Dispatch", 1, "working_days"),
        Stage("branch", "分公司处理反馈", "Branch", 3, "working_days"),
        Stage("head_office", "总部反馈", "HQ", 4, "working_days"),
    ),
    cap=7,
    reading="durations",
)


def test_plan_in_working_days_across_spring_festival_2025():
    # Fri 2025-01-24 17:00; off 01-28..02-04; 调休 Sun 01-26 and Sat 02-08.
    received = at(2025, 1, 24, 17)
    result = plan_deadlines(WORKING_DAYS_PLAN, received, CAL)
    # Cap: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08, 02-10.
    assert result.cap_at == eod(2025, 2, 10)
    assert result.stage("dispatch").due_at == eod(2025, 1, 26)
    # 01-27, 02-05, 02-06.
    assert result.stage("branch").due_at == eod(2025, 2, 6)
    # 02-07, 02-08, 02-10, 02-11 -> cut to the cap.
    head = result.stage("head_office")
    assert head.capped and head.due_at == eod(2025, 2, 10)
    # Calendar hours, reading B, over the same holiday.
    b = plan_deadlines(PLAN, received, CAL, reading="durations")
    assert b.due == {
        "dispatch": at(2025, 1, 25, 17),
        "branch": at(2025, 1, 29, 17),
        "head_office": at(2025, 1, 31, 17),
    }
    assert b.cap_at == eod(2025, 2, 10)


def test_plan_refuses_bad_input():
    with pytest.raises(InvalidInputError):
        plan_deadlines(PLAN, datetime(2024, 7, 1, 9), CAL)  # naive
    with pytest.raises(InvalidInputError):
        plan_deadlines(PLAN, at(2024, 7, 1, 9), CAL, reading="both")
    with pytest.raises(InvalidInputError):
        plan_deadlines(PLAN, at(2024, 7, 1, 9), CAL, done={"review": at(2024, 7, 2)})
    with pytest.raises(InvalidInputError):
        Stage("x", "x", "x", closes=24, opens=48)
    with pytest.raises(InvalidInputError):
        Stage("x", "x", "x", closes=24, unit="fortnights")
    with pytest.raises(InvalidInputError):
        StagePlan("p", "p", (Stage("a", "a", "a", 1, anchor="b"),), cap=7)
    with pytest.raises(InvalidInputError):
        StagePlan("p", "p", (Stage("a", "a", "a", 1), Stage("a", "a", "a", 2)), cap=7)
    with pytest.raises(InvalidInputError):
        StagePlan("p", "p", (), cap=7)


# ---------------------------------------------------------------------------
# S000-R155: filed vs non-filed, re-appeal counting
# ---------------------------------------------------------------------------


def test_s000_r155_ministry_forwards_are_filed_or_non_filed():
    filed = classify_appeal("ministry", True)
    assert (filed.code, filed.label_zh, filed.filed) == ("filed", "立案申诉", True)
    non_filed = classify_appeal("ministry", False)
    assert (non_filed.code, non_filed.label_zh) == ("non_filed", "非立案申诉")
    assert is_filed("ministry", True) and not is_filed("ministry", False)
    assert classify_appeal("other_authority").filed is None
    assert classify_appeal("direct").code == "direct"
    assert not is_filed("direct")
    assert filed.rule_ids == ("S000-R155",)


@pytest.mark.parametrize(
    ("source", "filed"),
    [("ministry", None), ("direct", True), ("other_authority", False), ("x", None)],
)
def test_s000_r155_bad_classes_are_refused(source, filed):
    with pytest.raises(InvalidInputError):
        classify_appeal(source, filed)


def test_s000_r155_reappeals_count_only_the_customers_own_appeals():
    records = [
        AppealRecord("c1", "m1", "customer", at(2024, 7, 1)),
        AppealRecord("c1", "m1", "internal_escalation", at(2024, 7, 3)),
        AppealRecord("c1", "m1", "internal_escalation", at(2024, 7, 4)),
        AppealRecord("c1", "m1", "customer", at(2024, 7, 10)),
        AppealRecord("c1", "m2", "customer", at(2024, 7, 11)),
        AppealRecord("c2", "m1", "customer", at(2024, 7, 12)),
        AppealRecord("c1", "m1", "customer", at(2024, 8, 1)),
    ]
    assert appeal_count(records, "c1", "m1") == 3
    assert reappeal_count(records, "c1", "m1") == 2
    assert appeal_count(records, "c1", "m1", until=at(2024, 7, 10)) == 2
    assert reappeal_count(records, "c1", "m1", until=at(2024, 7, 5)) == 0
    assert reappeal_count(records, "c1", "m2") == 0
    assert reappeal_count([], "c1", "m1") == 0
    # Escalations alone are no appeal of the customer.
    only_internal = [AppealRecord("c3", "m", "internal_escalation")] * 3
    assert appeal_count(only_internal, "c3", "m") == 0


def test_s000_r155_records_are_checked():
    with pytest.raises(InvalidInputError):
        AppealRecord("c", "m", "regulator")
    with pytest.raises(InvalidInputError):
        appeal_count([AppealRecord("c", "m")], "c", "m", until=at(2024, 1, 1))
    with pytest.raises(InvalidInputError):
        appeal_count([("c", "m")], "c", "m")

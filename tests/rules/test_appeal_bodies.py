"""Regulator bodies and their clocks; the 催办/督办/通报 ladder (S000-R158)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from complaint_rules import presets
from complaint_rules.appeal import (
    Clock,
    Ladder,
    RegulatorBody,
    Rung,
    assessable,
    body_deadlines,
    clock_deadline,
    rung_schedule,
    supervision_status,
)
from complaint_rules.calendar import WorkCalendar
from complaint_rules.errors import InvalidInputError

TZ = ZoneInfo("Asia/Shanghai")
CAL = WorkCalendar()


def at(*args):
    return datetime(*args, tzinfo=TZ)


def eod(y, m, d):
    return at(y, m, d, 23, 59, 59)


# ---------------------------------------------------------------------------
# Bodies shipped by the rulebooks
# ---------------------------------------------------------------------------


def test_the_seed_bodies_are_registered():
    assert set(presets.codes("regulator_body")) == {
        "telecom_ministry",
        "telecom_authority_provincial",
        "telecom_appeal_national",
        "telecom_appeal_provincial",
        "insurance_regulator",
        "commerce_12312",
        "consumers_association",
        "tobacco_12313",
        "food_drug",
    }
    assert presets.regulator_body("commerce_12312").hotline == "12312"
    assert presets.regulator_body("tobacco_12313").hotline == "12313"
    assert presets.regulator_body("telecom_ministry").hotline == "12300"
    assert presets.regulator_body("consumers_association").level == "any"
    assert presets.supervision_ladder("telecom_appeal").rung_codes == (
        "urging",
        "supervision",
        "circulated",
    )


def test_s004_r020_r021_food_drug_tc01_tc02_calendar_days_chained():
    body = presets.regulator_body("food_drug")
    due = body_deadlines(body, {"received": at(2024, 9, 27, 10)}, CAL)
    # TC01: 5 日 from Fri 2024-09-27 -> 10-02 (a holiday, not moved).
    assert due["acceptance_decision"] == eod(2024, 10, 2)
    # TC02: 15 日 from the acceptance at its latest -> 10-17 (receipt + 20 日).
    assert due["acceptance_notice"] == eod(2024, 10, 17)
    assert "non_acceptance_notice" not in due
    # An actual acceptance date wins over the latest one.
    due = body_deadlines(
        body, {"received": at(2024, 9, 27, 10), "accepted": at(2024, 9, 30, 9)}, CAL
    )
    assert due["acceptance_notice"] == eod(2024, 10, 15)
    due = body_deadlines(body, {"rejected": at(2024, 10, 2, 9)}, CAL)
    assert due == {"non_acceptance_notice": eod(2024, 10, 17)}


def test_s004_r020_tc01_working_days_and_roll_forward_variants():
    clock = presets.regulator_body("food_drug").clock("acceptance_decision")
    received = at(2024, 9, 27, 10)
    working = Clock(**{**clock.__dict__, "unit": "working_days"})
    # 09-29, 09-30, 10-08, 10-09, 10-10.
    assert clock_deadline(working, received, CAL) == eod(2024, 10, 10)
    rolled = Clock(**{**clock.__dict__, "roll_forward": True})
    assert clock_deadline(rolled, received, CAL) == eod(2024, 10, 8)


def test_s001_r140_operator_reply_tc38():
    body = presets.regulator_body("telecom_appeal_provincial")
    due = body_deadlines(body, {"complaint_received": at(2024, 9, 27, 10)}, CAL)
    # 09-29, 09-30, 10-08 ... 10-12, 10-14 ... 10-18, 10-21 ... 10-23.
    assert due == {"operator_reply": eod(2024, 10, 23)}
    assert presets.regulator_body("insurance_regulator").clocks == ()


def test_s003_r102_consumers_association_tc27():
    body = presets.regulator_body("consumers_association")
    due = body_deadlines(body, {"notice_received": at(2025, 9, 30, 15)}, CAL)
    # 10-09, 10-10, 10-11 (调休 Sat), 10-13..10-17, 10-20, 10-21.
    assert due["respondent_reply"] == eod(2025, 10, 21)


def test_s000_r156_company_reply_to_the_ministry():
    body = presets.regulator_body("telecom_ministry")
    assert body_deadlines(body, {"received": at(2024, 7, 1, 9)}, CAL) == {
        "company_reply": eod(2024, 7, 10)
    }


def test_a_body_the_seeds_do_not_cover_is_data_only():
    # 12315 as an administrator would enter it: no code change needed.
    body = RegulatorBody(
        code="market_12315",
        name_zh="12315市场监管投诉举报",
        name_en="12315 market regulation hotline",
        level="municipal",
        jurisdiction="consumer disputes in the market regulator's area",
        hotline="12315",
        clocks=(
            Clock(
                "acceptance_decision",
                "受理决定",
                "Acceptance decision",
                7,
                "working_days",
                "received",
                ends="accepted",
            ),
            Clock("mediation", "调解", "Mediation", 45, "working_days", "accepted"),
        ),
    )
    due = body_deadlines(body, {"received": at(2024, 9, 27, 10)}, CAL)
    # 09-29, 09-30, 10-08 .. 10-12.
    assert due["acceptance_decision"] == eod(2024, 10, 12)
    start = due["acceptance_decision"]
    assert due["mediation"] == CAL.add_working_days(start, 45)
    assert CAL.working_days_between(start.date(), due["mediation"].date()) == 45
    assert body.cited_rule_ids == ()


def test_bodies_and_clocks_are_checked():
    with pytest.raises(InvalidInputError):
        Clock("c", "c", "c", 5, "weeks", "received")
    with pytest.raises(InvalidInputError):
        Clock("c", "c", "c", 5, "calendar_days", "received", party="court")
    with pytest.raises(InvalidInputError):
        Clock("c", "c", "c", -1, "calendar_days", "received")
    clock = Clock("c", "c", "c", 5, "calendar_days", "received")
    with pytest.raises(InvalidInputError):
        RegulatorBody("b", "b", "b", "galactic", "x")
    with pytest.raises(InvalidInputError):
        RegulatorBody("b", "b", "b", "county", "x", clocks=(clock, clock))
    with pytest.raises(InvalidInputError):
        presets.regulator_body("food_drug").clock("nope")
    with pytest.raises(InvalidInputError):
        body_deadlines("food_drug", {}, CAL)


# ---------------------------------------------------------------------------
# Supervision ladder (S000-R085, S000-R098, S000-R158)
# ---------------------------------------------------------------------------

LADDER = presets.supervision_ladder("telecom_appeal")


def test_s000_r158_ladder_schedule_over_national_day():
    overdue = at(2024, 9, 30, 18)
    schedule = rung_schedule(LADDER, overdue, CAL)
    assert [(item.rung.code, item.due_at) for item in schedule] == [
        ("urging", overdue),
        ("supervision", eod(2024, 10, 8)),  # 1 working day: 10-08
        ("circulated", eod(2024, 10, 10)),  # 2 more: 10-09, 10-10
    ]


@pytest.mark.parametrize(
    ("now", "rung", "next_rung", "next_due"),
    [
        (at(2024, 9, 30, 17), None, "urging", at(2024, 9, 30, 18)),
        (at(2024, 10, 5, 12), "urging", "supervision", eod(2024, 10, 8)),
        (at(2024, 10, 9, 9), "supervision", "circulated", eod(2024, 10, 10)),
        (at(2024, 10, 11, 9), "circulated", None, None),
    ],
)
def test_s000_r158_rung_due_now_and_the_next(now, rung, next_rung, next_due):
    status = supervision_status(LADDER, at(2024, 9, 30, 18), now, CAL)
    assert status.rung == rung
    if next_rung is None:
        assert status.next is None
    else:
        assert (status.next.rung.code, status.next.due_at) == (next_rung, next_due)
    assert [item.rung.code for item in status.reached] == list(
        LADDER.rung_codes[: len(status.reached)]
    )


def test_s000_r158_working_days_per_rung_are_configurable():
    overdue = at(2024, 9, 30, 18)
    by_code = rung_schedule(LADDER, overdue, CAL, working_days={"supervision": 3})
    # 10-08, 10-09, 10-10; then 10-11, 10-12 (调休 Sat).
    assert [item.due_at for item in by_code] == [
        overdue,
        eod(2024, 10, 10),
        eod(2024, 10, 12),
    ]
    status = supervision_status(
        LADDER, overdue, at(2024, 10, 12, 9), CAL, working_days=[1, 2, 5]
    )
    # urging 10-08, supervision 10-10, circulated 10-11, 10-12 (调休 Sat),
    # 10-14, 10-15, 10-16.
    assert status.rung == "supervision"
    assert status.next.due_at == eod(2024, 10, 16)
    with pytest.raises(InvalidInputError):
        rung_schedule(LADDER, overdue, CAL, working_days=[1, 2])
    with pytest.raises(InvalidInputError):
        rung_schedule(LADDER, overdue, CAL, working_days={"reprimand": 1})


def test_a_ladder_is_data():
    ladder = Ladder(
        "two_rungs",
        "催办 then 督办",
        (Rung("urging", "催办", "Urging", 2), Rung("supervision", "督办", "S", 3)),
    )
    status = supervision_status(ladder, at(2025, 1, 24, 17), at(2025, 2, 5, 9), CAL)
    # 01-26 (调休 Sun), 01-27 -> urging; then 02-05, 02-06, 02-07.
    assert status.rung == "urging"
    assert status.current.due_at == eod(2025, 1, 27)
    assert status.next.due_at == eod(2025, 2, 7)
    with pytest.raises(InvalidInputError):
        Ladder("x", "x", ())
    with pytest.raises(InvalidInputError):
        Rung("x", "x", "x", -1)


def test_s000_r158_tc29_branch_assessable_when_the_regulator_deadline_is_missed():
    branch_due = at(2024, 7, 5, 9)
    regulator_due = eod(2024, 7, 10)
    now = at(2024, 7, 12, 9)
    assert not assessable(branch_due, at(2024, 7, 4, 9), regulator_due, now)
    # Late but the company still met the regulator's deadline.
    assert not assessable(branch_due, at(2024, 7, 8, 9), regulator_due, now)
    # TC-29: fed back after the regulator's deadline.
    assert assessable(branch_due, at(2024, 7, 11, 9), regulator_due, now)
    # Never fed back.
    assert assessable(branch_due, None, regulator_due, now)
    assert not assessable(branch_due, None, regulator_due, at(2024, 7, 9, 9))

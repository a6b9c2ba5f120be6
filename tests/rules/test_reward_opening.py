"""Opening (立项) routing of whistleblowing reports: seed 000 篇一 第十七条
(S000-R013..R015, S000-R017) and 篇四 第十七条 (S000-R071, S000-R072).
Worked examples TC-01..TC-04 are the digest's ``seed-000.md`` §11.A."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from complaint_rules import presets
from complaint_rules.errors import InvalidInputError
from complaint_rules.reward import RANKS, route_opening

SH = ZoneInfo("Asia/Shanghai")
MINE = presets.opening_rules("mine")
LISTED = presets.opening_rules("listed_company")


def at(y, m, d, hh=10):
    return datetime(y, m, d, hh, tzinfo=SH)


def end(y, m, d):
    return datetime(y, m, d, 23, 59, 59, tzinfo=SH)


@pytest.mark.parametrize(
    ("rules", "decider", "rule"),
    [(MINE, "management", "S000-R014"), (LISTED, "board", "S000-R071")],
    ids=["mine", "listed_company"],
)
@pytest.mark.parametrize("rank", ["ordinary", "middle"])
def test_s000_r014_r071_real_name_ordinary_or_middle_tc01(rules, decider, rule, rank):
    route = route_opening(rules, anonymous=False, rank=rank, received_at=at(2024, 3, 4))
    assert route.route == "approval"
    assert route.decider.code == decider
    assert route.days == 3
    assert route.deadline == end(2024, 3, 7)  # 03-05, 03-06, 03-07
    assert not route.hidden_from_management
    assert route.feedback_required
    assert rule in route.rule_ids


@pytest.mark.parametrize(
    ("rules", "decider", "rules_cited"),
    [
        (MINE, "superior_company", ("S000-R015", "S000-R018")),
        (LISTED, "board", ("S000-R071", "S000-R073")),
    ],
    ids=["mine", "listed_company"],
)
@pytest.mark.parametrize(
    ("anonymous", "received", "due"),
    [
        # TC-02: Sun 09-29 is a 调休 working day.
        (True, at(2024, 9, 27), end(2024, 9, 30)),
        # TC-03: Sun 01-26 is a 调休 working day.
        (False, at(2025, 1, 24), end(2025, 1, 27)),
        # Received on the eve of National Day 2024: 10-08, 10-09.
        (False, at(2024, 9, 30, 18), end(2024, 10, 9)),
    ],
)
def test_s000_r015_r071_senior_management_tc02_tc03(
    rules, decider, rules_cited, anonymous, received, due
):
    route = route_opening(
        rules, anonymous=anonymous, rank="senior", received_at=received
    )
    assert route.route == "senior"
    assert route.decider.code == decider
    assert route.days == 2 and route.deadline == due
    assert route.hidden_from_management
    assert route.feedback_required is not anonymous
    assert route.rule_ids[: len(rules_cited)] == rules_cited


@pytest.mark.parametrize(
    ("rules", "evaluator", "rule"),
    [(MINE, "management", "S000-R013"), (LISTED, "audit_department", "S000-R071")],
    ids=["mine", "listed_company"],
)
@pytest.mark.parametrize("rank", ["ordinary", "middle"])
def test_s000_r013_r071_anonymous_ordinary_tc04(rules, evaluator, rule, rank):
    route = route_opening(rules, anonymous=True, rank=rank, received_at=at(2024, 3, 4))
    assert route.route == "evaluation"
    assert route.decider.code == evaluator
    assert route.days is None and route.deadline is None  # no time limit
    assert not route.feedback_required
    assert not route.hidden_from_management
    assert route.rule_ids == (rule,)


def test_s000_r017_r072_feedback_cited_for_real_name_reports():
    assert route_opening(MINE, anonymous=False, rank="ordinary").rule_ids == (
        "S000-R014",
        "S000-R017",
    )
    assert route_opening(LISTED, anonymous=False, rank="senior").rule_ids == (
        "S000-R071",
        "S000-R073",
        "S000-R072",
    )


def test_s000_r002_r071_submitter_is_the_intake_body():
    assert route_opening(MINE, anonymous=False, rank="senior").submitter.label_zh == (
        "办公室"
    )
    assert route_opening(LISTED, anonymous=True, rank="middle").submitter.label_zh == (
        "审计部"
    )


def test_no_receipt_time_no_deadline():
    route = route_opening(LISTED, anonymous=False, rank="middle")
    assert route.days == 3 and route.deadline is None


def test_every_rank_and_anonymity_has_a_route():
    for rules in (MINE, LISTED):
        for rank in RANKS:
            for anonymous in (False, True):
                route = route_opening(rules, anonymous=anonymous, rank=rank)
                assert route.rule_ids and route.decider


def test_bad_input_is_refused():
    with pytest.raises(InvalidInputError):
        route_opening(MINE, anonymous=False, rank="director")
    with pytest.raises(InvalidInputError):
        route_opening(MINE, anonymous="no", rank="senior")
    with pytest.raises(InvalidInputError):
        route_opening("mine", anonymous=False, rank="senior")
    with pytest.raises(InvalidInputError, match="rule IDs needed for approval"):
        dataclasses.replace(MINE, rule_ids={"evaluation": ("S000-R013",)})
    with pytest.raises(InvalidInputError):
        dataclasses.replace(MINE, senior_days=-1)

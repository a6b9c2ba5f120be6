"""Tests of the approval / delegation matrix (seed 001 第四条, S001-R010..R020).

Worked examples TC-01..TC-16 come from the digest ``seed-001.md`` §22.A.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from complaint_rules.approval import (
    MEASURE_PREMIUM_SHARE_PCT,
    MEASURE_REFUND_OVER_CASH_VALUE,
    ROW_FIELDS,
    Band,
    MatrixRule,
    NoApplicableRuleError,
    ProposalItem,
    Role,
    item_rows,
    matrix_from_dicts,
    matrix_to_dicts,
    resolve_approver,
    resolve_proposal,
    role_rows,
    rule_from_dict,
    rule_to_dict,
    surrender_amounts,
    validate_amounts,
    validate_matrix,
)
from complaint_rules.coerce import to_decimal
from complaint_rules.errors import InvalidInputError, RuleError
from complaint_rules.presets.insurer import ITEM_TYPES, SETTLEMENT_MATRIX, ItemCode

X = MEASURE_REFUND_OVER_CASH_VALUE
PCT = MEASURE_PREMIUM_SHARE_PCT
SURRENDER = ItemCode.SURRENDER_BY_AGREEMENT.value
SUP = Role.SUPERVISOR
DM = Role.DEPARTMENT_MANAGER
GM = Role.GENERAL_MANAGER


def surrender(x, pct, **kwargs):
    return resolve_approver(SURRENDER, {X: x, PCT: pct}, SETTLEMENT_MATRIX, **kwargs)


def from_policy(cv, p, r, **kwargs):
    amounts = surrender_amounts(cash_value=cv, refund=r, total_premium=p)
    return resolve_approver(SURRENDER, amounts, SETTLEMENT_MATRIX, **kwargs)


# --------------------------------------------------------------------------
# Roles, items, preset shape
# --------------------------------------------------------------------------


def test_s001_r009_roles_are_ranked_with_labels():
    assert SUP < DM < GM
    assert Role.HANDLER < SUP < Role.ASSISTANT_MANAGER < DM
    assert max([DM, GM, SUP]) is GM
    assert (SUP.label_zh, DM.label_zh, GM.label_zh) == (
        "咨诉主管",
        "客服部经理",
        "总经理",
    )
    assert GM.label_en == "General manager"
    assert Role.from_code("department_manager") is DM
    assert [r["code"] for r in role_rows()] == [r.value for r in Role]
    ranks = [r["rank"] for r in role_rows()]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_s001_r009_unknown_role_code():
    with pytest.raises(InvalidInputError, match="Unknown approver role 'ceo'"):
        Role.from_code("ceo")


def test_s001_r010_every_seed_item_has_labels_and_rows():
    codes = {it.code for it in ITEM_TYPES}
    assert codes == {c.value for c in ItemCode}
    assert {r.item_code for r in SETTLEMENT_MATRIX} == codes
    labels = {row["code"]: row["label_zh"] for row in item_rows(ITEM_TYPES)}
    assert labels == {
        "surrender_by_agreement": "协议解约(含部分协议解约)",
        "agent_change": "变更代理人",
        "late_fee_waiver": "免滞纳金",
        "premium_callback": "回调保费",
        "advance_payment": "挪用保费案件的公司垫付申请",
        "commission_freeze": "冻结或解冻代理人佣金或押金",
        "co_handling": "案件协办",
    }
    assert all(it.label_en for it in ITEM_TYPES)


def test_s001_r010_seed_matrix_rows():
    table = [
        (r.key, r.rule_id, r.item_code, r.describe(), r.role) for r in SETTLEMENT_MATRIX
    ]
    assert table == [
        (
            "s001_r011",
            "S001-R011",
            SURRENDER,
            "0 < refund_over_cash_value <= 2000 and premium_share_pct <= 70",
            SUP,
        ),
        (
            "s001_r012_amount",
            "S001-R012",
            SURRENDER,
            "2000 < refund_over_cash_value <= 10000",
            DM,
        ),
        ("s001_r012_ratio", "S001-R012", SURRENDER, "premium_share_pct > 70", DM),
        ("s001_r013", "S001-R013", SURRENDER, "refund_over_cash_value > 10000", GM),
        ("s001_r014", "S001-R014", "agent_change", "always", SUP),
        ("s001_r015", "S001-R015", "late_fee_waiver", "always", SUP),
        ("s001_r016", "S001-R016", "premium_callback", "always", DM),
        ("s001_r017", "S001-R017", "advance_payment", "always", DM),
        ("s001_r018", "S001-R018", "commission_freeze", "always", DM),
        ("s001_r019", "S001-R019", "co_handling", "always", SUP),
    ]
    assert validate_matrix(SETTLEMENT_MATRIX) == SETTLEMENT_MATRIX


# --------------------------------------------------------------------------
# S001-R011..R013: surrender by agreement, boundaries
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "role", "rule_id", "key"),
    [
        ("0.01", SUP, "S001-R011", "s001_r011"),
        ("1999.99", SUP, "S001-R011", "s001_r011"),
        ("2000", SUP, "S001-R011", "s001_r011"),  # 以内(含2000元)
        ("2000.00", SUP, "S001-R011", "s001_r011"),
        ("2000.01", DM, "S001-R012", "s001_r012_amount"),  # 超过 2000
        ("9999.99", DM, "S001-R012", "s001_r012_amount"),
        ("10000", DM, "S001-R012", "s001_r012_amount"),  # (含10000元)
        ("10000.00", DM, "S001-R012", "s001_r012_amount"),
        ("10000.01", GM, "S001-R013", "s001_r013"),  # 超过 10000 以上
        ("1000000", GM, "S001-R013", "s001_r013"),
    ],
)
def test_s001_r011_r012_r013_amount_boundaries(x, role, rule_id, key):
    decision = surrender(x, "50")
    assert decision.role is role
    assert decision.deciding_rule_id == rule_id
    assert decision.deciding_key == key
    assert decision.rule_ids_matched == (rule_id,)
    assert decision.item_code == SURRENDER
    assert not decision.matrix_gap


@pytest.mark.parametrize(
    ("pct", "role", "rule_id"),
    [
        ("0", SUP, "S001-R011"),
        ("69.99", SUP, "S001-R011"),
        ("70", SUP, "S001-R011"),  # 不超过总保费的70%
        ("70.00", SUP, "S001-R011"),
        ("70.0000001", DM, "S001-R012"),
        ("70.01", DM, "S001-R012"),  # 超过总保费的70%
        ("100", DM, "S001-R012"),
    ],
)
def test_s001_r011_r012_percentage_boundaries(pct, role, rule_id):
    decision = surrender("1500", pct)
    assert decision.role is role
    assert decision.deciding_rule_id == rule_id
    assert decision.rule_ids_matched == (rule_id,)


def test_s001_r011_int_and_decimal_amounts():
    assert surrender(2000, 70).role is SUP
    assert surrender(Decimal("2000.00"), Decimal("70.00")).role is SUP
    assert surrender(Decimal("2000.01"), Decimal("69.99")).role is DM


def test_s001_r012_or_both_clauses_take_the_first_row():
    decision = surrender("5000", "80")
    assert decision.role is DM
    assert decision.keys_matched == ("s001_r012_amount", "s001_r012_ratio")
    assert decision.rule_ids_matched == ("S001-R012",)
    assert decision.deciding_key == "s001_r012_amount"


def test_s001_r012_ratio_clause_alone_overrides_small_refund():
    # The "或" clause: pct > 70 raises the approver even when X <= 2000.
    decision = surrender("1200", "71")
    assert decision.role is DM
    assert decision.deciding_key == "s001_r012_ratio"


def test_s001_r012_r013_overlap_highest_role_wins():
    decision = surrender("12000", "82")  # TC-11
    assert decision.role is GM
    assert decision.rule_ids_matched == ("S001-R012", "S001-R013")
    assert decision.keys_matched == ("s001_r012_ratio", "s001_r013")
    assert decision.deciding_rule_id == "S001-R013"
    assert "general_manager" in decision.explanation
    assert "S001-R012" in decision.explanation


def test_s001_r013_has_no_ratio_condition():
    assert surrender("15000", "10").role is GM
    assert surrender("10000.01", "100").role is GM


def test_s001_r011_zero_concession_is_a_gap_m4():
    with pytest.raises(NoApplicableRuleError, match="no row matches") as info:
        surrender("0", "25")
    assert info.value.code == "no_applicable_rule"
    assert isinstance(info.value, RuleError)
    decision = surrender("0", "25", default_role="supervisor")  # TC-13
    assert decision.role is SUP
    assert decision.matrix_gap
    assert decision.deciding_rule_id is None
    assert decision.rule_ids_matched == ()


def test_s001_r012_zero_concession_above_70_pct_m4():
    decision = surrender("0", "83.3")  # TC-12
    assert (decision.role, decision.deciding_key) == (DM, "s001_r012_ratio")


@pytest.mark.parametrize(
    ("case", "cv", "p", "r", "role", "rule_id"),
    [
        ("TC-01", 8000, 20000, "9500", SUP, "S001-R011"),
        ("TC-02", 8000, 20000, "10000", SUP, "S001-R011"),
        ("TC-03", 8000, 20000, "10000.01", DM, "S001-R012"),
        ("TC-04", 12000, 20000, "14000", SUP, "S001-R011"),
        ("TC-05", 12000, 20000, "14000.01", DM, "S001-R012"),
        ("TC-06", 13000, 20000, "14200", DM, "S001-R012"),
        ("TC-07", 13000, 20000, "14001", DM, "S001-R012"),
        ("TC-08", 20000, 100000, "30000", DM, "S001-R012"),
        ("TC-09", 20000, 100000, "30000.01", GM, "S001-R013"),
        ("TC-10", 40000, 100000, "55000", GM, "S001-R013"),
        ("TC-11", 70000, 100000, "82000", GM, "S001-R013"),
        ("TC-12", 5000, 6000, "5000", DM, "S001-R012"),
    ],
)
def test_s001_r011_r012_r013_digest_worked_examples(case, cv, p, r, role, rule_id):
    decision = from_policy(cv, p, r)
    assert (decision.role, decision.deciding_rule_id) == (role, rule_id), case


def test_s001_r011_surrender_amounts_exact_ratio():
    amounts = surrender_amounts(
        cash_value=12000, refund="14000.01", total_premium=20000
    )
    assert amounts == {X: Decimal("2000.01"), PCT: Decimal("70.00005")}
    exact = surrender_amounts(cash_value=12000, refund=14000, total_premium=20000)
    assert exact[PCT] == 70
    # 1/3 is inexact in Decimal, yet just above 70 % still compares above.
    third = surrender_amounts(cash_value=0, refund="70.0001", total_premium=100)
    assert third[PCT] > 70


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cash_value": 100, "refund": 99, "total_premium": 1000}, "below the cash"),
        ({"cash_value": 0, "refund": 10, "total_premium": 0}, "must be positive"),
        ({"cash_value": -1, "refund": 10, "total_premium": 100}, "negative"),
        ({"cash_value": 0, "refund": 101, "total_premium": 100}, "above 100"),
        ({"cash_value": 0.5, "refund": 10, "total_premium": 100}, "float"),
    ],
)
def test_s001_r011_surrender_amounts_bad_input(kwargs, message):
    with pytest.raises(InvalidInputError, match=message):
        surrender_amounts(**kwargs)


# --------------------------------------------------------------------------
# S001-R014..R019: items without thresholds
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "role", "rule_id"),
    [
        (ItemCode.AGENT_CHANGE, SUP, "S001-R014"),
        (ItemCode.LATE_FEE_WAIVER, SUP, "S001-R015"),
        (ItemCode.PREMIUM_CALLBACK, DM, "S001-R016"),
        (ItemCode.ADVANCE_PAYMENT, DM, "S001-R017"),
        (ItemCode.COMMISSION_FREEZE, DM, "S001-R018"),
        (ItemCode.CO_HANDLING, SUP, "S001-R019"),
    ],
)
def test_s001_r014_to_r019_fixed_approvers(item, role, rule_id):
    for code in (item, item.value):
        decision = resolve_approver(code, {}, SETTLEMENT_MATRIX)
        assert decision.role is role
        assert decision.rule_ids_matched == (rule_id,)
        assert decision.deciding_rule_id == rule_id
    assert resolve_approver(item.value, None, SETTLEMENT_MATRIX).role is role


def test_s001_r015_late_fee_waiver_has_no_amount_limit_m8():
    decision = resolve_approver(
        "late_fee_waiver", {"amount": "50000"}, SETTLEMENT_MATRIX
    )  # TC-14(b)
    assert (decision.role, decision.deciding_rule_id) == (SUP, "S001-R015")


def test_s001_r010_unknown_item():
    with pytest.raises(InvalidInputError, match="no row in the approval matrix"):
        resolve_approver("free_lunch", {}, SETTLEMENT_MATRIX)
    with pytest.raises(InvalidInputError, match="item_code must be a string"):
        resolve_approver(3, {}, SETTLEMENT_MATRIX)


# --------------------------------------------------------------------------
# S001-R020: proposals with several items
# --------------------------------------------------------------------------


def test_s001_r020_proposal_supervisor_items_only():
    decision = resolve_proposal(  # TC-15
        [
            ProposalItem(SURRENDER, {X: "1500", PCT: "40"}),
            ProposalItem("agent_change"),
        ],
        SETTLEMENT_MATRIX,
    )
    assert decision.role is SUP
    assert decision.deciding_index == 0
    assert decision.deciding_rule_id == "S001-R011"
    assert [d.deciding_rule_id for d in decision.decisions] == [
        "S001-R011",
        "S001-R014",
    ]
    assert not decision.matrix_gap


def test_s001_r020_proposal_takes_highest_item():
    decision = resolve_proposal(  # TC-16
        [(SURRENDER, {X: "1500", PCT: "40"}), ("premium_callback", None)],
        SETTLEMENT_MATRIX,
    )
    assert (decision.role, decision.deciding_index) == (DM, 1)
    assert decision.deciding_rule_id == "S001-R016"
    assert "item #2 premium_callback" in decision.explanation


def test_s001_r020_proposal_general_manager_and_ties():
    decision = resolve_proposal(
        [
            ("commission_freeze", {}),
            (SURRENDER, {X: "15000", PCT: "55"}),
            ("advance_payment", {}),
            ("co_handling", {}),
        ],
        SETTLEMENT_MATRIX,
    )
    assert (decision.role, decision.deciding_index) == (GM, 1)
    assert decision.deciding_rule_id == "S001-R013"
    tie = resolve_proposal(
        [("advance_payment", {}), ("premium_callback", {})], SETTLEMENT_MATRIX
    )
    assert (tie.role, tie.deciding_index, tie.deciding_rule_id) == (DM, 0, "S001-R017")


def test_s001_r020_proposal_gap_with_default():
    decision = resolve_proposal(
        [(SURRENDER, {X: "0", PCT: "10"}), ("agent_change", {})],
        SETTLEMENT_MATRIX,
        default_role=SUP,
    )
    assert decision.role is SUP and decision.matrix_gap
    assert decision.deciding_index == 0


def test_s001_r020_proposal_bad_input():
    with pytest.raises(InvalidInputError, match="at least one item"):
        resolve_proposal([], SETTLEMENT_MATRIX)
    with pytest.raises(InvalidInputError, match="Proposal items"):
        resolve_proposal(["agent_change"], SETTLEMENT_MATRIX)
    with pytest.raises(InvalidInputError, match="negative"):
        resolve_proposal([(SURRENDER, {X: "-1", PCT: "10"})], SETTLEMENT_MATRIX)


# --------------------------------------------------------------------------
# Validity dates and company scope
# --------------------------------------------------------------------------


def _dated_matrix():
    old = {"valid_to": date(2024, 12, 31)}
    new = {"valid_from": date(2025, 1, 1)}
    return (
        MatrixRule("old_low", "HQ-1", SURRENDER, SUP, X, Band.at_most(2000), **old),
        MatrixRule("old_high", "HQ-2", SURRENDER, DM, X, Band.above(2000), **old),
        MatrixRule("new_low", "HQ-3", SURRENDER, SUP, X, Band.at_most(3000), **new),
        MatrixRule("new_high", "HQ-4", SURRENDER, GM, X, Band.above(3000), **new),
    )


def test_s001_r010_validity_dates_pick_the_version():
    matrix = _dated_matrix()
    validate_matrix(matrix)
    amounts = {X: "2500"}
    on = {
        date(2024, 12, 31): ("old_high", DM),
        date(2025, 1, 1): ("new_low", SUP),
        datetime(2025, 6, 1, 12, 0): ("new_low", SUP),
    }
    for day, (key, role) in on.items():
        decision = resolve_approver(SURRENDER, amounts, matrix, on_date=day)
        assert (decision.deciding_key, decision.role) == (key, role)
    assert (
        resolve_approver(SURRENDER, {X: "3000.01"}, matrix, on_date=date(2025, 1, 1))
    ).role is GM


def test_s001_r010_dated_rows_need_on_date():
    with pytest.raises(InvalidInputError, match="pass on_date"):
        resolve_approver(SURRENDER, {X: "1"}, _dated_matrix())
    with pytest.raises(InvalidInputError, match="on_date must be a date"):
        resolve_approver(SURRENDER, {X: "1"}, _dated_matrix(), on_date="2025-01-01")


def test_s001_r010_no_row_valid_on_date():
    matrix = (
        MatrixRule("r", "HQ-1", "agent_change", SUP, valid_from=date(2025, 1, 1)),
    )
    with pytest.raises(NoApplicableRuleError, match="no row is valid on that date"):
        resolve_approver("agent_change", {}, matrix, on_date=date(2024, 1, 1))
    decision = resolve_approver(
        "agent_change", {}, matrix, on_date=date(2024, 1, 1), default_role=DM
    )
    assert decision.role is DM and decision.matrix_gap


def test_s001_r010_seed_rows_are_undated_so_on_date_is_optional():
    assert surrender("1", "1", on_date=date(2030, 1, 1)).role is SUP


# --------------------------------------------------------------------------
# validate_matrix and row construction errors
# --------------------------------------------------------------------------


def _row(key, band=None, pct=None, role=SUP, **kw):
    measure = X if band is not None else None
    return MatrixRule(key, "HQ-" + key, SURRENDER, role, measure, band, pct, **kw)


def test_s001_r010_overlapping_amount_bands_rejected():
    rows = [
        _row("a", Band.at_most(2000)),
        _row("b", Band.left_open(1500, 10000), role=DM),
    ]
    with pytest.raises(InvalidInputError, match=r"Overlapping rows a .* and b"):
        validate_matrix(rows)
    with pytest.raises(InvalidInputError, match="Overlapping"):
        resolve_approver(SURRENDER, {X: "1"}, rows)


def test_s001_r010_touching_bands_at_shared_closed_bound_overlap():
    rows = [_row("a", Band(None, Decimal(2000), False, True)), _row("b", Band(2000))]
    validate_matrix(rows)  # (.., 2000] and (2000, ..) are disjoint
    with pytest.raises(InvalidInputError, match="Overlapping"):
        validate_matrix([rows[0], _row("b", Band(2000, None, True))])  # [2000, ..)


def test_s001_r010_overlapping_pct_bands_rejected():
    rows = [_row("a", pct=Band.at_most(70)), _row("b", pct=Band(Decimal(60)))]
    with pytest.raises(InvalidInputError, match="premium_share_pct"):
        validate_matrix(rows)


def test_s001_r010_partition_on_a_second_measure_is_allowed():
    validate_matrix(
        [
            _row("a", Band.at_most(2000), Band.at_most(70)),
            _row("b", Band.at_most(2000), Band.above(70), role=DM),
        ]
    )


def test_s001_r010_two_unconditional_rows_rejected():
    rows = [
        MatrixRule("a", "HQ-1", "agent_change", SUP),
        MatrixRule("b", "HQ-2", "agent_change", DM),
    ]
    with pytest.raises(InvalidInputError, match="both rows are unconditional"):
        validate_matrix(rows)


def test_s001_r010_overlap_only_within_window_and_scope():
    a = {"valid_to": date(2024, 12, 31)}
    b = {"valid_from": date(2025, 1, 1)}
    validate_matrix([_row("a", Band.at_most(2000), **a), _row("b", Band(0), **b)])
    with pytest.raises(InvalidInputError, match="Overlapping"):
        validate_matrix(
            [
                _row("a", Band.at_most(2000), **a),
                _row("b", Band(0), valid_from=date(2024, 12, 31)),
            ]
        )
    validate_matrix(
        [
            _row("a", Band.at_most(2000), company_scope="sh"),
            _row("b", Band(0), company_scope="bj"),
        ]
    )
    with pytest.raises(InvalidInputError, match="Overlapping"):
        validate_matrix(
            [_row("a", Band.at_most(2000), company_scope="sh"), _row("b", Band(0))]
        )


def test_s001_r010_duplicate_key_and_foreign_rows_rejected():
    with pytest.raises(InvalidInputError, match="Duplicate matrix row key 'a'"):
        validate_matrix([_row("a", Band.at_most(1)), _row("a", Band(1))])
    with pytest.raises(InvalidInputError, match="must be MatrixRule"):
        validate_matrix([{"key": "a"}])
    with pytest.raises(InvalidInputError, match="sequence of MatrixRule"):
        validate_matrix({"key": "a"})


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Band(Decimal(10), Decimal(5)), "Inverted band"),
        (lambda: Band(Decimal(5), Decimal(5)), "Empty band"),
        (lambda: Band(Decimal(5), Decimal(5), True, False), "Empty band"),
        (lambda: Band(), "at least one bound"),
        (lambda: Band(0.5), "float"),
        (lambda: Band(Decimal(1), lower_inclusive=1), "must be a bool"),
        (lambda: _row("a", pct=Band(None, Decimal(101))), "outside 0-100"),
        (lambda: _row("a", pct=Band(Decimal(-1))), "outside 0-100"),
        (lambda: _row("a", Band(Decimal(-5))), "must not be negative"),
        (lambda: _row("a", role="ceo"), "Unknown approver role"),
        (lambda: _row("A b", Band(1)), "lower-case identifier"),
        (lambda: MatrixRule("a", "", "agent_change", SUP), "rule_id"),
        (lambda: MatrixRule("a", "R", "agent_change", SUP, X), "go together"),
        (
            lambda: MatrixRule("a", "R", SURRENDER, SUP, "share_pct", Band(1)),
            "is a percentage",
        ),
        (
            lambda: _row("a", valid_from=date(2025, 2, 1), valid_to=date(2025, 1, 1)),
            "is after valid_to",
        ),
        (lambda: _row("a", valid_from=datetime(2025, 1, 1)), "must be a date"),
    ],
)
def test_s001_r010_bad_rows_rejected(build, message):
    with pytest.raises(InvalidInputError, match=message):
        build()


def test_s001_r010_band_normalises_and_describes():
    band = Band("2000", "10000.00")
    assert band.lower == Decimal(2000) and band.upper == Decimal("10000.00")
    assert Band(None, Decimal(70), True, True).lower_inclusive is False
    assert Band(Decimal(5), Decimal(5), True, True).contains(Decimal("5.00"))
    assert Band(Decimal(1), None, True).describe("m") == "m >= 1"
    assert Band(None, Decimal(1), upper_inclusive=False).describe("m") == "m < 1"


# --------------------------------------------------------------------------
# validate_amounts
# --------------------------------------------------------------------------


def test_s001_r011_validate_amounts_accepts_int_str_decimal():
    values = validate_amounts({X: 2000, PCT: " 70.00 ", "amount": Decimal("1.5")})
    assert values == {X: Decimal(2000), PCT: Decimal(70), "amount": Decimal("1.5")}
    assert validate_amounts({PCT: "0"}) == {PCT: Decimal(0)}
    assert validate_amounts({PCT: "100"}) == {PCT: Decimal(100)}
    assert validate_amounts(None) == {}
    assert validate_amounts({X: None}) == {}


def test_s001_r011_validate_amounts_float_policy():
    with pytest.raises(InvalidInputError, match=r"float 2000\.01 is not accepted"):
        validate_amounts({X: 2000.01})
    assert validate_amounts({X: 2000.01}, allow_float=True) == {X: Decimal("2000.01")}
    assert to_decimal(0.1, allow_float=True) == Decimal("0.1")


@pytest.mark.parametrize(
    ("amounts", "message"),
    [
        ({X: "-0.01", PCT: "10"}, "negative"),
        ({X: "10", PCT: "-0.01"}, "negative"),
        ({X: "10", PCT: "100.01"}, "outside 0-100"),
        ({X: "10"}, "Missing amount.*premium_share_pct"),
        ({PCT: "10"}, "Missing amount.*refund_over_cash_value"),
        ({X: None, PCT: "10"}, "Missing amount"),
        ({}, "Missing amount"),
        ({X: 2000.0, PCT: "10"}, "float"),
        ({X: True, PCT: "10"}, "expected a number"),
        ({X: "NaN", PCT: "10"}, "not a finite number"),
        ({X: "Infinity", PCT: "10"}, "not a finite number"),
        ({X: "1,000", PCT: "10"}, "is not a number"),
        ({X: [1], PCT: "10"}, "expected a Decimal, int or str"),
        ({1: "10"}, "Measure names must be strings"),
    ],
)
def test_s001_r011_bad_amounts_rejected(amounts, message):
    with pytest.raises(InvalidInputError, match=message):
        resolve_approver(SURRENDER, amounts, SETTLEMENT_MATRIX)


def test_s001_r011_amounts_must_be_a_mapping():
    with pytest.raises(InvalidInputError, match="must be a mapping"):
        resolve_approver(SURRENDER, [("x", 1)], SETTLEMENT_MATRIX)


def test_s001_r015_extra_amounts_are_still_validated():
    with pytest.raises(InvalidInputError, match="negative"):
        resolve_approver("late_fee_waiver", {"amount": "-1"}, SETTLEMENT_MATRIX)
    with pytest.raises(InvalidInputError, match="outside 0-100"):
        resolve_approver("late_fee_waiver", {"waiver_pct": "120"}, SETTLEMENT_MATRIX)


def test_s001_r010_errors_carry_codes():
    with pytest.raises(RuleError) as info:
        surrender("-1", "1")
    assert info.value.code == "invalid_input"
    assert info.value.params["field"] == X


# --------------------------------------------------------------------------
# Serialisation
# --------------------------------------------------------------------------


def test_s001_r010_matrix_rows_have_every_field():
    rows = list(matrix_to_dicts(SETTLEMENT_MATRIX))
    assert len(rows) == len(SETTLEMENT_MATRIX) == 10
    assert all(tuple(row) == ROW_FIELDS for row in rows)
    assert [row["sequence"] for row in rows] == list(range(10, 110, 10))
    json.dumps(rows, ensure_ascii=False)  # plain values only
    first = rows[0]
    assert first == {
        "key": "s001_r011",
        "rule_id": "S001-R011",
        "sequence": 10,
        "item_code": SURRENDER,
        "role": "supervisor",
        "amount_measure": X,
        "amount_lower": "0",
        "amount_lower_inclusive": False,
        "amount_upper": "2000",
        "amount_upper_inclusive": True,
        "pct_lower": None,
        "pct_lower_inclusive": False,
        "pct_upper": "70",
        "pct_upper_inclusive": True,
        "valid_from": None,
        "valid_to": None,
        "company_scope": None,
        "source": "第四条(一)1, L83-L87",
    }


def test_s001_r010_round_trip():
    assert matrix_from_dicts(matrix_to_dicts(SETTLEMENT_MATRIX)) == SETTLEMENT_MATRIX
    dated = _dated_matrix()
    assert matrix_from_dicts(matrix_to_dicts(dated)) == dated
    row = rule_to_dict(dated[0])
    assert row["valid_to"] == "2024-12-31" and row["sequence"] is None


def test_s001_r010_from_dicts_orders_by_sequence():
    rows = matrix_to_dicts(SETTLEMENT_MATRIX)
    shuffled = list(reversed(rows))
    assert matrix_from_dicts(shuffled) == SETTLEMENT_MATRIX
    unnumbered = [dict(r, sequence=None) for r in rows]
    assert matrix_from_dicts(unnumbered) == SETTLEMENT_MATRIX


def test_s001_r010_from_dict_odoo_values():
    row = {
        "key": "k",
        "rule_id": "HQ-1",
        "item_code": "agent_change",
        "role": "supervisor",
        "amount_measure": False,
        "valid_from": False,
        "valid_to": date(2025, 1, 1),
        "company_scope": False,
        "source": False,
    }
    rule = rule_from_dict(row)
    assert rule.amount_band is None and rule.company_scope is None
    assert rule.valid_to == date(2025, 1, 1) and rule.source == ""
    float_row = {
        "key": "f",
        "rule_id": "HQ-2",
        "item_code": SURRENDER,
        "role": "general_manager",
        "amount_measure": X,
        "amount_lower": 10000.0,
    }
    with pytest.raises(InvalidInputError, match="float"):
        rule_from_dict(float_row)
    assert rule_from_dict(float_row, allow_float=True).amount_band == Band.above(10000)


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ({"amount_uper": "1"}, "Unknown matrix row field"),
        ({"role": None}, "lacks role"),
        ({"role": "ceo"}, "Unknown approver role"),
        ({"valid_from": "2025-13-01"}, "not an ISO date"),
        ({"valid_from": datetime(2025, 1, 1)}, "got a datetime"),
        ({"pct_upper_inclusive": "yes"}, "must be a bool"),
        ({"pct_lower": "80"}, "Inverted band"),
        ({"pct_upper": "170"}, "outside 0-100"),
        ({"amount_measure": None}, "go together"),
        ({"sequence": "1"}, "sequence must be an int"),
    ],
)
def test_s001_r010_bad_rows_from_dicts(patch, message):
    row = dict(next(iter(matrix_to_dicts(SETTLEMENT_MATRIX))), **patch)
    with pytest.raises(InvalidInputError, match=message):
        matrix_from_dicts([row])


def test_s001_r010_from_dicts_rejects_overlap_and_non_mappings():
    rows = list(matrix_to_dicts(SETTLEMENT_MATRIX))
    rows[1] = dict(rows[1], amount_lower="1999")
    with pytest.raises(InvalidInputError, match="Overlapping rows s001_r011"):
        matrix_from_dicts(rows)
    with pytest.raises(InvalidInputError, match="must be a mapping"):
        matrix_from_dicts(["row"])


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=3_000_000).map(lambda c: Decimal(c) / 100)
pcts = st.integers(min_value=0, max_value=10_000).map(lambda c: Decimal(c) / 100)


def _reference(x: Decimal, pct: Decimal) -> Role | None:
    """Digest §1.3 "suggested evaluation" of item (一)."""
    if x > 10000:
        return GM
    if x > 2000 or pct > 70:
        return DM
    if x > 0:
        return SUP
    return None


@settings(max_examples=300, deadline=None)
@given(x=cents, pct=pcts)
def test_s001_r011_r012_r013_match_reference_evaluation(x, pct):
    expected = _reference(x, pct)
    if expected is None:
        with pytest.raises(NoApplicableRuleError):
            surrender(x, pct)
    else:
        assert surrender(x, pct).role is expected


bounds = st.one_of(st.none(), st.integers(min_value=0, max_value=20).map(Decimal))


@st.composite
def bands(draw):
    lo, hi = draw(bounds), draw(bounds)
    if lo is None and hi is None:
        lo = Decimal(0)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    li, ui = draw(st.booleans()), draw(st.booleans())
    if lo is not None and lo == hi:
        li = ui = True
    return Band(lo, hi, li, ui)


@settings(max_examples=300, deadline=None)
@given(a=bands(), b=bands())
def test_s001_r010_band_intersection_agrees_with_membership(a, b):
    probes = [Decimal(n) / 2 for n in range(-2, 44)]
    common = any(a.contains(v) and b.contains(v) for v in probes)
    assert a.intersects(b) == common == b.intersects(a)

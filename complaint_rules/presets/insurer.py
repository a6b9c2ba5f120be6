"""Seed 001, insurer (恒康天安人寿《投诉管理办法》): the insurer's rulebook.

Data only, each entry citing its rule IDs (digest ``shared/spec/seed-001.md``):

* the settlement items and the delegation matrix of 第四条 投诉案件处理审批权限
  (L79-L121, digest §1.3, S001-R010 … S001-R019);
* the grading scheme 重大投诉案件 / 一般投诉 (S001-R040);
* the SLA policies: clear reply within 15 working days (S001-R049), 30日 for
  major cases (S001-R050).

Boundary words of the matrix (seed 001 L83-L97, digest §0.2 and M-6):

* "高于现金价值2000元以内(含2000元)" → ``0 < X <= 2000`` (S001-R011);
* "不超过总保费的70%" → ``pct <= 70``, 70 % itself stays in tier 1 (S001-R011);
* "超过现金价值2000元—10000元(含10000元)" → ``2000 < X <= 10000`` (S001-R012);
* "超过总保费的70%" → ``pct > 70`` (S001-R012, the independent "或" clause);
* "超过现金价值10000元以上" → ``X > 10000`` (S001-R013).

``X`` is the measure ``refund_over_cash_value`` and ``pct`` the measure
``premium_share_pct`` (:func:`complaint_rules.approval.surrender_amounts`).
"""

from enum import Enum

from ..approval import MEASURE_REFUND_OVER_CASH_VALUE, Band, ItemType, MatrixRule, Role
from ..grading import Duration, Grade, GradeCriterion, GradeLimit, GradingScheme
from ..sla import Policy, StepLimit

#: Code of the seed-001 matrix and its items in the registry.
MATRIX_CODE = "insurance_settlement"

# --------------------------------------------------------------------------
# Settlement items (第四条, S001-R010)
# --------------------------------------------------------------------------


class ItemCode(str, Enum):
    """Settlement items of seed 001 第四条 (S001-R010). Matrices may add more."""

    SURRENDER_BY_AGREEMENT = "surrender_by_agreement"
    AGENT_CHANGE = "agent_change"
    LATE_FEE_WAIVER = "late_fee_waiver"
    PREMIUM_CALLBACK = "premium_callback"
    ADVANCE_PAYMENT = "advance_payment"
    COMMISSION_FREEZE = "commission_freeze"
    CO_HANDLING = "co_handling"


ITEM_TYPES: tuple[ItemType, ...] = (
    ItemType(  # S001-R011..R013
        ItemCode.SURRENDER_BY_AGREEMENT.value,
        "协议解约(含部分协议解约)",
        "Surrender by agreement (incl. partial surrender by agreement)",
        "第四条(一), L81-L97",
    ),
    ItemType(  # S001-R014
        ItemCode.AGENT_CHANGE.value,
        "变更代理人",
        "Change of agent",
        "第四条(二), L99-L101",
    ),
    ItemType(  # S001-R015
        ItemCode.LATE_FEE_WAIVER.value,
        "免滞纳金",
        "Waiver of late-payment charge",
        "第四条(三), L103-L105",
    ),
    ItemType(  # S001-R016
        ItemCode.PREMIUM_CALLBACK.value,
        "回调保费",
        "Premium call-back (reversal of a premium posting)",
        "第四条(四), L107-L109",
    ),
    ItemType(  # S001-R017
        ItemCode.ADVANCE_PAYMENT.value,
        "挪用保费案件的公司垫付申请",
        "Company advance payment in a premium-misappropriation case",
        "第四条(五), L111-L113",
    ),
    ItemType(  # S001-R018
        ItemCode.COMMISSION_FREEZE.value,
        "冻结或解冻代理人佣金或押金",
        "Freeze or unfreeze an agent's commission or deposit",
        "第四条(六), L115-L117",
    ),
    ItemType(  # S001-R019
        ItemCode.CO_HANDLING.value,
        "案件协办",
        "Co-handling of the case by another department",
        "第四条(七), L119-L121",
    ),
)


# --------------------------------------------------------------------------
# The delegation matrix (第四条 投诉案件处理审批权限, L79-L121)
# --------------------------------------------------------------------------

_SURRENDER = ItemCode.SURRENDER_BY_AGREEMENT.value
_X = MEASURE_REFUND_OVER_CASH_VALUE

#: The delegation matrix of 第四条 投诉案件处理审批权限 (L79-L121), S001-R010.
SETTLEMENT_MATRIX: tuple[MatrixRule, ...] = (
    # S001-R011 (第四条(一)1, L83-L87) "协议部分金额高于现金价值2000元以内(含2000元),
    # 且协议解约的总额不超过总保费的70%" -> 0 < X <= 2000 AND pct <= 70: 咨诉主管.
    MatrixRule(
        key="s001_r011",
        rule_id="S001-R011",
        item_code=_SURRENDER,
        role=Role.SUPERVISOR,
        amount_measure=_X,
        amount_band=Band.left_open(0, 2000),
        pct_band=Band.at_most(70),
        source="第四条(一)1, L83-L87",
    ),
    # S001-R012 (第四条(一)2, L89-L93), first clause "超过现金价值2000元—10000元
    # (含10000元)" -> 2000 < X <= 10000: 客服部经理.
    MatrixRule(
        key="s001_r012_amount",
        rule_id="S001-R012",
        item_code=_SURRENDER,
        role=Role.DEPARTMENT_MANAGER,
        amount_measure=_X,
        amount_band=Band.left_open(2000, 10000),
        source="第四条(一)2, L89-L93",
    ),
    # S001-R012 (第四条(一)2, L89-L93), second clause "或协议解约的总额超过总保费的
    # 70%" -> pct > 70, whatever X is: 客服部经理.
    MatrixRule(
        key="s001_r012_ratio",
        rule_id="S001-R012",
        item_code=_SURRENDER,
        role=Role.DEPARTMENT_MANAGER,
        pct_band=Band.above(70),
        source="第四条(一)2, L89-L93",
    ),
    # S001-R013 (第四条(一)3, L95-L97) "协议解约金额超过现金价值10000元以上"
    # -> X > 10000 (no ratio condition): 总经理.
    MatrixRule(
        key="s001_r013",
        rule_id="S001-R013",
        item_code=_SURRENDER,
        role=Role.GENERAL_MANAGER,
        amount_measure=_X,
        amount_band=Band.above(10000),
        source="第四条(一)3, L95-L97",
    ),
    # S001-R014 (第四条(二), L99-L101) 变更代理人: 咨诉主管.
    MatrixRule(
        key="s001_r014",
        rule_id="S001-R014",
        item_code=ItemCode.AGENT_CHANGE.value,
        role=Role.SUPERVISOR,
        source="第四条(二), L99-L101",
    ),
    # S001-R015 (第四条(三), L103-L105) 免滞纳金, no amount limit (M-8): 咨诉主管.
    MatrixRule(
        key="s001_r015",
        rule_id="S001-R015",
        item_code=ItemCode.LATE_FEE_WAIVER.value,
        role=Role.SUPERVISOR,
        source="第四条(三), L103-L105",
    ),
    # S001-R016 (第四条(四), L107-L109) 回调保费: 客服部经理.
    MatrixRule(
        key="s001_r016",
        rule_id="S001-R016",
        item_code=ItemCode.PREMIUM_CALLBACK.value,
        role=Role.DEPARTMENT_MANAGER,
        source="第四条(四), L107-L109",
    ),
    # S001-R017 (第四条(五), L111-L113) 挪用保费案件的公司垫付申请: 客服部经理.
    MatrixRule(
        key="s001_r017",
        rule_id="S001-R017",
        item_code=ItemCode.ADVANCE_PAYMENT.value,
        role=Role.DEPARTMENT_MANAGER,
        source="第四条(五), L111-L113",
    ),
    # S001-R018 (第四条(六), L115-L117) 冻结或解冻代理人佣金或押金: 客服部经理.
    MatrixRule(
        key="s001_r018",
        rule_id="S001-R018",
        item_code=ItemCode.COMMISSION_FREEZE.value,
        role=Role.DEPARTMENT_MANAGER,
        source="第四条(六), L115-L117",
    ),
    # S001-R019 (第四条(七), L119-L121) 案件协办: 咨诉主管.
    MatrixRule(
        key="s001_r019",
        rule_id="S001-R019",
        item_code=ItemCode.CO_HANDLING.value,
        role=Role.SUPERVISOR,
        source="第四条(七), L119-L121",
    ),
)


# --------------------------------------------------------------------------
# Grading (§1 重大投诉案件)
# --------------------------------------------------------------------------

#: Insurance customer service, seed 001 §1 重大投诉案件 (S001-R040): major
#: when any of five criteria holds; otherwise ordinary.
INSURANCE_MAJOR = GradingScheme(
    code="insurance_major",
    grades=(
        Grade("major", "重大投诉案件", "Major complaint", "S001-R040"),
        Grade("ordinary", "一般投诉", "Ordinary complaint", "S001-R040"),
    ),
    criteria=(
        # (1) 五人(含五人)以上的群诉案件: inclusive threshold.
        GradeCriterion(
            "major",
            "S001-R040",
            note="(1) group complaint, 5 or more",
            min_complainants=5,
        ),
        # (2) 主流媒体介入,可能或已经曝光.
        GradeCriterion(
            "major",
            "S001-R040",
            note="(2) mainstream media involved",
            flags={"media_involved"},
        ),
        # (3) 上访到各级政府及其职能部门 AND 公司方可能存在较大过错.
        GradeCriterion(
            "major",
            "S001-R040",
            note="(3) government petition with likely company fault",
            flags={"government_petition", "company_fault"},
        ),
        # (4) 发生或可能发生重大人身伤害后果: harm >= serious_injury.
        GradeCriterion(
            "major",
            "S001-R040",
            note="(4) serious personal injury",
            min_harm="serious_injury",
        ),
        # (5) 其他造成或可能造成重大负面影响: mapped to impact "public".
        GradeCriterion(
            "major", "S001-R040", note="(5) major negative impact", min_impact="public"
        ),
    ),
    default_grade="ordinary",
    limits=(
        # S001-R050: reply or plan for 重大疑难 cases within 30日.
        GradeLimit("major", ("S001-R050",), first_reply=Duration(30, "calendar_days")),
        # S001-R048/R049: investigation 7, reply 15 working days.
        GradeLimit(
            "ordinary",
            ("S001-R048", "S001-R049"),
            first_reply=Duration(15, "working_days"),
            note="调查并联系客户 7个工作日内; 明确答复 15个工作日内",
        ),
    ),
)


# --------------------------------------------------------------------------
# SLA policies
# --------------------------------------------------------------------------

#: Seed 001 §1, insurer: clear reply within 15 working days (S001-R049),
#: 30日 for major cases (S001-R050). No warnings in the seed ([GAP]): the
#: 90 % default is not from seed 001.
SLA_POLICIES: tuple[Policy, ...] = (
    Policy(
        code="insurance_ordinary",
        name="Insurance complaints",
        scheme="insurance_major",
        kinds=frozenset({"complaint"}),
        sequence=100,
        rule_ids=("S001-R049",),
        limits=(
            StepLimit(
                "received",
                15,
                "working_days",
                "replied",
                rule_ids=("S001-R049",),
            ),
        ),
    ),
    Policy(
        code="insurance_major",
        name="Insurance major complaints",
        scheme="insurance_major",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"major"}),
        sequence=50,
        rule_ids=("S001-R050",),
        limits=(
            StepLimit(
                "received",
                30,
                "calendar_days",
                "replied",
                rule_ids=("S001-R050",),
            ),
        ),
    ),
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {
    "approval_matrix": {MATRIX_CODE: SETTLEMENT_MATRIX},
    "settlement_items": {MATRIX_CODE: ITEM_TYPES},
    "grading_scheme": {INSURANCE_MAJOR.code: INSURANCE_MAJOR},
    "sla_policies": {"insurance": SLA_POLICIES},
}

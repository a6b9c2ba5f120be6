"""Seed 000 §5.13, China Unicom regulator appeals (客户申诉): the telecom
appeal rulebook, digest ``shared/spec/seed-000.md``.

Data only, each entry citing its rule IDs:

* the regulators that forward appeals (S000-R151), with the ministry's
  12300 line, and the company's whole-process limit owed to them (S000-R156);
* the staged internal plan (S000-R156): 受理派发 0-24小时, 分公司处理反馈
  24-96小时, 总部反馈 24-48小时, all inside 7个工作日, and the division of
  labour between head office and branch (S000-R087);
* the supervision ladder 催办 → 督办 → 通报 (S000-R085, S000-R098,
  S000-R158).

A rulebook cites one seed: the regulator bodies of the other seeds are in
``regulators_001`` (telecom appeal order, insurance regulator),
``regulators_003`` (12312, consumers' association) and ``regulators_004``
(12313, food & drug).
"""

from ..appeal import Clock, Ladder, RegulatorBody, Rung, Stage, StagePlan

# --------------------------------------------------------------------------
# Regulator bodies (S000-R151)
# --------------------------------------------------------------------------

#: S000-R156 "申诉处理全过程时限:7个工作日": the company's own limit from
#: receiving a forwarded appeal to its reply to the regulator.
COMPANY_REPLY = Clock(
    code="company_reply",
    label_zh="申诉处理全过程时限",
    label_en="Whole appeal process (company)",
    amount=7,
    unit="working_days",
    starts="received",
    party="operator",
    ends="replied",
    rule_ids=("S000-R156",),
)

BODIES: tuple[RegulatorBody, ...] = (
    # S000-R151: 国务院信息产业主管部门, reached by the user through 12300;
    # its forwards are filed or non-filed (S000-R155).
    RegulatorBody(
        code="telecom_ministry",
        name_zh="国务院信息产业主管部门(电信用户申诉受理中心)",
        name_en="Telecom ministry appeal centre",
        level="national",
        jurisdiction="telecom disputes nationwide",
        hotline="12300",
        reply_format="written report (申诉反馈, S000-R152)",
        clocks=(COMPANY_REPLY,),
        rule_ids=("S000-R151", "S000-R152", "S000-R155"),
    ),
    # S000-R151: 省(自治区、直辖市)电信管理机构 and its 电信用户申诉中心;
    # S000-R155 "省电信管理局、省通信管理局" among the other authorities.
    RegulatorBody(
        code="telecom_authority_provincial",
        name_zh="省通信管理局(电信用户申诉中心)",
        name_en="Provincial telecom authority appeal centre",
        level="provincial",
        jurisdiction="telecom disputes in the province",
        hotline="12300",
        reply_format="written report (申诉反馈, S000-R152)",
        clocks=(COMPANY_REPLY,),
        rule_ids=("S000-R151", "S000-R155"),
    ),
)

# --------------------------------------------------------------------------
# Staged internal plan (S000-R156, S000-R087)
# --------------------------------------------------------------------------

#: S000-R156 "受理派发时限:0-24小时; 分公司处理反馈时限:24-96小时; 总部反馈
#: 时限:24-48小时", whole process 7个工作日. Reading A (windows) is the
#: default: dispatch and branch windows from receipt, head office 24-48 h
#: after the branch feedback (digest TC-27). Hours are elapsed hours: the
#: text does not say working hours (digest §9.4 item 2).
TELECOM_APPEAL_PLAN = StagePlan(
    code="telecom_appeal",
    name="中国联通 客户申诉处理时限",
    stages=(
        # S000-R087: head office accepts and dispatches to the province.
        Stage(
            "dispatch",
            "受理派发",
            "Accept and dispatch",
            closes=24,
            unit="hours",
            rule_ids=("S000-R156", "S000-R087"),
        ),
        # S000-R087: the province takes, handles and feeds back.
        Stage(
            "branch",
            "分公司处理反馈",
            "Branch handling and feedback",
            opens=24,
            closes=96,
            unit="hours",
            rule_ids=("S000-R156", "S000-R087"),
        ),
        # S000-R087: head office reviews and replies to the regulator.
        Stage(
            "head_office",
            "总部反馈",
            "Head-office feedback to the regulator",
            opens=24,
            closes=48,
            unit="hours",
            anchor="branch",
            rule_ids=("S000-R156", "S000-R087"),
        ),
    ),
    cap=7,
    cap_unit="working_days",
    reading="windows",
    rule_ids=("S000-R156",),
    note="0-24 / 24-96 / 24-48小时 read as windows (A) by default; "
    "durations (B) is the other reading (S000-R156 ⚠).",
)

# --------------------------------------------------------------------------
# Supervision ladder (S000-R085, S000-R098, S000-R158)
# --------------------------------------------------------------------------

#: The rungs are named by the text, their spacing is not: 1 and 2 working
#: days are defaults, set per company in the addon.
TELECOM_APPEAL_LADDER = Ladder(
    code="telecom_appeal",
    name="申诉超时 催办/督办/通报",
    rungs=(
        # S000-R098 预警督办: chase a step that times out (督办短信).
        Rung("urging", "催办", "Urging notice", 0, ("S000-R098",)),
        # S000-R085: 对…未按规定处理的投诉进行督办 (督办工单).
        Rung("supervision", "督办", "Supervision", 1, ("S000-R085", "S000-R098")),
        # S000-R158: 在《中国联通服务质量通报》中通报批评, assessment.
        Rung("circulated", "通报批评", "Circulated reprimand", 2, ("S000-R158",)),
    ),
    rule_ids=("S000-R158",),
)

RULEBOOK = {
    "regulator_body": {body.code: body for body in BODIES},
    "appeal_plan": {TELECOM_APPEAL_PLAN.code: TELECOM_APPEAL_PLAN},
    "supervision_ladder": {TELECOM_APPEAL_LADDER.code: TELECOM_APPEAL_LADDER},
}

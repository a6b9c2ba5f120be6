"""Seed 000 §1, 篇一 隆源矿反舞弊及投诉举报管理规范 with its reward measures
(附件二, heading lost): the mine's whistleblowing rulebook, digest
``shared/spec/seed-000.md``.

Data only, each entry citing its rule IDs:

* the reward policy (S000-R023..R034): tiers 一/二/三, cap per tier, floor
  100元, exclusions, one reward per case, proposal by 办公室 within 7 working
  days of closing, approval by 矿领导, claim within one month;
* the opening (立项) rules of 第十七条 (S000-R013..R015, S000-R017).

篇一 is a corrupted copy of 篇四 (digest §1 "State of the text"); its garbled
parts are completed from 篇四 as the digest says:

* 附件二 第一条 is cut to "报人奖励。": the scope is read from 篇四 第一条
  (S000-R077, "任何经查证属实、挽回经济损失的舞弊举报"), cited beside
  S000-R023 (第二十条 "举报案件经查证属实的,对举报人予以适当奖励");
* tier (三) reads "举报重大舞弊行为,经查证属实并挽回经济损失20万元(含)万元。
  20%奖励,奖金最高不超过10": completed from S000-R079 as recovered loss
  ≥ 200,000 (inclusive), 20 % of the loss, cap 100,000 (S000-R029).

Readings of the ambiguous text (digest §4.8) are the policy's defaults, see
:class:`complaint_rules.reward.RewardPolicy`.
"""

from decimal import Decimal

from ..reward import Exclusion, OpeningRules, PercentTier, RewardPolicy, RoleRef

OFFICE = RoleRef("office", "办公室", "Office")
MANAGEMENT = RoleRef("management", "管理层", "Management")
SUPERIOR_COMPANY = RoleRef("superior_company", "上级公司", "Superior company")
MINE_LEADERSHIP = RoleRef("mine_leadership", "矿领导", "Mine leadership")

# --------------------------------------------------------------------------
# Reward policy (附件二 第二条-第八条, L48-L62)
# --------------------------------------------------------------------------

#: Tiers of 第五条 (L51-L56), tried in order: tier (三) first, as it pays the
#: same rate with a higher cap whenever it applies (digest §4.8 b).
TIERS: tuple[PercentTier, ...] = (
    # S000-R029 (第五条(三), garbled; completed by S000-R079): major fraud,
    # recovered loss ≥ 20万元 (含), 20 % of the loss, no fine rate, cap 10万元.
    PercentTier(
        code="major",
        label_zh="(三)举报重大舞弊行为",
        rule_ids=("S000-R029", "S000-R079"),
        loss_rate=Decimal("0.20"),
        cap=Decimal(100000),
        major=True,
        min_loss=Decimal(200000),
    ),
    # S000-R028 (第五条(二)) "举报并提供直接线索、证据,经查证属实,按挽回经济损失额
    # 的20%或按罚款额的50%奖励,奖金最高不超过2万元".
    PercentTier(
        code="direct",
        label_zh="(二)举报并提供直接线索、证据",
        rule_ids=("S000-R028",),
        loss_rate=Decimal("0.20"),
        fine_rate=Decimal("0.50"),
        cap=Decimal(20000),
        evidence=frozenset({"direct"}),
    ),
    # S000-R027 (第五条(一)) "举报并配合调查、但未提供有效证据,经查证属实,按挽回
    # 经济损失的10%或按罚款额的30%奖励,奖金最高不超过1万元".
    PercentTier(
        code="cooperation",
        label_zh="(一)举报并配合调查、但未提供有效证据",
        rule_ids=("S000-R027",),
        loss_rate=Decimal("0.10"),
        fine_rate=Decimal("0.30"),
        cap=Decimal(10000),
        evidence=frozenset({"cooperation"}),
    ),
)

#: The mine's reward policy (S000-R023..R034).
REWARD_POLICY = RewardPolicy(
    code="mine",
    name="隆源矿 举报奖励办法",
    method="percentage",
    rule_ids=tuple(f"S000-R{n:03d}" for n in range(23, 35)),
    # S000-R025 (第四条): 办公室 handles rewards; S000-R032 (第六条): it proposes,
    # 矿领导 approve.
    proposer=OFFICE,
    approver=MINE_LEADERSHIP,
    tiers=TIERS,
    # S000-R030 (第五条(四)) "单个案件举报奖励不足100元的,按100元发放".
    floor=Decimal(100),
    exclusions=(
        # S000-R024 (第二条) "匿名举报、个人职责范围内或受单位委托的举报、审计人员的
        # 举报不属本办法奖励范围".
        Exclusion("anonymous", ("S000-R024",)),
        Exclusion("own_duties", ("S000-R024",)),
        Exclusion("commissioned", ("S000-R024",)),
        Exclusion("audit_staff", ("S000-R024",)),
        # S000-R031 (第五条(五)) "举报同一案件的,不重复奖励".
        Exclusion("already_rewarded", ("S000-R031",)),
    ),
    # S000-R032 (第六条) "奖金由办公室在结案后7个工作日内提议".
    proposal_working_days=7,
    # S000-R034 (第八条) "举报人在接到通知后一个月内领取举报奖金,逾期作放弃奖金处理".
    claim_months=1,
    citations={
        "scope": ("S000-R023", "S000-R077"),
        "floor": ("S000-R030",),
        "sharing": ("S000-R031",),
        "basis": ("S000-R026",),
        "proposal": ("S000-R032",),
        "claim": ("S000-R034",),
        "approval": ("S000-R032",),
    },
    note="篇一's payment methods (S000-R033) are declared non-binding by the "
    "text itself; the payment is recorded, its method is not ruled.",
)

# --------------------------------------------------------------------------
# Opening (立项) rules (第十七条, L37)
# --------------------------------------------------------------------------

#: 第十七条: anonymous on ordinary/middle staff → 管理层 pre-evaluates, no limit
#: (S000-R013); real-name on ordinary/middle staff → to 管理层 within 3 working
#: days (S000-R014); senior management → to 上级公司 within 2 working days
#: (S000-R015); real-name reporters get the result (S000-R017). 办公室 receives
#: reports (S000-R002). Hiding a senior report from the management reported on
#: follows from sending it past them and from S000-R018 (non-disclosure).
OPENING_RULES = OpeningRules(
    code="mine",
    intake=OFFICE,
    evaluator=MANAGEMENT,
    approver=MANAGEMENT,
    senior_approver=SUPERIOR_COMPANY,
    approval_days=3,
    senior_days=2,
    rule_ids={
        "evaluation": ("S000-R013",),
        "approval": ("S000-R014",),
        "senior": ("S000-R015", "S000-R018"),
        "feedback": ("S000-R017",),
    },
    note="In 篇一 管理层 itself pre-evaluates anonymous reports on ordinary and "
    "middle staff (a possible conflict of interest; 篇四 gives it to 审计部).",
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {
    "reward_policy": {"mine": REWARD_POLICY},
    "opening_rules": {"mine": OPENING_RULES},
}

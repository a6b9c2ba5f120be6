"""Seed 000 §4, 篇四 XXXX股份有限公司 反舞弊及举报投诉管理办法 with 附件二
反舞弊投诉举报的奖励办法 (complete text): the listed company's whistleblowing
rulebook, digest ``shared/spec/seed-000.md``.

Data only, each entry citing its rule IDs:

* the reward policy (S000-R077..R083): the tiers, caps and floor of 第五条
  (S000-R079), exclusions (S000-R078), one reward per case (S000-R080),
  proposal by 审计部 within 7 working days of closing and approval by 董事会
  领导 (S000-R081), claim within one month, then forfeited (S000-R083);
* the opening (立项) rules of 第十七条 (S000-R071, S000-R072).

Readings of the ambiguous text (digest §4.8) are the policy's defaults, see
:class:`complaint_rules.reward.RewardPolicy`.
"""

from decimal import Decimal

from ..reward import Exclusion, OpeningRules, PercentTier, RewardPolicy, RoleRef

AUDIT_DEPARTMENT = RoleRef("audit_department", "审计部", "Audit department")
BOARD = RoleRef("board", "董事会", "Board of directors")
BOARD_LEADERSHIP = RoleRef("board_leadership", "董事会领导", "Board leadership")

# --------------------------------------------------------------------------
# Reward policy (附件二, L206-L225)
# --------------------------------------------------------------------------

#: Tiers of 第五条 (L214-L218, S000-R079), tried in order: tier (三) first, as
#: it pays the same rate with a higher cap whenever it applies.
TIERS: tuple[PercentTier, ...] = (
    # S000-R079 (三) "举报重大舞弊行为,经查证属实并挽回经济损失20万元(含)以上,
    # 按挽回经济损失的20%奖励,奖金最高不超过10万元".
    PercentTier(
        code="major",
        label_zh="(三)举报重大舞弊行为",
        rule_ids=("S000-R079",),
        loss_rate=Decimal("0.20"),
        cap=Decimal(100000),
        major=True,
        min_loss=Decimal(200000),
    ),
    # S000-R079 (二) "举报并提供直接线索、证据,经查证属实,按挽回经济损失额的20%、
    # 或按罚款额的50%奖励,奖金最高不超过2万元".
    PercentTier(
        code="direct",
        label_zh="(二)举报并提供直接线索、证据",
        rule_ids=("S000-R079",),
        loss_rate=Decimal("0.20"),
        fine_rate=Decimal("0.50"),
        cap=Decimal(20000),
        evidence=frozenset({"direct"}),
    ),
    # S000-R079 (一) "举报并配合调查、但未提供有效证据,经查证属实,按挽回经济损失
    # 额的10%、或按罚款额的30%奖励,奖金最高不超过1万元".
    PercentTier(
        code="cooperation",
        label_zh="(一)举报并配合调查、但未提供有效证据",
        rule_ids=("S000-R079",),
        loss_rate=Decimal("0.10"),
        fine_rate=Decimal("0.30"),
        cap=Decimal(10000),
        evidence=frozenset({"cooperation"}),
    ),
)

#: The listed company's reward policy (S000-R077..R083).
REWARD_POLICY = RewardPolicy(
    code="listed_company",
    name="XXXX股份有限公司 反舞弊投诉举报的奖励办法",
    method="percentage",
    rule_ids=tuple(f"S000-R{n:03d}" for n in range(77, 84)),
    # S000-R078 (第四条): 审计部 handles rewards; S000-R081 (第六条): it proposes,
    # 董事会领导 approve.
    proposer=AUDIT_DEPARTMENT,
    approver=BOARD_LEADERSHIP,
    tiers=TIERS,
    # S000-R079 (四) "单个案件举报奖励不足100元的,按100元发放".
    floor=Decimal(100),
    exclusions=(
        # S000-R078 (第二条) "匿名举报、个人职责范围内或受单位委托的举报、审计人员的
        # 举报不属本办法奖励范围".
        Exclusion("anonymous", ("S000-R078",)),
        Exclusion("own_duties", ("S000-R078",)),
        Exclusion("commissioned", ("S000-R078",)),
        Exclusion("audit_staff", ("S000-R078",)),
        # S000-R080 (第五条(五)) "举报同一案件的,不重复奖励".
        Exclusion("already_rewarded", ("S000-R080",)),
    ),
    # S000-R081 (第六条) "奖金由审计部在结案后7个工作日内提议,经董事会领导核准后发放".
    proposal_working_days=7,
    # S000-R083 (第八条) "举报人在接到通知后一个月内领取举报奖金,逾期作放弃奖金处理".
    claim_months=1,
    citations={
        # S000-R077 (第一条) "任何经查证属实、挽回经济损失的舞弊举报,将给予举报人奖励".
        "scope": ("S000-R077",),
        "floor": ("S000-R079",),
        "sharing": ("S000-R080",),
        "basis": ("S000-R079",),
        "proposal": ("S000-R081",),
        "claim": ("S000-R083",),
        "approval": ("S000-R081",),
    },
    note="Payment as a department expense reimbursement or secretly as wages "
    "(S000-R082); the method is recorded with the payment.",
)

# --------------------------------------------------------------------------
# Opening (立项) rules (第十七条, L187)
# --------------------------------------------------------------------------

#: 第十七条 (S000-R071): anonymous on ordinary/middle staff → 审计部 pre-evaluates,
#: no limit (a); real-name on ordinary/middle staff → to 董事会 within 3 working
#: days (b); senior management → to 董事会 within 2 working days (c). Real-name
#: reporters get the result (S000-R072). Hiding a senior report from the
#: management reported on follows from sending it to the board and from
#: S000-R073 (non-disclosure).
OPENING_RULES = OpeningRules(
    code="listed_company",
    intake=AUDIT_DEPARTMENT,
    evaluator=AUDIT_DEPARTMENT,
    approver=BOARD,
    senior_approver=BOARD,
    approval_days=3,
    senior_days=2,
    rule_ids={
        "evaluation": ("S000-R071",),
        "approval": ("S000-R071",),
        "senior": ("S000-R071", "S000-R073"),
        "feedback": ("S000-R072",),
    },
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {
    "reward_policy": {"listed_company": REWARD_POLICY},
    "opening_rules": {"listed_company": OPENING_RULES},
}

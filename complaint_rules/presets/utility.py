"""Seed 002 D2, 公司举报管理制度 of a heating utility company (L94-L98, repeated
as D17 at L194-L198 with the same numbers): its reward rulebook, digest
``shared/spec/seed-002.md`` §2.5.

Data only, each entry citing its rule IDs:

* a reward needs the report verified and the company's consent (S002-R066);
* per verified incident, the infringed value picks a band: below 5万元
  100-1000元, from 5万元 500-5000元; the company fixes the amount within the
  band (S002-R067);
* no reward when the 纪检监察部 had already discovered the facts, was already
  investigating them or had already taken measures (S002-R068).

The text sets no deadline for proposing or claiming a reward (digest §2.4
[GAP]), so the policy has none. Anonymous reports are not excluded (S002-R053
only encourages real names). The value exactly at 5万元 falls in the higher
band ("价值达5万元以上", the default ``edge_reading``).
"""

from decimal import Decimal

from ..reward import Exclusion, RewardPolicy, RoleRef, ValueBand

DISCIPLINE_INSPECTION = RoleRef(
    "discipline_inspection", "纪检监察部", "Discipline inspection department"
)
COMPANY = RoleRef("company", "公司", "The company")

#: S002-R067 (十三) "查实任意一起侵害公司利益行为,被侵害价值5万元以下的,奖励
#: 100--1000元;价值达5万元以上的,奖励500--5000元".
BANDS: tuple[ValueBand, ...] = (
    ValueBand(
        code="below_50000",
        label_zh="被侵害价值5万元以下",
        rule_ids=("S002-R067",),
        minimum=Decimal(100),
        maximum=Decimal(1000),
        upper=Decimal(50000),
    ),
    ValueBand(
        code="from_50000",
        label_zh="价值达5万元以上",
        rule_ids=("S002-R067",),
        minimum=Decimal(500),
        maximum=Decimal(5000),
        lower=Decimal(50000),
    ),
)

#: The utility's reward policy (S002-R066..R068).
REWARD_POLICY = RewardPolicy(
    code="utility",
    name="公司举报管理制度 奖励标准",
    method="band",
    rule_ids=("S002-R066", "S002-R067", "S002-R068"),
    # S002-R052: reports go to 纪检监察部; S002-R066 "经公司同意后,给与举报人相应
    # 奖励": the company consents.
    proposer=DISCIPLINE_INSPECTION,
    approver=COMPANY,
    bands=BANDS,
    per_incident=True,
    exclusions=(
        # S002-R068 (十四) 不予奖励情形 (1)-(3).
        Exclusion("already_discovered", ("S002-R068",)),
        Exclusion("under_investigation", ("S002-R068",)),
        Exclusion("measures_taken", ("S002-R068",)),
    ),
    citations={
        "scope": ("S002-R066",),
        "sharing": ("S002-R067",),
        "approval": ("S002-R066",),
    },
    note="The exclusions compare the department's prior knowledge (with its "
    "date) with the report's receipt; the caller sets the flags.",
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {"reward_policy": {"utility": REWARD_POLICY}}

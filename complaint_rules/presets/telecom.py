"""Seed 000 §5, China Unicom complaint service (篇五 投诉服务管理): the
telecom rulebook, digest ``shared/spec/seed-000.md``.

Data only, each entry citing its rule IDs: the complaint grades and upgrade
levels (S000-R103, S000-R137, S000-R151, S000-R155) and the time limits
(S000-R104, S000-R105, S000-R120, S000-R122, S000-R140, S000-R156).
"""

from ..grading import Duration, Grade, GradeCriterion, GradeLimit, GradingScheme
from ..sla import Policy, StepLimit

# --------------------------------------------------------------------------
# Grading
# --------------------------------------------------------------------------

#: China Unicom complaint grades and upgrade levels, seed 000 §5.
#: Upgrade ladder: ordinary complaint (一般 / 省级 / 全国级, S000-R103) ->
#: escalated complaint to the group hotline (升级投诉, S000-R137) -> appeal
#: (申诉, S000-R151/R155). The general/provincial overlap (S000-R103 ⚠) is
#: resolved by the digest's decision rule: general = answered without
#: dispatch, provincial = needs dispatch in the home branch, national = needs
#: HQ or another province.
TELECOM_UPGRADE = GradingScheme(
    code="telecom_upgrade",
    grades=(
        Grade("appeal", "申诉", "Appeal", "S000-R155"),
        Grade("escalated", "升级投诉", "Escalated complaint", "S000-R137"),
        Grade("national_vip", "全国级VIP客户投诉", "National, VIP", "S000-R103"),
        Grade("national", "全国级普通客户投诉", "National, ordinary", "S000-R103"),
        Grade("provincial_vip", "省级VIP客户投诉", "Provincial, VIP", "S000-R103"),
        Grade("provincial", "省级普通客户投诉", "Provincial, ordinary", "S000-R103"),
        Grade("general", "一般投诉", "General complaint", "S000-R103"),
    ),
    criteria=(
        # S000-R151/R155: forwarded by 信息产业部 / 通信管理局 / 消协 (12300).
        GradeCriterion(
            "appeal",
            "S000-R155",
            note="forwarded by a regulator",
            channels={"regulator"},
        ),
        # S000-R155: direct appeal after being dissatisfied with the result of
        # the first complaint (one upgrade).
        GradeCriterion(
            "appeal",
            "S000-R155",
            note="direct appeal after a first complaint",
            min_upgrades=1,
        ),
        # S000-R137/R139: complaint to the group hotline, dispatched by HQ.
        GradeCriterion(
            "escalated",
            "S000-R137",
            note="via the group hotline / HQ",
            channels={"superior"},
        ),
        GradeCriterion(
            "national_vip",
            "S000-R103",
            note="cross-province (roaming), VIP",
            flags={"cross_province", "vip_customer"},
        ),
        GradeCriterion(
            "national_vip",
            "S000-R103",
            note="needs HQ or another province, VIP",
            flags={"needs_hq", "vip_customer"},
        ),
        GradeCriterion(
            "national",
            "S000-R103",
            note="cross-province (roaming)",
            flags={"cross_province"},
        ),
        GradeCriterion(
            "national",
            "S000-R103",
            note="needs HQ or another province",
            flags={"needs_hq"},
        ),
        GradeCriterion(
            "provincial_vip",
            "S000-R103",
            note="dispatched in the home branch, VIP",
            flags={"needs_dispatch", "vip_customer"},
        ),
        GradeCriterion(
            "provincial",
            "S000-R103",
            note="dispatched in the home branch",
            flags={"needs_dispatch"},
        ),
    ),
    default_grade="general",
    limits=(
        # S000-R156: whole appeal process within 7 working days.
        GradeLimit("appeal", ("S000-R156",), resolution=Duration(7, "working_days")),
        # S000-R140: from HQ dispatch to closing and replying to HQ.
        GradeLimit(
            "escalated",
            ("S000-R140",),
            resolution=Duration(7, "working_days"),
            applies_to="fixed_network",
        ),
        GradeLimit(
            "escalated",
            ("S000-R140",),
            resolution=Duration(3, "working_days"),
            applies_to="mobile",
        ),
        # S000-R104: hard maxima in calendar hours; the averages are KPIs.
        GradeLimit(
            "national_vip",
            ("S000-R104",),
            first_reply=Duration(72, "hours"),
            note="平均48小时答复 (KPI)",
        ),
        GradeLimit(
            "national",
            ("S000-R104",),
            first_reply=Duration(72, "hours"),
            note="平均48小时答复 (KPI)",
        ),
        GradeLimit(
            "provincial_vip",
            ("S000-R104", "S000-R105"),
            first_reply=Duration(48, "hours"),
            note="平均24小时答复 (KPI); VIP uses the lower bound of 附录C",
        ),
        GradeLimit(
            "provincial",
            ("S000-R104",),
            first_reply=Duration(48, "hours"),
            note="平均24小时答复 (KPI)",
        ),
        GradeLimit(
            "general",
            ("S000-R104",),
            first_reply=Duration(24, "hours"),
            note="即时答复, 最长不超过24小时",
        ),
    ),
)

# --------------------------------------------------------------------------
# SLA policies
# --------------------------------------------------------------------------

#: Seed 000 §5.4, China Unicom complaint service (S000-R104, S000-R105,
#: S000-R120, S000-R122, S000-R140, S000-R156). Warnings at 90 % (S000-R122).
SLA_POLICIES: tuple[Policy, ...] = (
    Policy(
        code="telecom_base",
        name="Telecom complaints (general)",
        scheme="telecom_upgrade",
        kinds=frozenset({"complaint"}),
        sequence=100,
        rule_ids=("S000-R104", "S000-R105", "S000-R120", "S000-R122"),
        limits=(
            # S000-R105: the centre reviews and dispatches ≤ 4 h.
            StepLimit("received", 4, "hours", rule_ids=("S000-R105",)),
            # S000-R104: general complaint answered, 最长不超过24小时;
            # a missed answer goes up the chain (S000-R113).
            StepLimit(
                "received",
                24,
                "hours",
                "replied",
                breach_action="both",
                rule_ids=("S000-R104",),
            ),
            # S000-R105/R120: revisit within 7日 after handling ends.
            StepLimit(
                "replied",
                7,
                "calendar_days",
                "revisit",
                rule_ids=("S000-R105",),
            ),
        ),
    ),
    Policy(
        code="telecom_provincial",
        name="Telecom provincial complaints",
        scheme="telecom_upgrade",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"provincial", "provincial_vip"}),
        sequence=50,
        rule_ids=("S000-R104",),
        note="Average 24 h is a KPI; the hard maximum is 48 h.",
        limits=(
            StepLimit(
                "received",
                48,
                "hours",
                "replied",
                breach_action="both",
                rule_ids=("S000-R104",),
            ),
        ),
    ),
    Policy(
        code="telecom_national",
        name="Telecom national complaints",
        scheme="telecom_upgrade",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"national", "national_vip"}),
        sequence=50,
        rule_ids=("S000-R104",),
        note="Average 48 h is a KPI; the hard maximum is 72 h.",
        limits=(
            StepLimit(
                "received",
                72,
                "hours",
                "replied",
                breach_action="both",
                rule_ids=("S000-R104",),
            ),
        ),
    ),
    Policy(
        code="telecom_escalated_fixed",
        name="Telecom escalated complaints, fixed network",
        scheme="telecom_upgrade",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"escalated"}),
        sequence=50,
        rule_ids=("S000-R140",),
        limits=(
            StepLimit(
                "received",
                7,
                "working_days",
                "replied",
                rule_ids=("S000-R140",),
            ),
        ),
    ),
    Policy(
        code="telecom_escalated_mobile",
        name="Telecom escalated complaints, mobile",
        scheme="telecom_upgrade",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"escalated"}),
        sequence=40,
        active=False,
        rule_ids=("S000-R140",),
        note="Activate and restrict to the companies handling mobile "
        "business; it then wins over the fixed-network policy.",
        limits=(
            StepLimit(
                "received",
                3,
                "working_days",
                "replied",
                rule_ids=("S000-R140",),
            ),
        ),
    ),
    Policy(
        code="telecom_appeal",
        name="Telecom regulator appeals",
        scheme="telecom_upgrade",
        kinds=frozenset({"complaint"}),
        grades=frozenset({"appeal"}),
        sequence=50,
        rule_ids=("S000-R156",),
        limits=(
            StepLimit(
                "received",
                7,
                "working_days",
                "replied",
                rule_ids=("S000-R156",),
            ),
        ),
    ),
)


#: What this rulebook provides, by kind and code (see complaint_rules.presets).
RULEBOOK = {
    "grading_scheme": {TELECOM_UPGRADE.code: TELECOM_UPGRADE},
    "sla_policies": {"telecom": SLA_POLICIES},
}
